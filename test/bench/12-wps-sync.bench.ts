/**
 * WPS 表格 calls add-in functions synchronously: two ways for a cell to get the service's
 * answer, measured in Chromium with the WPS stand-in against the running service.
 *
 * (a) the add-in as built (addin/wps/answer-board.ts): each call returns a placeholder at
 *     once and queues on the batching client; one request carries the recalculation, and
 *     one write-back recalculation shows the answers;
 * (b) a synchronous XMLHttpRequest per call to the batch endpoint (a batch of one), with a
 *     session cache, written here only to be measured.
 *
 * For N distinct APPORTION formulas entered at once: how long WPS's calculation is blocked
 * (the user cannot type), and how long until every cell shows its answer; then a full
 * recalculation with everything answered (both answer from memory).
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { PENDING_TEXT } from '../../addin/wps/cell-values.js';
import { startWpsSuite } from '../helpers/wps-suite.js';
import type { BenchSection } from './run.js';
import { ms, table } from './timing.js';

const SIZES = [1, 100, 1000];
const RUNS = 3;

/** The synchronous-request candidate, registered beside the add-in's functions as SYNC.APPORTION. */
const SYNC_CANDIDATE = `
(() => {
  const cache = new Map();
  window.Application.AddCustomFunction('SYNC', 'APPORTION', (total, weights, method) => {
    const args = [total, weights, method ?? null, null, null];
    const key = JSON.stringify(args);
    if (cache.has(key)) return cache.get(key);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/calc', false);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.send(JSON.stringify({ calls: [{ fn: 'APPORTION', args }] }));
    const answer = JSON.parse(xhr.responseText).results[0];
    const shown = 'error' in answer ? '#VALUE!' : answer.value;
    cache.set(key, shown);
    return shown;
  }, { description: '', result: { type: 'number[][]' }, parameters: [{ type: 'number' }, { type: 'number[][]' }, { type: 'string?' }] });
})();
`;

interface Timing {
  blocked: number;
  answered: number;
  recalc: number;
}

/**
 * Pastes n formulas into column J, one a row (each result spills right, across J:Q; totals
 * offset by `base` so no two runs share a call), times them in the page, and waits until
 * none shows the placeholder (an answer may be an error: some totals tie exactly).
 */
function enter(page: Page, ns: string, n: number, base: number): Promise<Timing> {
  return page.evaluate(
    async ({ ns, n, base, pending }) => {
      const w = (window as unknown as { __wps: { set(ref: string, v: unknown[][]): void; value(ref: string): unknown } }).__wps;
      const app = (window as unknown as { Application: { CalculateFull(): void } }).Application;
      const column = Array.from({ length: n }, (_, i) => [`=${ns}.APPORTION(${base + i},数据!$A$1:$H$1,"hamilton")`]);
      const t0 = performance.now();
      w.set('数据!J2', column);
      const blocked = performance.now() - t0;
      // (no named closures here: the bench runs under tsx, whose helpers do not exist in the page)
      while (!Array.from({ length: n }, (_, i) => w.value(`数据!J${2 + i}`)).every((v) => v !== undefined && v !== pending)) await new Promise((r) => setTimeout(r, 1));
      const answered = performance.now() - t0;
      const t1 = performance.now();
      app.CalculateFull();
      const recalc = performance.now() - t1;
      return { blocked, answered, recalc };
    },
    { ns, n, base, pending: PENDING_TEXT },
  );
}

export async function bench(): Promise<BenchSection> {
  const suite = await startWpsSuite({ EDU_LOG_LEVEL: 'warn' });
  const load = os.loadavg()[0]!.toFixed(1);
  try {
    const inFreshPage = async (ns: string, n: number, base: number): Promise<Timing> => {
      const page = await suite.newPage({ sheets: { 数据: [[1200, 800, 760, 700, 520, 690, 480, 450]] } });
      await page.goto(`${suite.service.url}/wps/index.html`);
      await page.evaluate(SYNC_CANDIDATE);
      try {
        return await enter(page, ns, n, base);
      } finally {
        await page.close();
      }
    };
    // Warm-up (not counted): the service's worker threads and the page's code paths.
    for (const ns of ['EDU', 'SYNC']) await inFreshPage(ns, 20, 1);
    const rows: string[][] = [];
    let base = 1000;
    for (const n of SIZES) {
      const results: Record<string, Timing[]> = { EDU: [], SYNC: [] };
      for (let run = 0; run < RUNS; run++) {
        for (const ns of ['EDU', 'SYNC']) {
          base += n;
          results[ns]!.push(await inFreshPage(ns, n, base));
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      for (const [ns, label] of [
        ['EDU', '(a) placeholder + one batched request + write-back (chosen)'],
        ['SYNC', '(b) synchronous request per call, cached'],
      ] as const) {
        const t = results[ns]!;
        rows.push([String(n), label, ms(median(t.map((x) => x.blocked))), ms(median(t.map((x) => x.answered))), ms(median(t.map((x) => x.recalc)))]);
      }
    }
    return {
      title: 'WPS: synchronous custom functions (placeholder + batch vs synchronous requests)',
      markdown: [
        table(['formulas entered at once', 'candidate', 'calculation blocked', 'all cells answered', 'full recalculation afterwards'], rows),
        '',
        `- Load average ${load} when it started (shared 2-core machine, other suites running); medians of ${RUNS} runs, each in a fresh page.`,
        '- Measured in Chromium with the WPS stand-in (test/helpers/wps-stub.ts), which calls the functions synchronously as WPS documents, against the real service on loopback. Not measured in WPS itself.',
        '- Over a network, (b) costs one round trip per formula while WPS is frozen; (a) costs one round trip per recalculation burst and never freezes WPS longer than the placeholders take.',
      ].join('\n'),
    };
  } finally {
    await suite.stop();
  }
}
