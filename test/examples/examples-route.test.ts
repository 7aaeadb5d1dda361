/**
 * GET /api/v1/example-sheets: the sheets the task pane inserts into the open workbook,
 * with formulas as typed (the Excel API enters them as if typed) and the style table.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { INTRO_SHEET_NAME } from '../../examples/example-workbook.js';
import type { ExampleSheet } from '../../examples/sheet-spec.js';
import { exampleSheets } from '../../examples/sheets/index.js';

describe('GET /api/v1/example-sheets', () => {
  it('answers the intro sheet and every example sheet, with the styles they use', async () => {
    const res = await request(createApp()).get('/api/v1/example-sheets');
    expect(res.status).toBe(200);
    const sheets = res.body.sheets as ExampleSheet[];
    expect(sheets[0]!.name).toBe(INTRO_SHEET_NAME);
    expect(sheets.map((s) => s.name)).toContain('重点任务');
    expect(res.body.sheets.length).toBe(exampleSheets.all.length + 1);
    const used = new Set(sheets.flatMap((s) => s.cells.map((c) => c.style)).filter(Boolean));
    for (const style of used) expect(res.body.styles[style as string], String(style)).toBeDefined();
    expect(res.body.styles.illustrative).toMatchObject({ italic: true, fill: 'FCE4D6' });
  });

  it('gives formulas as typed, not in the stored _xldudf_ form', async () => {
    const res = await request(createApp()).get('/api/v1/example-sheets');
    const formulas = (res.body.sheets as ExampleSheet[]).flatMap((s) => s.cells.flatMap((c) => (c.formula ? [c.formula] : [])));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f.startsWith('=')).toBe(true);
      expect(f).not.toContain('_xldudf_');
    }
  });
});
