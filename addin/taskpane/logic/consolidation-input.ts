/**
 * The consolidation plan request (POST /api/v1/consolidation/plan, docs/balance.md) from a
 * table of schools and, optionally, a table of road distances (from | to | km). Columns are
 * found by their headers; schools may be named in the distance table by id or by name.
 */
import type { Bilingual } from '../../../formulas/core/errors.js';
import type { RouteBody } from '../../../contracts/routes.js';
import { isBlank, mapColumns, missingMessages, nonBlankRows, numberOf, whereEn, whereZh, yesNoOf, type FieldSpec, type Prepared, type TableData } from './column-map.js';
import type { CellValue } from './saved-values.js';

export const CONSOLIDATION_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '学校编号', en: 'school id', aliases: ['学校编号', '学校代码', '编号', '代码', 'id', 'school id', 'code'], required: false },
  { key: 'name', zh: '学校名称', en: 'school name', aliases: ['学校名称', '学校', '校名', '教学点', '名称', 'name', 'school'], required: false },
  { key: 'pupils', zh: '学生数', en: 'pupils', aliases: ['在校生数', '在校学生数', '学生数', '学生人数', '在校生', '学生', 'pupils', 'students', 'enrolment'], required: true },
  { key: 'teachers', zh: '教师数', en: 'teachers', aliases: ['教师数', '在编教师数', '教师人数', '教师', 'teachers'], required: false },
  { key: 'temporaryStaff', zh: '临聘人员数', en: 'temporary staff', aliases: ['临聘人员数', '临聘人员', '临聘', '代课教师', 'temporary staff', 'temporarystaff', 'temporary'], required: false },
  { key: 'capacity', zh: '学位数', en: 'capacity (seats)', aliases: ['学位数', '学位', '容量', '可容纳', 'capacity', 'seats'], required: false },
  { key: 'kept', zh: '保留（不撤并）', en: 'kept', aliases: ['保留', '暂缓撤并', '不撤并', 'kept', 'keep'], required: false },
  { key: 'receives', zh: '可接收', en: 'receives', aliases: ['可接收', '接收学校', '接收', 'receives'], required: false },
];

export const DISTANCE_FIELDS: FieldSpec[] = [
  { key: 'from', zh: '起点学校', en: 'from', aliases: ['起点学校', '起点', '学校1', '甲校', 'from'], required: true },
  { key: 'to', zh: '终点学校', en: 'to', aliases: ['终点学校', '终点', '学校2', '乙校', 'to'], required: true },
  { key: 'km', zh: '距离（公里）', en: 'km', aliases: ['距离', '公里', '里程', '路程', 'km', 'distance'], required: true },
];

/** The request as the contract declares it (contracts/plans.ts: the planner's own input schema). */
export type ConsolidationRequest = RouteBody<'consolidationPlan'>;
/** What the clerk sets in the pane; the tables give the rest. */
export type ConsolidationOptions = Pick<ConsolidationRequest, 'thresholds' | 'thresholdRule' | 'maxDistanceKm' | 'expansion'>;

/** "10, 30" / "10、30" -> [10, 30]; undefined unless whole numbers, strictly ascending. */
export function parseThresholds(text: string): number[] | undefined {
  const parts = text.normalize('NFKC').split(/[,，、;；\s]+/u).filter(Boolean);
  if (parts.length === 0) return undefined;
  const values = parts.map(Number);
  if (!values.every((v) => Number.isInteger(v) && v >= 1)) return undefined;
  return values.every((v, i) => i === 0 || v > values[i - 1]!) ? values : undefined;
}

