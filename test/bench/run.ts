/**
 * `npm run bench`: runs every test/bench/*.bench.ts in name order on this machine and
 * writes BENCHMARKS.md with the machine's description and each section's figures.
 * Each bench file exports `bench(): Promise<BenchSection>`; speed is measured here, never
 * asserted in timed tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchSection {
  title: string;
  /** Markdown body: a table of the figures and a line on the target and whether it is met. */
  markdown: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

function machine(): string {
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} logical cores`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const sections: BenchSection[] = [];
  for (const file of files) {
    process.stdout.write(`bench ${file} ...\n`);
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { bench: () => Promise<BenchSection> };
    const section = await mod.bench();
    process.stdout.write(`${section.markdown}\n\n`);
    sections.push(section);
  }
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/). All figures come from one run on the machine below;',
    'rerun the command to refresh them on yours.',
    '',
    '## Machine',
    '',
    machine(),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.markdown, '']),
  ].join('\n');
  if (only.length === 0) writeFileSync(path.join(root, 'BENCHMARKS.md'), doc);
  else process.stdout.write('(a subset was run: BENCHMARKS.md left as it was)\n');
}

await main();
