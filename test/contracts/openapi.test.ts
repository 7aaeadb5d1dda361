/**
 * One home for every wire shape: every route the app mounts has a contract, the OpenAPI
 * document generated from the contracts and the registry is valid OpenAPI 3.1, and each
 * function's calc route lists its parameters in order.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../contracts/openapi.js';
import { ROUTES } from '../../contracts/routes.js';
import { registry } from '../../formulas/registry.js';
import { createApp } from '../../server/app.js';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** "METHOD /path" of every route in the app's router tree (mount paths joined to route paths). */
function mountedRoutes(stack: readonly Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
    const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    return layer.handle.stack ? mountedRoutes(layer.handle.stack, prefix + mount) : [];
  });
}

const app = createApp({ addinDir: undefined });
const contracted = new Set(Object.values(ROUTES).map((r) => `${r.method.toUpperCase()} ${r.path}`));

describe('contracts', () => {
  it('every route the app mounts has a contract, and every contract is mounted', () => {
    const mounted = mountedRoutes((app as unknown as { router: Router & { stack: Layer[] } }).router.stack);
    expect(mounted.length).toBeGreaterThan(20);
    expect(mounted.filter((r) => !contracted.has(r))).toEqual([]);
    expect([...contracted].filter((r) => !mounted.includes(r))).toEqual([]);
  });

  it('a route mounted without a contract is found', () => {
    const mounted = mountedRoutes([{ rawPath: '/api/v1', handle: { stack: [{ route: { path: '/secret', methods: { get: true } }, handle: {} }] } }]);
    expect(mounted.filter((r) => !contracted.has(r))).toEqual(['GET /api/v1/secret']);
  });
});

describe('the OpenAPI 3.1 document', () => {
  const document = openApiDocument(registry);

  it('validates', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    expect(document.openapi).toBe('3.1.0');
  });

  it('has every function’s calc route with its parameters in order', () => {
    for (const def of registry) {
      const op = document.paths?.[`/api/v1/calc/${def.id}`]?.post;
      expect(op, def.id).toBeDefined();
      const body = (op!.requestBody as { content: Record<string, { schema: { properties: { args: { prefixItems: { description: string }[] } } } }> }).content['application/json']!.schema;
      expect(body.properties.args.prefixItems.map((p) => p.description.split(':')[0]), def.id).toEqual(def.params.map((p: { name: string }) => p.name));
    }
  });

  it('is served at GET /api/v1/openapi.json', async () => {
    const res = await request(app).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