export function consolidationRequest(schools: TableData, distances: TableData | undefined, options: ConsolidationOptions): Prepared<ConsolidationRequest> {
  const problems: Bilingual[] = [];
  const add = (p: Bilingual) => {
    if (problems.length < 20) problems.push(p);
  };
  const sm = mapColumns(schools.headers, CONSOLIDATION_FIELDS);
  problems.push(...missingMessages('学校表', 'school table', schools.name, sm.missing));
  if (sm.columns.id === undefined && sm.columns.name === undefined) {
    problems.push({ zh: `学校表“${schools.name}”缺少“学校编号”或“学校名称”列：请至少加其中一列`, en: `The school table "${schools.name}" has neither a "school id" nor a "school name" column: add one of them` });
  }
  const dm = distances ? mapColumns(distances.headers, DISTANCE_FIELDS) : undefined;
  if (distances && dm) problems.push(...missingMessages('距离表', 'distance table', distances.name, dm.missing));
  if (problems.length > 0) return { ok: false, problems };

  const text = (v: CellValue | undefined): string => (v === undefined ? '' : String(v).trim());
  const at = (row: CellValue[], key: string) => (sm.columns[key] === undefined ? undefined : row[sm.columns[key]!]);
  const count = (table: TableData, index: number, v: CellValue | undefined, field: FieldSpec): number | undefined => {
    if (isBlank(v)) return undefined;
    const n = numberOf(v);
    if (n === undefined || n < 0 || !Number.isInteger(n)) {
      add({ zh: `${whereZh(table, index)}：“${field.zh}”应为不小于 0 的整数，现在是“${text(v)}”`, en: `${whereEn(table, index)}: "${field.en}" must be a whole number of at least 0, not "${text(v)}"` });
      return undefined;
    }
    return n;
  };
  const field = (key: string) => CONSOLIDATION_FIELDS.find((f) => f.key === key)!;

  const idOfName = new Map<string, string>();
  const ids = new Set<string>();
  const bodies = nonBlankRows(schools.rows).map(({ row, index }) => {
    const id = text(at(row, 'id')) || text(at(row, 'name'));
    const name = text(at(row, 'name')) || id;
    ids.add(id);
    if (name) idOfName.set(name, id);
    const pupils = count(schools, index, at(row, 'pupils'), field('pupils'));
    if (pupils === undefined && isBlank(at(row, 'pupils'))) {
      add({ zh: `${whereZh(schools, index)}：“学生数”是空的，请填写`, en: `${whereEn(schools, index)}: "pupils" is empty; fill it in` });
    }
    const school: ConsolidationRequest['schools'][number] = { id, name, pupils: pupils ?? 0 };
    for (const key of ['teachers', 'temporaryStaff', 'capacity'] as const) {
      const v = count(schools, index, at(row, key), field(key));
      if (v !== undefined) school[key] = v;
    }
    for (const key of ['kept', 'receives'] as const) {
      const raw = at(row, key);
      if (sm.columns[key] === undefined || (key === 'receives' && isBlank(raw))) continue;
      const yes = yesNoOf(raw);
      if (yes === undefined) add({ zh: `${whereZh(schools, index)}：“${field(key).zh}”应填 是/否，现在是“${text(raw)}”`, en: `${whereEn(schools, index)}: "${field(key).en}" must be yes or no, not "${text(raw)}"` });
      else school[key] = yes;
    }
    return school;
  });

  const pairs: ConsolidationRequest['distances'] = [];
  if (distances && dm) {
    const idOf = (v: CellValue | undefined) => {
      const t = text(v);
      return ids.has(t) ? t : (idOfName.get(t) ?? t);
    };
    for (const { row, index } of nonBlankRows(distances.rows)) {
      const km = numberOf(row[dm.columns.km!]);
      if (km === undefined || km < 0) {
        add({ zh: `${whereZh(distances, index)}：“距离”应为不小于 0 的数字，现在是“${text(row[dm.columns.km!])}”`, en: `${whereEn(distances, index)}: "km" must be a number of at least 0, not "${text(row[dm.columns.km!])}"` });
        continue;
      }
      pairs.push({ from: idOf(row[dm.columns.from!]), to: idOf(row[dm.columns.to!]), km });
    }
  }
  if (bodies.length === 0) add({ zh: `学校表 ${schools.name} 没有数据行`, en: `The school table ${schools.name} has no rows` });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      schools: bodies,
      distances: pairs,
      thresholds: options.thresholds,
      thresholdRule: options.thresholdRule,
      expansion: options.expansion,
      ...(options.maxDistanceKm !== undefined ? { maxDistanceKm: options.maxDistanceKm } : {}),
    },
    notes: [],
  };
}
