/**
 * Finding a table's columns by their header names, Chinese or English, in any order.
 */
import { describe, expect, it } from 'vitest';
import { mapColumns, missingMessages, nonBlankRows, normalizeHeader, numberOf, yesNoOf, type FieldSpec } from '../../../addin/taskpane/logic/column-map.js';

const FIELDS: FieldSpec[] = [
  { key: 'id', zh: '学校编号', en: 'school id', aliases: ['学校编号', '编号', 'id'], required: true },
  { key: 'name', zh: '学校名称', en: 'name', aliases: ['学校名称', '学校', 'name'], required: false },
  { key: 'pupils', zh: '学生数', en: 'pupils', aliases: ['学生数', 'pupils'], required: true },
];

describe('mapColumns', () => {
  it('names each missing required column and what to call it', () => {
    const m = mapColumns(['学校名称'], FIELDS);
    expect(m.missing.map((f) => f.key)).toEqual(['id', 'pupils']);
    // The message names the table's role and the table chosen for it.
    expect(missingMessages('学校表', 'school table', '学校名单', m.missing)[0]).toEqual({
      zh: '学校表“学校名单”缺少“学校编号”列：请加一列，列名可用 学校编号、编号、id',
      en: 'The school table "学校名单" has no "school id" column: add one, named e.g. 学校编号, 编号, id',
    });
  });

  it('prefers exact names over containment, so 学校编号 is not taken for 学校', () => {
    expect(mapColumns(['学校', '学校编号', '在校学生数'], FIELDS).columns).toEqual({ id: 1, name: 0, pupils: 2 });
    expect(mapColumns(['学校编号', '学校名称', '学生数'], FIELDS).columns).toEqual({ id: 0, name: 1, pupils: 2 });
  });

  it('accepts English, full-width, spacing, and a unit in brackets', () => {
    expect(mapColumns(['ID', ' Name ', 'Pupils (人)'], FIELDS).columns).toEqual({ id: 0, name: 1, pupils: 2 });
    expect(mapColumns(['ＩＤ', '学生数（人）', '学校_名称'], FIELDS).columns).toEqual({ id: 0, pupils: 1, name: 2 });
    expect(normalizeHeader('距离（公里）')).toBe('距离');
    expect(normalizeHeader('Years At School')).toBe('yearsatschool');
  });

  it('falls back to a header that contains an alias, longest alias first, one column per field', () => {
    expect(mapColumns(['所属学校名称', '学生数合计', '学校编号'], FIELDS).columns).toEqual({ id: 2, name: 0, pupils: 1 });
  });

  it('leaves out excluded columns', () => {
    expect(mapColumns(['学生数', 'id'], FIELDS, new Set([0])).columns).toEqual({ id: 1 });
  });
});

describe('cells', () => {
  it('reads numbers typed as text, and nothing else', () => {
    expect([numberOf(6), numberOf('1,200'), numberOf('６'), numberOf(' 7.5 '), numberOf('六'), numberOf(''), numberOf(true), numberOf(Number.NaN)]).toEqual([6, 1200, 6, 7.5, undefined, undefined, undefined, undefined]);
  });

  it('reads yes/no in the ways clerks type them; blank is no', () => {
    expect(['是', '否', 'Y', 'no', 'TRUE', 1, 0, '√', ''].map((v) => yesNoOf(v))).toEqual([true, false, true, false, true, true, false, true, false]);
    expect(yesNoOf(true)).toBe(true);
    expect(yesNoOf('也许')).toBeUndefined();
  });

  it('drops all-blank rows but keeps the others’ positions', () => {
    expect(nonBlankRows([['a', 1], ['', ' '], ['b', 2]]).map((r) => r.index)).toEqual([0, 2]);
  });
});
