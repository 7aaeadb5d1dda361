/**
 * docs/policy-watch.md lists every number of the national profile with its source: a key
 * or dated value added to cn-national without a line there fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nationalProfile } from '../../formulas/profiles/index.js';

const doc = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'policy-watch.md'), 'utf8');
const lines = doc.split('\n').filter((l) => l.startsWith('| `'));

describe('docs/policy-watch.md', () => {
  it('has a line for every dated value of cn-national, with its value, date and document', () => {
    for (const [key, entries] of Object.entries(nationalProfile.values)) {
      for (const entry of entries) {
        const line = lines.find((l) => l.startsWith(`| \`${key}\` | ${String(entry.value)} | ${entry.effective} |`));
        expect(line, `${key} = ${String(entry.value)} from ${entry.effective}`).toBeDefined();
        expect(line).toContain(entry.source.document);
      }
    }
  });

  it('lists no value the profile does not have', () => {
    const count = Object.values(nationalProfile.values).reduce((n, entries) => n + entries.length, 0);
    expect(lines).toHaveLength(count);
  });
});
