/**
 * One definition per calculation: everything generated from the registry must agree with
 * it — the service routes, the catalog endpoint, functions.json (both languages), the
 * add-in's registrations, what the shipped bundle registers and docs/functions.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchClient, ServiceClient } from '../../client/index.js';
import { registerFunctions, type CustomFunctionsApi } from '../../addin/functions/excel-functions.js';
import { buildAddin } from '../../addin/build/build.js';
import { functionsMarkdown } from '../../addin/build/docs.js';
import { functionsJson, runtimeFunctionList } from '../../addin/build/functions-json.js';
import { PARAM_NAMES_ZH } from '../../formulas/param-names.js';
import { catalog } from '../../formulas/catalog.js';
import { registry, type ParamSpec } from '../../formulas/index.js';
import { createApp } from '../../server/app.js';
import { bundleSandbox } from '../helpers/bundle-sandbox.js';

const ids = registry.map((f) => f.id);

describe('the registry itself', () => {
  it('has unique ids that Excel accepts (letters, digits, periods; at least 3 characters)', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9.]{2,}$/);
  });

  it.each(registry.map((f) => [f.id, f] as const))('EDU.%s is fully described', (_id, f) => {
    const names = f.params.map((p: ParamSpec) => p.name);
    expect(new Set(names).size).toBe(names.length);
    // Excel requires every optional parameter to come after the required ones.
    const firstOptional = f.params.findIndex((p: ParamSpec) => p.optional || p.default !== undefined);
    if (firstOptional >= 0) for (const p of f.params.slice(firstOptional)) expect(p.optional || p.default !== undefined).toBe(true);
    for (const text of [f.summary, f.rounding, f.result.summary, ...f.params.flatMap((p: ParamSpec) => [p.summary, p.hint])]) {
      expect(text.zh.length).toBeGreaterThan(0);
      expect(text.en.length).toBeGreaterThan(0);
    }
    expect(f.examples.length).toBeGreaterThan(0);
  });
});

describe('zh-CN tooltip names', () => {
  it('every parameter of every function has a Chinese name (add it to formulas/param-names.ts), each a few Chinese characters', () => {
    for (const def of registry) {
      for (const p of def.params as readonly ParamSpec[]) {
        expect(PARAM_NAMES_ZH[p.name], `EDU.${def.id} ${p.name}: add its Chinese name to formulas/param-names.ts`).toMatch(/^[\u4e00-\u9fff]{2,8}$/u);
      }
    }
  });
});

describe('generated artefacts agree with the registry', () => {
  const entries = catalog();
  let outDir: string;

  beforeAll(async () => {
    outDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-build-')));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('functions.json (zh-CN) and functions.en-US.json list exactly the registry with its parameters', () => {
    for (const [file, locale] of [
      ['functions.json', 'zh'],
      ['functions.en-US.json', 'en'],
    ] as const) {
      const built = JSON.parse(readFileSync(path.join(outDir, file), 'utf8'));
      expect(built).toEqual(functionsJson(entries, locale));
      expect(built.functions.map((f: { id: string }) => f.id)).toEqual(ids);
      built.functions.forEach((f: { parameters: { name: string; optional: boolean; dimensionality: string }[]; result: { dimensionality: string }; options?: { requiresParameterAddresses?: boolean } }, i: number) => {
        const def = registry[i]!;
        const names = def.params.map((p: ParamSpec) => (locale === 'zh' ? PARAM_NAMES_ZH[p.name] : p.name));
        expect(f.parameters.map((p) => p.name)).toEqual(names);
        // Excel gives argument addresses only to functions with a matrix result (custom-functions-json.md).
        expect(f.options?.requiresParameterAddresses === true).toBe(f.result.dimensionality === 'matrix');
        expect(f.parameters.map((p) => p.dimensionality)).toEqual(def.params.map((p: ParamSpec) => p.dimensionality));
        expect(f.parameters.map((p) => p.optional)).toEqual(def.params.map((p: ParamSpec) => p.optional === true || p.default !== undefined));
      });
    }
  });

  it('the shipped bundle registers every registry id, sends each call with its parameter count, and caches only pure functions', async () => {
    // Run the built taskpane.js as Excel would load it, in a sandbox with stub host globals:
    // what is checked is what the bundle does, not how the minifier happened to print it.
    const associated = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    const posted: { fn: string; args: unknown[] }[] = [];
    const sandbox: Record<string, unknown> = {
      ...bundleSandbox(posted, [[0]]),
      CustomFunctions: { associate: (id: string, fn: (...args: unknown[]) => Promise<unknown>) => associated.set(id, fn), Error: class extends Error {}, ErrorCode: {} },
      // The pane's own start waits for Office.onReady, which never comes here: only the functions start.
      Office: { onReady: () => new Promise(() => undefined) },
      location: { origin: 'http://127.0.0.1:9' },
    };
    sandbox.window = sandbox;
    vm.runInNewContext(readFileSync(path.join(outDir, 'taskpane.js'), 'utf8'), sandbox);
    expect([...associated.keys()]).toEqual(ids);

    const list = runtimeFunctionList(entries);
    for (const f of list) {
      // Excel may pass more arguments than declared; twice the same call, to see the cache.
      const args = Array.from({ length: f.paramCount + 2 }, (_, i) => i + 1);
      await associated.get(f.id)!(...args);
      await associated.get(f.id)!(...args);
    }
    for (const f of list) {
      const sent = posted.filter((c) => c.fn === f.id);
      expect(sent.length, f.id).toBe(f.pure ? 1 : 2);
      expect(sent[0]!.args, f.id).toHaveLength(f.paramCount);
    }
  });

  it('the add-in associates exactly the registry ids with CustomFunctions', () => {
    const associated: string[] = [];
    const api = { associate: (id: string) => associated.push(id) } as unknown as CustomFunctionsApi;
    const client = new BatchClient(new ServiceClient({ serviceUrl: () => 'http://127.0.0.1:9', token: () => undefined }), { pure: new Set() });
    registerFunctions(api, client, runtimeFunctionList(entries));
    expect(associated).toEqual(ids);
  });

  it('the catalog endpoint serves the registry', async () => {
    const res = await request(createApp()).get('/api/v1/functions');
    expect(res.body.functions).toEqual(JSON.parse(JSON.stringify(entries)));
  });

  it('the service routes every registry function (no "unknown function")', async () => {
    const app = createApp();
    for (const def of registry) {
      const args = def.params.map(() => null);
      const res = await request(app).post(`/api/v1/calc/${def.id}`).send({ args });
      expect([200, 422]).toContain(res.status);
    }
  });

  it('docs/functions.md is what `npm run docs` generates (run it after changing a definition)', () => {
    const committed = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'functions.md'), 'utf8');
    expect(committed).toBe(functionsMarkdown(entries));
  });
});
