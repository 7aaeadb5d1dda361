/**
 * Benchmark (b) of the foundation: EDU.APPORTION with 10,000 units and 1,000,000 posts,
 * through invoke() (argument checking included, the same path the service uses), median of
 * several runs. Huntington-Hill is the measured figure; Hamilton, Jefferson and a bounded
 * Huntington-Hill run on the same input for context. Target: well under 1 s.
 */
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const UNITS = 10_000;
const POSTS = 1_000_000;
const RUNS = 7;

/** Weights from 1,000 to 10,000,000 (a fixed pseudo-random sequence, so every run sees the same input). */
function weights(): number[][] {
  let s = 20240601;
  return Array.from({ length: UNITS }, () => {
    s = (s * 48271) % 2147483647;
    return [1000 + (s % 9_999_000)];
  });
}

export async function bench(): Promise<BenchSection> {
  const apportion = findFormula('APPORTION')!;
  const ctx = { profiles: shippedProfileSource };
  const w = weights();
  const cases: { label: string; args: unknown[] }[] = [
    { label: 'huntington-hill', args: [POSTS, w, 'huntington-hill', null, null] },
    { label: 'hamilton', args: [POSTS, w, 'hamilton', null, null] },
    { label: 'jefferson', args: [POSTS, w, 'jefferson', null, null] },
    { label: 'huntington-hill, minimum 20, maximum 150', args: [POSTS, w, 'huntington-hill', 20, 150] },
  ];
  const rows: string[][] = [];
  let headline = Number.NaN;
  for (const c of cases) {
    let posts = 0;
    const t = await measure(() => {
      const result = invoke(apportion, c.args, ctx);
      if (!Array.isArray(result)) throw new Error(`${c.label}: ${JSON.stringify(result)}`);
      posts = (result as number[][]).reduce((a, r) => a + r[0]!, 0);
    }, RUNS);
    if (posts !== POSTS) throw new Error(`${c.label}: the posts sum to ${posts}, not ${POSTS}`);
    if (Number.isNaN(headline)) headline = t.median;
    rows.push([c.label, ms(t.median), ms(t.best)]);
  }
  const met = headline < 1000;
  return {
    title: 'APPORTION with 10,000 units and 1,000,000 posts (in-process)',
    markdown: [
      `EDU.APPORTION on ${UNITS.toLocaleString('en')} units (weights 1,000–10,000,000) and ${POSTS.toLocaleString('en')} posts,`,
      `through invoke() (argument checking included), median and best of ${RUNS} runs after one warm-up.`,
      '',
      table(['method', 'median', 'best'], rows),
      '',
      `Target: huntington-hill well under 1 s — ${met ? 'met' : 'NOT met'} (${ms(headline)}).`,
    ].join('\n'),
  };
}
