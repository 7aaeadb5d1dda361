/**
 * The layout engine on its own: header merges from the column tree, the order of the
 * parts, print settings, row heights from the text, and the name helpers.
 */
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnLetter, type FormGrid } from '../../../server/forms/grid.js';
import { chineseDate, fileNameFor, layoutForm, linesFor, sheetNameFor, textWidthPoints } from '../../../server/forms/layout.js';
import { defineForm, formPayload, type FormBody } from '../../../server/forms/template.js';

/** A five-column form with a three-level header: A | B{ C | D{ E | F } } | G. */
const nested = defineForm({
  id: 'nested-test',
  title: '测试表',
  summary: { zh: '测试', en: 'test' },
  orientation: 'portrait',
  bodySize: 12,
  fields: {},
  schema: formPayload({ rows: z.array(z.strictObject({ a: z.string(), c: z.number(), e: z.number(), f: z.number(), g: z.string() })) }),
  example: { rows: [] },
  build: (p): FormBody => ({
    columns: [
      { key: 'a', header: 'A', width: 10, kind: 'text' },
      {
        header: 'B',
        children: [
          { key: 'c', header: 'C', width: 8, kind: 'integer' },
          { header: 'D', children: [{ key: 'e', header: 'E', width: 8, kind: 'money' }, { key: 'f', header: 'F', width: 8, kind: 'decimal2' }] },
        ],
      },
      { key: 'g', header: 'G', width: 30, kind: 'text' },
    ],
    rows: p.rows,
    footRows: [{ cells: [{ column: 'a', value: '合计', kind: 'center' }, { column: 'c', value: p.rows.reduce((s, r) => s + r.c, 0) }] }],
  }),
});

function lay(payload: unknown): FormGrid {
  const parsed = nested.schema.parse(payload);
  const grid = layoutForm(nested, parsed, { fonts: 'official' });
  if ('problem' in grid) throw new Error('unexpected problem');
  return grid;
}

const rows = [
  { a: '甲', c: 1, e: 10.5, f: 0.25, g: '短' },
  { a: '乙', c: 2, e: 20, f: 1, g: '很长的说明文字'.repeat(12) },
];

