/**
 * The calculation endpoints in-process: status codes and bodies for good calls, domain
 * errors (422), malformed requests (400), limits (413), JSON everywhere.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { packRows, unpackRows } from '../../../contracts/packed-range.js';

const app = createApp();
// The national CV limit for primary schools is 0.50 (教督〔2017〕6号).
const profileArgs = ['cn-national', 'balance.cvLimit.primary'];

describe('POST /api/v1/calc/{ID}', () => {
  it('answers 200 with the value', async () => {
    const res = await request(app).post('/api/v1/calc/PROFILE').send({ args: profileArgs });
    expect(res.status).toBe(200);
    expect(res.body.value).toBe(0.5);
  });

  it('accepts the id case-insensitively and with the EDU. prefix', async () => {
    const res = await request(app).post('/api/v1/calc/edu.profile').send({ args: profileArgs });
    expect(res.status).toBe(200);
  });

  it('answers 422 with a bilingual error for a domain error', async () => {
    const res = await request(app).post('/api/v1/calc/PROFILE').send({ args: ['no-such-profile', 'x'] });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('VALUE');
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toMatch(/找不到政策配置 "no-such-profile".* \/ Policy profile "no-such-profile" was not found/);
  });

  it('answers 422 naming the argument when a value has the wrong type', async () => {
    const res = await request(app).post('/api/v1/calc/PROFILE').send({ args: [42, 'x'] });
    expect(res.status).toBe(422);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('profile');
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('42');
  });

  it('answers 400 for an unknown function, naming it', async () => {
    const res = await request(app).post('/api/v1/calc/NOPE').send({ args: [] });
    expect(res.status).toBe(400);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('"NOPE"');
  });

  it('answers 400 for a wrong number of arguments, saying how many it takes', async () => {
    const res = await request(app).post('/api/v1/calc/PROFILE').send({ args: ['a', 'b', 'c'] });
    expect(res.status).toBe(400);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toBe('EDU.PROFILE 需要 2 个参数，收到 3 个：可选参数省略时请传 null / EDU.PROFILE takes 2 arguments, got 3: pass null for an omitted optional');
  });

  it('answers 400 for malformed JSON and for a body without args', async () => {
    const bad = await request(app).post('/api/v1/calc/PROFILE').set('content-type', 'application/json').send('{"args": [');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_JSON');
    const noArgs = await request(app).post('/api/v1/calc/PROFILE').send({ arguments: [] });
    expect(noArgs.status).toBe(400);
    expect(`${noArgs.body.error.zh} / ${noArgs.body.error.en}`).toContain('{"args": [...]}');
  });
});

describe('POST /api/v1/calc (batch)', () => {
  it('answers one result per call, in order; one bad call never fails the others', async () => {
    const res = await request(app)
      .post('/api/v1/calc')
      .send({
        calls: [
          { fn: 'PROFILE', args: profileArgs },
          { fn: 'NOPE', args: [] },
          { fn: 'PROFILE', args: ['x'] },
          { fn: 'PROFILE', args: ['missing-profile', 'k'] },
          { fn: 'PROFILE', args: profileArgs },
        ],
      });
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r).toHaveLength(5);
    expect(r[0].value).toBe(0.5);
    expect(r[1].error.code).toBe('NA');
    expect(`${r[1].error.zh} / ${r[1].error.en}`).toContain('EDU.NOPE');
    expect(`${r[2].error.zh} / ${r[2].error.en}`).toContain('takes 2 arguments, got 1');
    expect(r[3].error.code).toBe('VALUE');
    expect(r[4]).toEqual(r[0]);
  });

  it('answers 413 stating the limit when a batch holds too many calls', async () => {
    const small = createApp({ limits: { maxCalls: 3 } });
    const calls = Array.from({ length: 4 }, () => ({ fn: 'PROFILE', args: profileArgs }));
    const res = await request(small).post('/api/v1/calc').send({ calls });
    expect(res.status).toBe(413);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('at most 3 calls; this one has 4');
  });

  it('answers 413 stating the byte limit when the body is too large', async () => {
    const small = createApp({ limits: { maxBodyBytes: 1000 } });
    const res = await request(small)
      .post('/api/v1/calc')
      .send({ calls: [{ fn: 'PROFILE', args: ['x'.repeat(2000), 'k'] }] });
    expect(res.status).toBe(413);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('1000 bytes');
  });

  it('answers 400 when calls is missing or malformed', async () => {
    const res = await request(app).post('/api/v1/calc').send({ calls: [{ fn: 1 }] });
    expect(res.status).toBe(400);
  });
});

describe('packed ranges over the API', () => {
  // 1,200 units with 2 drivers: the drivers range (2,400 cells) and the answer (1,200) are
  // large enough to travel packed; a range of 2 cells is not.
  const units = 1200;
  const drivers = Array.from({ length: units }, (_, i) => [i % 37, (i * 7) % 11]);
  const args = [123456.78, drivers, [[2, 3]]];
  const packedArgs = [123456.78, packRows(drivers), [[2, 3]]];

  it('a packed range argument gives the same answer as nested rows; pack: true packs the answer', async () => {
    const nested = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args });
    const packed = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args: packedArgs, pack: true });
    expect(nested.status).toBe(200);
    expect(packed.status).toBe(200);
    expect(packedArgs[1]).toMatchObject({ dtype: 'i2', shape: [units, 2] });
    // Yuan with fen travel as doubles.
    expect(packed.body.value).toMatchObject({ dtype: 'f8', shape: [units, 1] });
    expect(unpackRows(packed.body.value)).toEqual(nested.body.value);
    const total = (nested.body.value as number[][]).reduce((a, [x]) => a + Math.round(x! * 100), 0);
    expect(total).toBe(12345678);
  });

  it('without pack: true the answer stays nested, whatever the arguments were', async () => {
    const res = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args: packedArgs });
    expect(Array.isArray(res.body.value)).toBe(true);
    expect(res.body.value).toHaveLength(units);
  });

  it('packs only large all-number answers in a batch; errors and small answers stay as they are', async () => {
    const res = await request(app)
      .post('/api/v1/calc')
      .send({
        pack: true,
        calls: [
          { fn: 'FUNDSPLIT', args: packedArgs },
          { fn: 'FUNDSPLIT', args: [100, [[1], [3]]] },
          { fn: 'FUNDSPLIT', args: [100, { dtype: 'i2', shape: [2, 1], bdata: 'AQA' }] },
        ],
      });
    expect(res.status).toBe(200);
    const [big, small, bad] = res.body.results;
    expect(big.value).toMatchObject({ dtype: 'f8', shape: [units, 1] });
    expect(small.value).toEqual([[25], [75]]);
    expect(bad.error.code).toBe('VALUE');
    expect(bad.error.zh).toContain('参数 drivers（第 2 个参数）不合要求');
    expect(bad.error.en).toContain('base64');
  });

  it('answers 400 when pack is not true or false', async () => {
    const res = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args, pack: 'yes' });
    expect(res.status).toBe(400);
  });
});

describe('catalog, health and unknown routes', () => {
  it('GET /healthz answers ok', async () => {
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('GET /api/v1/functions lists every function with its parameters', async () => {
    const res = await request(app).get('/api/v1/functions');
    expect(res.status).toBe(200);
    const profile = res.body.functions.find((f: { id: string }) => f.id === 'PROFILE');
    expect(profile.name).toBe('EDU.PROFILE');
    expect(profile.params.map((p: { name: string }) => p.name)).toEqual(['profile', 'key']);
  });

  it('unknown API routes and pages answer JSON 404', async () => {
    for (const path of ['/api/v1/nothing', '/nothing']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});

describe('argument addresses (requiresParameterAddresses)', () => {
  it('names the cell as the clerk sees it when a call carries its arguments\' addresses, and the row when not', async () => {
    const weights = [[5], [-3], [5]];
    const res = await request(app)
      .post('/api/v1/calc')
      .send({
        calls: [
          { fn: 'APPORTION', args: [10, weights], addresses: ['Sheet1!A1', 'Sheet1!C4:C6'] },
          { fn: 'APPORTION', args: [10, weights] },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.results[0].error.zh).toMatch(/weights（Sheet1!C5） 的值 -3 小于 0/);
    expect(res.body.results[1].error.zh).toMatch(/weights 第 2 行 的值 -3 小于 0/);
    const single = await request(app).post('/api/v1/calc/APPORTION').send({ args: [10, weights], addresses: [null, '名单!B2:B4'] });
    expect(single.status).toBe(422);
    expect(single.body.error.en).toMatch(/weights \(名单!B3\): -3 is below 0/);
  });

  it('refuses addresses that are not a list of texts as a malformed request', async () => {
    const res = await request(app).post('/api/v1/calc/APPORTION').send({ args: [10, [[1]]], addresses: 'B2' });
    expect(res.status).toBe(400);
  });
});

describe('packed ranges are a wire format the service decodes before a formula sees them', () => {
  it('refuses a malformed packed range by argument name, and a packed range where one value is expected', async () => {
    const app = createApp();
    const bad = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args: [100, { dtype: 'f8', shape: [1, 1], bdata: 'AAAA' }] });
    expect([bad.status, bad.body.error.zh]).toEqual([422, expect.stringContaining('参数 drivers（第 2 个参数）不合要求')]);
    const scalar = await request(app).post('/api/v1/calc/FUNDSPLIT').send({ args: [packRows([[100]], { minCells: 1 }), [[1]]] });
    expect(scalar.body.error.zh).toContain('参数 budget（第 1 个参数）不合要求：这个参数只接受单个值，不接受区域');
  });
});
