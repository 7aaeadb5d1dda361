/**
 * The LibreOffice extension speaks the service's contract (issue 17 §4): its UNO-free wire
 * module (addin/libreoffice/python/pythonpath/edu_wire.py, shipped in dist/edu.oxt) is run
 * with plain python3 through wire-driver.py, with arguments as Calc passes them. The bodies
 * it builds must satisfy contracts/calc.ts and be answered by the real service (createApp),
 * and those real answers must come back as the matrices Calc shows: numbers as numbers,
 * TRUE as 1, an error as Calc's error value. Needs only python3 (no LibreOffice, no UNO).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { runtimeFunctionsJson } from '../../addin/libreoffice/oxt-files.js';
import { calcBatchBodySchema, calcBatchResultSchema } from '../../contracts/calc.js';
import { catalog } from '../../formulas/catalog.js';
import { createApp } from '../../server/app.js';
import { hasProgram } from '../helpers/system-programs.js';

const run = promisify(execFile);
const DRIVER = path.join(import.meta.dirname, 'wire-driver.py');
/** Calc's error numbers (LibreOffice formula/errorcodes.hxx): #VALUE! and #NUM!. */
const CALC_VALUE = { calcError: 519 };
const CALC_NUM = { calcError: 503 };

interface CalcCall {
  fn: string;
  /** As Calc hands them over: a range is rows, an omitted argument null. */
  args: unknown[];
}

async function python(mode: 'body' | 'read', input: unknown): Promise<unknown[]> {
  const child = run('/usr/bin/python3', [DRIVER, mode], { timeout: 30_000 });
  child.child.stdin!.end(JSON.stringify(input));
  return JSON.parse((await child).stdout) as unknown[];
}

/** The extension's bodies for these calls, as edu_calc.py would post them. */
const bodiesFor = (calls: CalcCall[]) => python('body', { functions: JSON.parse(runtimeFunctionsJson(catalog())) as unknown, calls });

const WEIGHTS = [[18200], [12100], [11900], [12300], [9800], [12000], [10100], [9600]];
const INDICATORS = [
  [1, 1, 1, 1, 1, 1, 1],
  [3, 3, 3, 3, 3, 3, 3],
];

describe.skipIf(!hasProgram('python3'))('the LibreOffice extension and the calc contract', () => {
  const app = createApp();

  it('builds batch bodies the contract accepts: scalars, a range, an omitted argument, a scalar into a range, TRUE as 1', async () => {
    const bodies = await bodiesFor([
      { fn: 'URBANPUPILS', args: [47500, 19000, 0.6] },
      { fn: 'APPORTION', args: [48, WEIGHTS, null, null, null] },
      { fn: 'RATIOPOSTS', args: [2350, 1000] },
      { fn: 'BALANCECV', args: [INDICATORS, [[100], [100]], '小学', 1, null, null] },
    ]);
    for (const body of bodies) expect(calcBatchBodySchema.safeParse(body).error).toBeUndefined();
    expect(bodies).toEqual([
      { calls: [{ fn: 'URBANPUPILS', args: [47500, 19000, 0.6] }] },
      { calls: [{ fn: 'APPORTION', args: [48, WEIGHTS, null, null, null] }] },
      // count and per are range parameters: a single cell travels as a 1×1 range.
      { calls: [{ fn: 'RATIOPOSTS', args: [[[2350]], [[1000]]] }] },
      // Calc has no booleans: withCheck's 1 is TRUE on the wire.
      { calls: [{ fn: 'BALANCECV', args: [INDICATORS, [[100], [100]], '小学', true, null, null] }] },
    ]);
  });

  it('reads the service’s real answers to those bodies as the cells Calc shows', async () => {
    const calls: CalcCall[] = [
      { fn: 'URBANPUPILS', args: [47500, 19000, 0.6] },
      { fn: 'RATIOPOSTS', args: [2350, 1000] },
      { fn: 'BALANCECV', args: [INDICATORS, [[100], [100]], '小学', 1, null, null] },
      { fn: 'URBANPUPILS', args: ['很多', 19000, 0.6] },
    ];
    const replies: string[] = [];
    for (const body of await bodiesFor(calls)) {
      const res = await request(app).post('/api/v1/calc').send(body as object).expect(200);
      expect(calcBatchResultSchema.safeParse(res.body).error).toBeUndefined();
      replies.push(res.text);
    }
    expect(await python('read', replies)).toEqual([
      // 47500 × 0.6 = 28500 urban places wanted, 19000 there: 9500 more.
      [[9500]],
      // 2350 / 1000 = 2.35 posts, rounded up: 3.
      [[3]],
      // Values 1 and 3, 100 pupils each: mean 2, standard deviation 1, CV 0.5 per indicator; each check TRUE shows as 1.
      [Array(7).fill(0.5), Array(7).fill(1)],
      // Text where a number belongs: the service's #VALUE!, as Calc's error value.
      [[CALC_VALUE]],
    ]);
  });

  it('reads a contract-valid answer holding an error cell, a text and FALSE', async () => {
    const reply = { results: [{ value: [[1, { error: { code: 'NUM', zh: '超出范围', en: 'Out of range' } }, '全部达标', false]] }] };
    expect(calcBatchResultSchema.safeParse(reply).error).toBeUndefined();
    expect(await python('read', [JSON.stringify(reply)])).toEqual([[[1, CALC_NUM, '全部达标', 0]]]);
  });
});