describe('layoutForm', () => {
  it('merges groups across their leaves and leaves down to the deepest header row', () => {
    const grid = lay({ rows });
    // Row 0 title; header rows 1-3 (no document or unit line); body 4-5; 合计 6.
    expect(grid.cells[1]!.map((c) => c.value)).toEqual(['A', 'B', null, null, 'G']);
    expect(grid.cells[2]!.map((c) => c.value)).toEqual([null, 'C', 'D', null, null]);
    expect(grid.cells[3]!.map((c) => c.value)).toEqual([null, null, 'E', 'F', null]);
    const refs = grid.merges.map((m) => m.ref);
    expect(refs).toEqual(expect.arrayContaining(['A1:E1', 'A2:A4', 'B2:D2', 'B3:B4', 'C3:D3', 'E2:E4']));
    expect(grid.print.titleRows).toEqual({ first: 2, last: 4 });
    expect(grid.bodyStart).toBe(4);
  });

  it('every cell under a merge carries the merge’s style, so its borders print', () => {
    const grid = lay({ rows });
    for (const m of grid.merges) {
      const style = grid.cells[m.top]![m.left]!.style;
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) expect(grid.cells[r]![c]!.style).toBe(style);
    }
  });

  it('puts body rows, the foot row, remarks, a spacer and two signature lines in that order', () => {
    const grid = lay({ rows, remarks: ['第一条', '第二条'], documentLine: '（文号）', signature: { unit: '某局', date: '2023-08-17', preparer: '张三' } });
    const firstValues = grid.cells.map((r) => r[0]!.value);
    expect(firstValues).toEqual([
      '测试表',
      '（文号）',
      'A',
      null,
      null,
      '甲',
      '乙',
      '合计',
      '说明：第一条',
      '第二条',
      null,
      '填报单位（盖章）：某局',
      '填报人：张三',
    ]);
    // Five columns split 3 + 2 for the signature lines.
    expect(grid.cells[11]![3]!.value).toBe('负责人：');
    expect(grid.cells[12]![3]!.value).toBe('填报日期：2023年8月17日');
    expect(grid.merges.map((m) => m.ref)).toEqual(expect.arrayContaining(['A12:C12', 'D12:E12', 'A13:C13', 'D13:E13']));
    expect(grid.print.printArea).toBe('A1:E13');
  });

  it('styles foot rows bold and numbers with their column’s number format', () => {
    const grid = lay({ rows });
    expect(grid.cells[4]![2]!.style).toBe('body.money');
    expect(grid.styles['body.money']!.numberFormat).toBe('#,##0.00');
    expect(grid.cells[6]![1]!.style).toBe('foot.integer');
    expect(grid.styles['foot.integer']!.font.bold).toBe(true);
    expect(grid.cells[6]![1]!.value).toBe(3);
  });

  it('makes a row with long wrapped text taller than a short one', () => {
    const grid = lay({ rows });
    expect(grid.rows[5]!.height).toBeGreaterThan(grid.rows[4]!.height);
    expect(grid.rows[4]!.height).toBeGreaterThanOrEqual(22);
    for (const r of grid.rows) expect(r.height).toBeLessThanOrEqual(409);
  });

  it('names the title font 方正小标宋简体 and the body 仿宋_GB2312, with fallbacks; common fonts on request', () => {
    const grid = lay({ rows });
    expect(grid.styles.title!.font).toMatchObject({ name: '方正小标宋简体', fallbacks: ['宋体', 'SimSun'], size: 18 });
    expect(grid.styles['body.text']!.font).toMatchObject({ name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] });
    const common = layoutForm(nested, nested.schema.parse({ rows }), { fonts: 'common' }) as FormGrid;
    expect(common.styles.title!.font.name).toBe('宋体');
    expect(common.styles['body.text']!.font.name).toBe('仿宋');
  });

  it('throws (a programmer error) when a foot row names a column the form does not have', () => {
    const broken = { ...nested, build: () => ({ columns: [{ key: 'a', header: 'A', width: 5, kind: 'text' as const }], rows: [], footRows: [{ cells: [{ column: 'zz', value: 1 }] }] }) };
    expect(() => layoutForm(broken, { rows: [] }, { fonts: 'official' })).toThrow(/no column "zz"/);
  });
});

describe('text measure', () => {
  it('counts a CJK character one em and a digit about half', () => {
    expect(textWidthPoints('合计', 12)).toBe(24);
    expect(textWidthPoints('12', 10)).toBeCloseTo(11);
  });

  it('more text never needs fewer lines; a wider column never needs more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 50 }), fc.integer({ min: 4, max: 80 }), fc.integer({ min: 0, max: 40 }), (a, b, width, extra) => {
        expect(linesFor(a + b, 12, width)).toBeGreaterThanOrEqual(linesFor(a, 12, width));
        expect(linesFor(a, 12, width + extra)).toBeLessThanOrEqual(linesFor(a, 12, width));
      }),
    );
  });
});

describe('names', () => {
  it('column letters match SheetJS’s', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) => {
        expect(XLSX.utils.decode_col(columnLetter(i))).toBe(i);
      }),
    );
  });

  it('a sheet name is at most 31 characters and holds none of []:*?/\\', () => {
    expect(sheetNameFor('学区教育事务中心岗位设置表')).toBe('学区教育事务中心岗位设置表');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (title) => {
        const name = sheetNameFor(title);
        expect([...name].length).toBeLessThanOrEqual(31);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(name).not.toMatch(/^'|'$/);
      }),
    );
  });

  it('a file name ends .xlsx and holds none of \\/:*?"<>|', () => {
    expect(fileNameFor('a/b:c')).toBe('abc.xlsx');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (title) => {
        expect(fileNameFor(title)).toMatch(/^[^\\/:*?"<>|\u0000-\u001f]+\.xlsx$/);
      }),
    );
  });

  it('dates read 2023年8月17日', () => {
    expect(chineseDate('2023-08-17')).toBe('2023年8月17日');
  });
});
