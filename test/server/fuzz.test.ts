/**
 * Bad input, property-based: every /api/v1 route gets arbitrary JSON (wrong types, huge
 * numbers, deep nesting, prototype-pollution keys), raw bodies with invalid UTF-8 and
 * broken JSON, and arbitrary path and query parameters. Whatever arrives, the service
 * answers below 500, in JSON, with a message that names the problem, and keeps running;
 * nothing reaches Object.prototype.
 *
 * The requests come from an admin (every route open to it) of a county with a saved
 * scenario, so the fuzzing reaches the handlers and not only the sign-in check.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../contracts/errors.js';
import { registry } from '../../formulas/index.js';
import { smallCounty } from '../formulas/rotation/county-fixture.js';
import { startTestApp, type TestApp } from '../helpers/storage-app.js';

const RUNS = Number(process.env.EDU_FUZZ_RUNS ?? 40);

interface Target {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** A body of the right outline whose fields are fuzzed. */
  outline?: (v: () => unknown) => unknown;
}

let scenarioId = '';
let formId = '';

const TARGETS: (() => Target)[] = [
  () => ({ method: 'POST', path: '/api/v1/calc', outline: (v) => ({ calls: [{ fn: 'PROFILE', args: v() }, { fn: v(), args: [v()] }, v()] }) }),
  () => ({ method: 'POST', path: '/api/v1/calc/PROFILE', outline: (v) => ({ args: [v(), v()] }) }),
  ...registry.map((def) => () => ({ method: 'POST' as const, path: `/api/v1/calc/${def.id}`, outline: (v: () => unknown) => ({ args: def.params.map(() => v()) }) })),
  () => ({ method: 'POST', path: '/api/v1/scenarios', outline: (v) => ({ name: v(), workbook: v(), inputs: v(), results: v() }) }),
  () => ({ method: 'PUT', path: '/api/v1/profiles/jx-fuzz', outline: (v) => ({ title: v(), extends: v(), version: v(), values: { k: [{ value: v(), effective: v(), source: v() }] } }) }),
  () => ({ method: 'POST', path: '/api/v1/consolidation/plan', outline: (v) => ({ schools: [v()], distances: v(), thresholds: v(), maxDistanceKm: v() }) }),
  () => ({ method: 'POST', path: '/api/v1/rotation/plan', outline: (v) => ({ teachers: [v()], schools: [v()], parameters: v() }) }),
  () => ({ method: 'POST', path: `/api/v1/forms/${formId}`, outline: (v) => ({ title: v(), rows: [v()], date: v() }) }),
  () => ({ method: 'POST', path: `/api/v1/forms/${formId}/layout`, outline: (v) => ({ rows: v() }) }),
  () => ({ method: 'GET', path: `/api/v1/scenarios/${scenarioId}` }),
];

const evilKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__');
const hugeNumber = fc.constantFrom('1e999', '-1e999', '1e-999', '123456789012345678901234567890', '-0', '9007199254740993', '1.7976931348623157e308');

/** JSON text, not values: a key "__proto__" must reach the service as written. */
const jsonText: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
    hugeNumber,
    fc.array(tie('text'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.oneof(evilKey, fc.string({ maxLength: 8 })), tie('text')), { maxLength: 4 })
      .map((pairs) => `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).text;

const deep = fc.tuple(fc.constantFrom(63, 64, 65, 200, 5000, 100_000), fc.boolean()).map(([n, arrays]) => (arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));

/** Invalid UTF-8: a stray byte, a truncated sequence, an encoded surrogate, an overlong slash. */
const badBytes = fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]);
const invalidUtf8 = fc.tuple(jsonText, badBytes, fc.nat()).map(([text, bytes, at]) => {
  const body = Buffer.from(`{"name":"x","inputs":{"a":${text}},"args":["ab"]}`, 'utf8');
  const cut = 10 + (at % Math.max(1, body.length - 10));
  return Buffer.concat([body.subarray(0, cut), Buffer.from(bytes), body.subarray(cut)]);
});

const brokenJson = fc.oneof(fc.string({ maxLength: 40 }), jsonText.map((t) => t.slice(0, Math.max(0, t.length - 1))), fc.constant('{"a": NaN}'), fc.constant("{'a': 1}"));

interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

function expectSound(res: Answer, what: string): void {
  expect(res.status, `${what} -> ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  const type = res.headers.get('content-type') ?? '';
  if (res.status === 200 && type.includes('spreadsheetml')) return;
  expect(type, what).toContain('application/json');
  if (res.status >= 400) {
    const answer = errorBodySchema.safeParse(res.body);
    expect(answer.success, `${what}: ${res.text.slice(0, 200)}`).toBe(true);
    expect(answer.data!.error.zh.length, what).toBeGreaterThan(5);
    expect(answer.data!.error.en.length, what).toBeGreaterThan(10);
  }
}

