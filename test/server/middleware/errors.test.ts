/**
 * One error path: whatever fails (an unknown address, a body that is not a request, a
 * formula that cannot compute, a bug), the answer is `{ error: { code, zh, en } }` with the
 * Chinese and the English apart, never one joined string and never an HTML page.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../contracts/errors.js';
import { createApp } from '../../../server/app.js';
import { errorResponder, toServiceError } from '../../../server/middleware/errors.js';
import { silentLogger } from '../../../server/logger.js';
import { ServiceError } from '../../../server/service-error.js';
import express from 'express';

const app = createApp();
const CHINESE = /[\u4e00-\u9fff]/;

describe('every 404 has the one shape', () => {
  it.each([
    ['GET', '/api/v1/no-such-route'],
    ['DELETE', '/api/v1/calc'],
    ['GET', '/nothing-here.html'],
    ['GET', '/api/v1/forms/no-such-form'],
  ])('%s %s', async (method, path) => {
    const res = await request(app)[method.toLowerCase() as 'get' | 'delete'](path);
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/json');
    const { error } = errorBodySchema.parse(res.body);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.zh).toMatch(CHINESE);
    expect(error.en).not.toMatch(CHINESE);
  });
});

describe('the messages travel as two strings', () => {
  it('a body that is not a consolidation request is refused in both languages (it was English only)', async () => {
    const res = await request(app).post('/api/v1/consolidation/plan').send({ schools: 'none' });
    expect(res.status).toBe(400);
    const { error } = errorBodySchema.parse(res.body);
    expect(error.zh).toMatch(/^布局调整计划请求不合要求：schools/);
    expect(error.en).toMatch(/^The consolidation plan request is not valid at schools/);
  });

  it('a formula error answered by a single-call route keeps its own code', async () => {
    const res = await request(app).post('/api/v1/calc/APPORTION').send({ args: [-1, [[1]]] });
    expect(res.status).toBe(422);
    const { error } = errorBodySchema.strict().parse(res.body);
    expect(error.code).toBe('VALUE');
    expect(error.en).toContain('-1');
  });

  it('no error answer carries a joined "中文 / English" message', async () => {
    const res = await request(app).post('/api/v1/calc').send({ calls: 'x' });
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'en', 'zh']);
  });
});

describe('toServiceError', () => {
  it('keeps a ServiceError, and turns a bug into a 500 that does not leak its text', () => {
    const own = new ServiceError(409, 'CONFLICT', { zh: '冲突', en: 'conflict' });
    expect(toServiceError(own, 1000)).toBe(own);
    const bug = toServiceError(new TypeError('secret internals'), 1000);
    expect([bug.status, bug.code]).toEqual([500, 'INTERNAL']);
    expect(`${bug.zh} ${bug.en}`).not.toContain('secret');
  });

  it('writes headers that belong to the failure, with the body in the one shape', async () => {
    const tiny = express();
    tiny.get('/', () => {
      throw new ServiceError(429, 'RATE_LIMITED', { zh: '太快', en: 'too fast' }, { headers: { 'Retry-After': '7' }, details: { more: 2 } });
    });
    tiny.use(errorResponder(silentLogger, 1000));
    const res = await request(tiny).get('/');
    expect([res.status, res.headers['retry-after']]).toEqual([429, '7']);
    expect(res.body).toEqual({ error: { code: 'RATE_LIMITED', zh: '太快', en: 'too fast', details: { more: 2 } } });
  });
});
