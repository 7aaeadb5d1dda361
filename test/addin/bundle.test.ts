/**
 * The task pane's bundle stays small: it takes contracts/ and formulas/ as types only
 * (test/layout.test.ts checks the imports), so no npm package (zod above all) may end up in
 * taskpane.js. Read from the source map of a fresh build; the client core is in it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';

describe('the task pane bundle', () => {
  it('holds the client core and no npm package (no zod)', async () => {
    const out = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-bundle-')));
    const map = JSON.parse(readFileSync(path.join(out, 'taskpane.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.filter((s) => s.includes('node_modules/'))).toEqual([]);
    expect(map.sources.some((s) => s.endsWith('client/http.ts'))).toBe(true);
    expect(map.sources.some((s) => s.endsWith('client/batch.ts'))).toBe(true);
    expect(readFileSync(path.join(out, 'taskpane.js'), 'utf8')).not.toContain('ZodError');
  }, 60_000);
});