describe('fuzzing every route', () => {
  let app: TestApp;
  let token: string;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    app = await startTestApp({ limits: { rateLimit: { perMinute: 0, burst: 1 }, signInFailures: { perMinute: 0, burst: 1 }, requestTimeoutMs: 20_000 } });
    token = await app.addUser('fuzz-admin', 'admin', '360731');
    const saved = await app.request('POST', '/api/v1/scenarios', { token, body: { name: 'fuzz', inputs: { a: [[1]] } } });
    scenarioId = (saved.body as { id: string }).id;
    formId = ((await app.request('GET', '/api/v1/forms', { token })).body as { forms: { id: string }[] }).forms[0]!.id;
  });
  afterAll(() => app?.close());

  const send = (t: Target, raw: string | Buffer, contentType = 'application/json') =>
    app.request(t.method, t.path, { token, raw: t.method === 'GET' ? undefined : raw, headers: { 'content-type': contentType } });

  it.each(TARGETS.map((make, i) => [i, make] as const))('route %i: arbitrary JSON bodies and outlines with fuzzed fields', async (_i, make) => {
    const t = make();
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonText, fc.array(jsonText, { minLength: 8, maxLength: 8 })), async (input) => {
        let raw: string;
        if (Array.isArray(input) && t.outline) {
          let n = 0;
          const marker = (i: number) => `"@@${i}@@"`;
          const outline = JSON.stringify(t.outline(() => `@@${n++ % 8}@@`));
          raw = outline.replace(/"@@(\d)@@"/g, (_m, d: string) => input[Number(d)] ?? marker(Number(d)));
        } else raw = Array.isArray(input) ? `[${input.join(',')}]` : input;
        expectSound(await send(t, raw), `${t.method} ${t.path} ${raw.slice(0, 120)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('deep nesting, invalid UTF-8 and broken JSON on every body route', async () => {
    const bodyTargets = TARGETS.map((m) => m()).filter((t) => t.method !== 'GET');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyTargets), fc.oneof(deep, invalidUtf8, brokenJson), async (t, raw) => {
        const res = await send(t, raw);
        expectSound(res, `${t.method} ${t.path} ${String(raw).slice(0, 80)}`);
        if (Buffer.isBuffer(raw)) expect((res.body as { error: { code: string } }).error.code).toBe('BAD_ENCODING');
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('wrong content types and empty bodies', async () => {
    for (const make of TARGETS) {
      const t = make();
      if (t.method === 'GET') continue;
      for (const [raw, type] of [
        ['', 'application/json'],
        ['a=1&b=2', 'application/x-www-form-urlencoded'],
        ['<x/>', 'text/xml'],
        ['{"a":1}', 'application/json; charset=latin1'],
      ] as const) {
        expectSound(await send(t, raw, type), `${t.method} ${t.path} as ${type}`);
      }
    }
  });

  it('arbitrary path and query parameters', async () => {
    const param = fc.oneof(fc.string({ maxLength: 30, unit: 'grapheme' }).map(encodeURIComponent), fc.constantFrom('%', '%ff', '%E4%B8', '..', '%2e%2e%2f', '0', '-1', '1e3', '99999999999'));
    await fc.assert(
      fc.asyncProperty(param, param, async (a, b) => {
        for (const path of [
          `/api/v1/scenarios/${a}`,
          `/api/v1/scenarios/${a}/versions`,
          `/api/v1/scenarios/${scenarioId}/versions/${b}`,
          `/api/v1/profiles/${a}`,
          `/api/v1/profiles/${a}/versions`,
          `/api/v1/profiles/cn-national?version=${b}`,
          `/api/v1/audit?limit=${a}&before=${b}&action=${a}`,
          `/api/v1/forms/${a}`,
          `/api/v1/forms/${a}/example`,
        ]) {
          expectSound(await app.request('GET', path, { token }), `GET ${path}`);
        }
        expectSound(await app.request('PUT', `/api/v1/profiles/${a}`, { token, body: { title: { zh: 'x', en: 'x' }, values: {} } }), `PUT /api/v1/profiles/${a}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('names of Object.prototype wherever typed text is looked up: a plan keeps them as data, a formula never crashes on them', async () => {
    type Plan = ReturnType<typeof smallCounty> & { teachers: Record<string, unknown>[]; schools: Record<string, unknown>[] };
    const rename = (body: Plan, from: string, to: string): Plan => JSON.parse(JSON.stringify(body).replaceAll(`"${from}"`, JSON.stringify(to))) as Plan;
    const choices = ['APPORTION', 'RATIOPOSTS', 'ROTATIONELIGIBLE', 'RETIREDATE', 'ESTABLISHMENT'].filter((id) => registry.some((d) => d.id === id));
    await fc.assert(
      fc.asyncProperty(evilKey, async (key) => {
        // A sending school whose id is the key: the distances keyed by it must be kept, so the plan is the same one.
        const bySchool = await app.request('POST', '/api/v1/rotation/plan', { token, raw: JSON.stringify(rename(smallCounty() as Plan, 'S1', key)) });
        expect(bySchool.status, bySchool.text.slice(0, 300)).toBe(200);
        expect((bySchool.body as { rows: { fromSchoolId: string }[] }).rows.map((r) => r.fromSchoolId).sort()).toEqual([key, key, 'S2'].sort());
        // A subject named by the key: the needs keyed by it must be kept and filled.
        const bySubject = await app.request('POST', '/api/v1/rotation/plan', { token, raw: JSON.stringify(rename(smallCounty() as Plan, '数学', key)) });
        expect(bySubject.status, bySubject.text.slice(0, 300)).toBe(200);
        expect((bySubject.body as { rows: { subject: string }[] }).rows.filter((r) => r.subject === key)).toHaveLength(2);
        // A retirement category spelled as the key: an input problem naming it, never a 500.
        const plan = smallCounty() as Plan;
        plan.teachers = plan.teachers.map((t, i) => ({ ...t, birthdate: '1980-01-01', retireCategory: i === 0 ? key : 'male' }));
        plan.parameters = { exemptYears: 5, asOf: '2024-09-01' };
        const byCategory = await app.request('POST', '/api/v1/rotation/plan', { token, raw: JSON.stringify(plan) });
        expect(byCategory.status, byCategory.text.slice(0, 300)).toBe(422);
        expect((byCategory.body as { error: { details: { issues: { rule: string }[] } } }).error.details.issues[0]).toMatchObject({ rule: 'invalid-retire-category' });
        // The key in each argument of formulas with text choices: an answer or a #VALUE!, never the #N/A of a crash.
        for (const id of choices) {
          const params = registry.find((d) => d.id === id)!.params as readonly { optional?: boolean }[];
          const calls = params.map((_p, at) => ({ fn: id, args: params.map((q, i) => (i === at ? key : q.optional ? null : 1)) }));
          const res = await app.request('POST', '/api/v1/calc', { token, body: { calls } });
          expect(res.status).toBe(200);
          for (const r of (res.body as { results: { error?: { code: string } }[] }).results) expect(r.error?.code ?? 'value', `${id} ${key}`).not.toBe('NA');
        }
      }),
      { numRuns: 20 },
    );
  });

  it('afterwards: nothing polluted Object.prototype and the service still answers', async () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await app.request('GET', '/healthz')).status).toBe(200);
    expect((await app.request('GET', `/api/v1/scenarios/${scenarioId}`, { token })).status).toBe(200);
    expect(app.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
