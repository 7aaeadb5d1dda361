/**
 * `npm run bench`: runs every test/bench/*.bench.ts in name order on this machine and
 * writes BENCHMARKS.md with the machine's description and each section's figures.
 * Each bench file exports `bench(): Promise<BenchSection>`; speed is measured here, never
 * asserted in timed tests.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** BENCHMARKS.md with each of `sections` put in place of the section of the same title, or appended. */
export function replaceSections(doc: string, sections: readonly BenchSection[]): string {
  let out = doc.trimEnd();
  for (const s of sections) {
    const body = `## ${s.title}\n\n_Refreshed alone on ${new Date().toISOString().slice(0, 10)} (npm run bench -- <name>), same machine._\n\n${s.markdown}\n`;
    const start = out.indexOf(`\n## ${s.title}\n`);
    if (start < 0) {
      out = `${out}\n\n${body}`;
      continue;
    }
    const next = out.indexOf('\n## ', start + 1);
    out = `${out.slice(0, start + 1)}${body}${next < 0 ? '' : out.slice(next)}`;
  }
  return `${out.trimEnd()}\n`;
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
  else {
    // A subset refreshes its own sections in place (dated), and leaves the others as they were.
    writeFileSync(path.join(root, 'BENCHMARKS.md'), replaceSections(readFileSync(path.join(root, 'BENCHMARKS.md'), 'utf8'), sections));
    process.stdout.write(`(a subset was run: its ${sections.length} section(s) in BENCHMARKS.md were refreshed)\n`);
  }
}

await main();
