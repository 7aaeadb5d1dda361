/**
 * Filling each official form from a table: the pane knows no form by name, only what the
 * service says about it (field names, JSON Schema, example). For every shipped form, a
 * table made from its example's rows must give a payload the service lays out exactly as
 * it lays out the example itself.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { forms, prepareForm } from '../../../server/forms/index.js';
import { commonFieldNames, type FormTemplate } from '../../../server/forms/template.js';
import type { TableData } from '../../../addin/taskpane/logic/column-map.js';
import { expectedColumns, listField, numberColumns, payloadFromTable, suggestedChoice, withHeaderFields, type FormDetail, type JsonSchema } from '../../../addin/taskpane/logic/form-fill.js';
import type { CellValue } from '../../../addin/taskpane/logic/saved-values.js';

/** What GET /api/v1/forms/{id} and /example answer, made the way the route makes it. */
function detailOf(form: FormTemplate): FormDetail {
  return {
    id: form.id,
    title: form.title,
    fields: { ...commonFieldNames, ...form.fields },
    schema: z.toJSONSchema(form.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    example: form.example as Record<string, unknown>,
  };
}

/** The example's rows as a clerk's table: one column per field, list fields spread over columns. */
function tableOf(detail: FormDetail): TableData {
  const list = listField(detail.schema)!;
  const rows = detail.example[list] as Record<string, unknown>[];
  const keys = Object.keys(detail.schema.properties![list]!.items!.properties!);
  const headers: string[] = [];
  const columns: ((row: Record<string, unknown>) => CellValue)[] = [];
  for (const key of keys) {
    const width = Math.max(0, ...rows.map((r) => (Array.isArray(r[key]) ? (r[key] as unknown[]).length : 0)));
    if (width === 0) {
      headers.push(detail.fields[key]?.zh ?? key);
      columns.push((r) => (r[key] === undefined ? '' : (r[key] as CellValue)));
      continue;
    }
    const drivers = detail.example.drivers as { name: string }[] | undefined;
    // A clerk's money columns say they hold yuan: "按人数（元）".
    const unit = /金额|经费|资金/.test(detail.fields[key]?.zh ?? '') ? '（元）' : '';
    for (let i = 0; i < width; i++) {
      headers.push(`${drivers?.[i]?.name ?? `指标${i + 1}`}${unit}`);
      columns.push((r) => ((r[key] as CellValue[])[i] ?? ''));
    }
  }
  return { name: 'A1:Z99', sheet: '数据', headers, rows: rows.map((r) => columns.map((f) => f(r))), firstRow: 2 };
}

const cellsOf = (prepared: ReturnType<typeof prepareForm>) => {
  if (!('grid' in prepared)) throw new Error(JSON.stringify(prepared));
  return prepared.grid.cells.map((row) => row.map((c) => (c.value === '' ? null : c.value)));
};

describe('payloadFromTable', () => {
  it('never turns spare number columns into money: post counts are not yuan, and it says so', () => {
    const detail = detailOf(forms.find((f) => f.id === 'public-funds')!);
    // The 学区岗位 table: names and two post counts, no column holding yuan.
    const posts: TableData = { name: '岗位表', sheet: '岗位表', headers: ['单位名称', '书记兼主任', '副主任及专干'], rows: [['第一学区教育事务中心', 1, 8]], firstRow: 2 };
    const r = payloadFromTable(detail, posts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.zh).join('\n')).toContain('没有金额列');
      expect(r.problems.map((p) => p.zh).join('\n')).toContain('数字列 书记兼主任、副主任及专干 不当作金额');
    }
    // With one column that says yuan, only that column is money; the counts are left out with a note.
    const mixed: TableData = { ...posts, headers: ['单位名称', '人数', '书记兼主任', '基本经费（元）'], rows: [['第一学区教育事务中心', 1200, 1, 150000]] };
    const m = payloadFromTable(detail, mixed);
    expect(m.ok).toBe(true);
    if (m.ok) {
      expect(m.body.drivers).toEqual([{ name: '基本经费' }]);
      expect((m.body.rows as { shares: number[] }[])[0]!.shares).toEqual([150000]);
      expect(m.notes.map((n) => n.zh)).toContain('数字列 书记兼主任 的列名不表示金额，未计入');
    }
  });

  it('says which columns a selection lacks', () => {
    const detail = detailOf(forms.find((f) => f.id === 'district-centre-posts')!);
    const r = payloadFromTable(detail, { name: 'B2:C5', sheet: 's', headers: ['单位名称', '备注'], rows: [['甲', 'x']], firstRow: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.zh)).toEqual(['选区（B2:C5）没有“书记兼主任”列：第一行应是列名，如 书记兼主任、director，或在列对应中选一列', '选区（B2:C5）没有“副主任及专干”列：第一行应是列名，如 副主任及专干、deputies and officers，或在列对应中选一列']);
    const empty = payloadFromTable(detail, { name: 'A1:C1', sheet: 's', headers: ['单位名称', '书记兼主任', '副主任及专干'], rows: [], firstRow: 2 });
    expect(empty.ok).toBe(false);
  });

  it('follows the clerk’s column map, and a money list still takes only columns that say yuan', () => {
    const detail = detailOf(forms.find((f) => f.id === 'public-funds')!);
    // 学区 is no header the form knows for the unit name; 岗位数 is a count, 经费（元） money.
    const table: TableData = { name: '分配结果', sheet: '结果', headers: ['学区', '岗位数', '经费（元）'], rows: [['第一学区', 9, 250000], ['第二学区', 6, 200000]], firstRow: 2 };
    const found = suggestedChoice(detail, table);
    expect(found.columns.name).toBeUndefined();
    expect(found.numbers).toEqual([2]);
    expect(numberColumns(detail, table, new Set()).notMoney).toEqual([1]);
    expect(payloadFromTable(detail, table, found).ok).toBe(false);
    // The clerk maps the unit name to 学区 and ticks 岗位数 too: the count is still not money.
    const chosen = payloadFromTable(detail, table, { columns: { ...found.columns, name: 0 }, numbers: [1, 2] });
    expect(chosen.ok, JSON.stringify(chosen)).toBe(true);
    if (!chosen.ok) return;
    expect(chosen.body.rows).toEqual([
      { name: '第一学区', shares: [250000] },
      { name: '第二学区', shares: [200000] },
    ]);
    expect(chosen.body.drivers).toEqual([{ name: '经费' }]);
  });

  it('fills the district-centre form from seed 000’s table (8 centres, 48 posts)', () => {
    const form = forms.find((f) => f.id === 'district-centre-posts')!;
    const deputies = [8, 5, 5, 5, 4, 5, 4, 4];
    const table: TableData = { name: 'A1:C9', sheet: '岗位表', headers: ['单位名称', '书记兼主任', '副主任及专干'], rows: deputies.map((d, i) => [`第${i + 1}学区`, 1, d]), firstRow: 2 };
    const r = payloadFromTable(detailOf(form), table);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toEqual({ rows: deputies.map((d, i) => ({ name: `第${i + 1}学区`, director: 1, deputies: d })) });
    const prepared = prepareForm(form, r.body, 'official');
    expect('grid' in prepared && prepared.grid.cells.flat().some((c) => c.value === 48)).toBe(true);
  });

  for (const form of forms) {
    it(`${form.id}: a table of the example's rows lays out exactly as the example does`, () => {
      const detail = detailOf(form);
      const list = listField(detail.schema)!;
      const r = payloadFromTable(detail, tableOf(detail));
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      // Required fields besides the list come from the example; optional ones are left out.
      const expected: Record<string, unknown> = { [list]: detail.example[list] };
      for (const key of detail.schema.required ?? []) if (key !== list) expected[key] = detail.example[key];
      if ('drivers' in detail.example) expected.drivers = detail.example.drivers;
      expect(cellsOf(prepareForm(form, r.body, 'official'))).toEqual(cellsOf(prepareForm(form, expected, 'official')));
    });
  }
});

describe('the form view’s own fields', () => {
  it('lists the columns a form expects, required ones marked', () => {
    const detail = detailOf(forms.find((f) => f.id === 'district-centre-posts')!);
    const columns = expectedColumns(detail);
    expect(columns.find((c) => c.zh === '单位名称')).toMatchObject({ required: true });
    expect(columns.map((c) => c.zh)).toContain('书记兼主任');
  });

  it('puts 填报单位 and 日期 in the signature and 文号 in the document line, leaving blanks to the payload', () => {
    const payload = { rows: [], signature: { head: '张三' }, documentLine: '原文号' };
    expect(withHeaderFields(payload, { unit: ' 平江县教育局 ', date: '2023-08-17', documentLine: '' })).toEqual({
      rows: [],
      signature: { head: '张三', unit: '平江县教育局', date: '2023-08-17' },
      documentLine: '原文号',
    });
    expect(withHeaderFields({ rows: [] }, { unit: '', date: '', documentLine: '' })).toEqual({ rows: [] });
  });
});
