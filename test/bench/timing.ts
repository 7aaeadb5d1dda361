/** Small timing helpers shared by the bench files. */
import { performance } from 'node:perf_hooks';

/** Runs `fn` `repeat` times after `warmup` runs; returns the median and best in milliseconds. */
export async function measure(fn: () => unknown | Promise<unknown>, repeat = 5, warmup = 1): Promise<{ median: number; best: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

export const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
