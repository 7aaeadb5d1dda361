/**
 * Running recorded calls (addin/compute/run-records.ts) with a workbook stand-in and the
 * real batching client over a fetch that answers like the service (invoke on the registry):
 * every call travels in one request, one-cell arguments are unwrapped, and a call whose input
 * is gone or whose argument has the wrong shape gets an error in its cell while the others run.
 */
import { describe, expect, it } from 'vitest';
import type { ComputeHost, ReadArg } from '../../../addin/compute/excel11-host.js';
import type { ComputeRecord } from '../../../addin/compute/records.js';
import { errorText } from '../../../addin/compute/result-cells.js';
import { callArgs, runRecords } from '../../../addin/compute/run-records.js';
import { paneFunctions } from '../../../addin/build/pane-functions.js';
import { BatchClient, ServiceClient } from '../../../client/index.js';
import { HostError } from '../../../addin/taskpane/excel/host-error.js';
import { catalog } from '../../../formulas/catalog.js';
import { findFormula, invoke, shippedProfileSource } from '../../../formulas/index.js';

const FUNCTIONS = paneFunctions(catalog());
const fn = (id: string) => FUNCTIONS.find((f) => f.id === id)!;
const PUPILS = [[1200], [800], [760], [700]];

function service(): { client: BatchClient; requests: number[] } {
  const requests: number[] = [];
  const fetch = (async (_url: string, init: { body: string }) => {
    const { calls } = JSON.parse(init.body) as { calls: { fn: string; args: unknown[] }[] };
    requests.push(calls.length);
    const results = calls.map((c) => {
      const r = invoke(findFormula(c.fn)!, c.args, { profiles: shippedProfileSource });
      return typeof r === 'object' && r !== null && 'error' in r ? r : { value: r };
    });
    return new Response(JSON.stringify({ results }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { client: new BatchClient(new ServiceClient({ serviceUrl: () => 'http://service', token: () => undefined }, fetch), { pure: new Set(), setTimer: (f, ms) => setTimeout(f, ms) }), requests };
}

function host(reads: (ReadArg[] | HostError)[]): ComputeHost & { writes: { output: string; cells: unknown[][] }[] } {
  const writes: { output: string; cells: unknown[][] }[] = [];
  const h = {
    writes,
    readArgs: async () => reads,
    write: async (record: ComputeRecord, cells: unknown[][]) => {
      writes.push({ output: record.output, cells });
      return { written: `${record.output}:x` };
    },
  };
  return h as unknown as ComputeHost & { writes: typeof writes };
}

const record = (fnId: string, output: string): ComputeRecord => ({ fn: fnId, args: [], output });

describe('runRecords', () => {
  it('sends every recorded call in one request and writes each answer at its own output cell', async () => {
    const { client, requests } = service();
    const h = host([
      [{ values: 48 }, { values: PUPILS, address: '学区!B2:B5' }, { values: 'hamilton' }, { values: null }, { values: null }],
      [{ values: [[6.1], [5.8], [6.4], [5.2]], address: '学区!C2:C5' }, { values: PUPILS, address: '学区!B2:B5' }],
    ]);
    const results = await runRecords([record('APPORTION', '结果!B2'), record('WEIGHTEDCV', '结果!D2')], h, client, FUNCTIONS);
    expect(requests).toEqual([2]);
    expect(h.writes).toEqual([
      { output: '结果!B2', cells: invoke(findFormula('APPORTION')!, [48, PUPILS, 'hamilton', null, null], { profiles: shippedProfileSource }) },
      { output: '结果!D2', cells: [[invoke(findFormula('WEIGHTEDCV')!, [[[6.1], [5.8], [6.4], [5.2]], PUPILS], { profiles: shippedProfileSource })]] },
    ]);
    expect(results.map((r) => r.record.written)).toEqual(['结果!B2:x', '结果!D2:x']);
    expect(results.every((r) => r.problem === undefined)).toBe(true);
  });

  it('a call whose input is gone, or of a function this add-in lacks, shows its error in its cell; the others still run', async () => {
    const { client, requests } = service();
    const gone = new HostError('工作簿中找不到“学生数”', 'The workbook has no "学生数"');
    const h = host([gone, [{ values: 48 }, { values: PUPILS }, { values: null }, { values: null }, { values: null }], []]);
    const results = await runRecords([record('APPORTION', '结果!B2'), record('APPORTION', '结果!F2'), record('NOSUCH', '结果!H2')], h, client, FUNCTIONS);
    expect(requests).toEqual([1]);
    expect(h.writes[0]!.cells).toEqual([[errorText({ error: { code: 'VALUE', zh: gone.zh, en: gone.en } })]]);
    expect(results[0]!.problem).toEqual({ code: 'VALUE', zh: gone.zh, en: gone.en });
    expect(results[1]!.problem).toBeUndefined();
    expect(String(h.writes[2]!.cells[0]![0])).toContain('#VALUE! 本加载项没有函数 EDU.NOSUCH');
  });
});

describe('callArgs', () => {
  it('passes ranges as rows, unwraps a one-cell range for a one-cell parameter, and names the cells', () => {
    const call = callArgs(fn('APPORTION'), [{ values: [[48]], address: '学区!E2' }, { values: PUPILS, address: '学区!B2:B5' }, { values: 'hamilton' }]);
    expect(call).toEqual({ args: [48, PUPILS, 'hamilton', null, null], addresses: ['学区!E2', '学区!B2:B5', '', '', ''] });
  });

  it('refuses a block for a one-cell parameter, in both languages, naming the cells', () => {
    const call = callArgs(fn('APPORTION'), [{ values: PUPILS, address: '学区!B2:B5' }, { values: PUPILS }]);
    expect(call).toMatchObject({ error: { code: 'VALUE', zh: expect.stringContaining('参数“名额总数”（total）只要一个单元格，所选的 学区!B2:B5 有 4 个'), en: expect.stringContaining('Argument total takes one cell, but 学区!B2:B5 has 4') } });
  });
});
