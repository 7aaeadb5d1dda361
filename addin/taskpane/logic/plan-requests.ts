/**
 * The two plan requests read from Excel tables the clerk picks: the teacher rotation plan
 * (POST /api/v1/rotation/plan, docs/rotation.md) from a teacher and a school table, and the
 * consolidation plan (POST /api/v1/consolidation/plan, docs/balance.md) from a school table
 * and, optionally, a table of road distances (from | to | km). The bodies are the contract's
 * types (contracts/plans.ts: the planners' own input schemas); columns are found by their
 * headers (plan-fields.ts). The pane says what it can name precisely (a missing column, a
 * number cell that is not one, a school type it does not know) with the table, sheet row and
 * column; the service checks the rules.
 *
 * Rotation schools: a receiving school's needs are either columns named "需求:数学",
 * "需求（英语）", "needs: math" (one per subject) or one column "需求" holding "数学2，英语1".
 * Distances from sending schools are columns "距离:城关一小" (a sending school's id or name)
 * or one column "距离" holding "S1:12；S2:30". A teacher's school, and a school in the
 * distance table, may be given by id or by name.
 */
import type { RouteBody } from '../../../contracts/routes.js';
import type { Bilingual } from '../../../formulas/core/errors.js';
import { schoolRoleAliases } from '../../../formulas/rotation/school-roles.js';
import { isBlank, mapColumns, missingMessages, nonBlankRows, numberOf, whereEn, whereZh, yesNoOf, type ColumnMapping, type FieldSpec, type Prepared, type TableData } from './column-map.js';
import { CONSOLIDATION_FIELDS, DISTANCE_FIELDS, SCHOOL_FIELDS, TEACHER_FIELDS } from './plan-fields.js';
import type { CellValue } from './saved-values.js';

export type RotationRequest = RouteBody<'rotationPlan'>;
export type RotationParameters = NonNullable<RotationRequest['parameters']>;
type SchoolBody = RotationRequest['schools'][number];
type TeacherBody = RotationRequest['teachers'][number];
export type ConsolidationRequest = RouteBody<'consolidationPlan'>;
/** What the clerk sets in the pane; the tables give the rest. */
export type ConsolidationOptions = Pick<ConsolidationRequest, 'thresholds' | 'thresholdRule' | 'maxDistanceKm' | 'expansion'>;

/** The problems found, the first 20 listed (more would bury the first ones). */
class Problems {
  private readonly list: Bilingual[] = [];

  add(p: Bilingual): void {
    if (this.list.length < 20) this.list.push(p);
  }

  /** Missing columns: all of them, so the clerk fixes the table once. */
  missing(...groups: Bilingual[][]): void {
    for (const group of groups) this.list.push(...group);
  }

  any(): boolean {
    return this.list.length > 0;
  }

  refusal(): { ok: false; problems: Bilingual[] } {
    return { ok: false, problems: this.list };
  }
}

const text = (v: CellValue | undefined): string => (v === undefined ? '' : String(v).trim());

/** A school table needs its schools' ids or names (or both). */
function schoolKeyMissing(schools: TableData, mapping: ColumnMapping): Bilingual[] {
  if (mapping.columns.id !== undefined || mapping.columns.name !== undefined) return [];
  return [{ zh: `学校表“${schools.name}”缺少“学校编号”或“学校名称”列：请至少加其中一列`, en: `The school table "${schools.name}" has neither a "school id" nor a "school name" column: add one of them` }];
}

const NEEDS_PREFIX = /^\s*(需求|缺额|需要|needs?)\s*[:：\-_（(]\s*(.+?)\s*[)）]?\s*$/iu;
const DISTANCE_PREFIX = /^\s*(距离|路程|车程|里程|distances?)\s*[:：\-_（(]\s*(.+?)\s*[)）]?\s*$/iu;
const NEEDS_COLUMN = new Set(['需求', '学科需求', '缺额', 'needs', 'need']);
const DISTANCE_COLUMN = new Set(['距离', '交流距离', 'distances', 'distance']);

/** "数学2，英语1" / "数学:2; 英语:1" / "math 2" -> { 数学: 2, 英语: 1 }; undefined if unreadable. */
export function parsePairs(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  const parts = text.normalize('NFKC').split(/[,;，；、\n]+/u).map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const m = /^(.+?)\s*[:=]?\s*(\d+(?:\.\d+)?)\s*(人|名|公里|km|分钟)?$/iu.exec(part);
    if (!m) return undefined;
    out[m[1]!.trim()] = Number(m[2]);
  }
  return out;
}

export function rotationRequest(teachers: TableData, schools: TableData, parameters: RotationParameters): Prepared<RotationRequest> {
  const problems = new Problems();
  const notes: Bilingual[] = [];
  const tm = mapColumns(teachers.headers, TEACHER_FIELDS);
  const prefixed = new Set(schools.headers.flatMap((h, i) => (NEEDS_PREFIX.test(String(h)) || DISTANCE_PREFIX.test(String(h)) ? [i] : [])));
  const sm = mapColumns(schools.headers, SCHOOL_FIELDS, prefixed);
  problems.missing(missingMessages('教师表', 'teacher table', teachers.name, tm.missing), missingMessages('学校表', 'school table', schools.name, sm.missing), schoolKeyMissing(schools, sm));
  if (problems.any()) return problems.refusal();

  const cell = (row: CellValue[], at: number | undefined): CellValue | undefined => (at === undefined ? undefined : row[at]);
  const add = (p: Bilingual) => problems.add(p);

  // Schools first: their ids and names resolve the teachers' school cells and distance headers.
  const schoolRows = nonBlankRows(schools.rows);
  const idOfName = new Map<string, string>();
  const base = schoolRows.map(({ row, index }) => {
    const id = text(cell(row, sm.columns.id)) || text(cell(row, sm.columns.name));
    const name = text(cell(row, sm.columns.name)) || id;
    const roleText = text(cell(row, sm.columns.role));
    const role = schoolRoleAliases[roleText.normalize('NFKC').toLowerCase()];
    if (!id) add({ zh: `${whereZh(schools, index)}：学校编号和名称都是空的，请填写`, en: `${whereEn(schools, index)}: the school id and name are both empty; fill one in` });
    if (!role) {
      add({
        zh: `${whereZh(schools, index)}：学校类别“${roleText}”无法识别：请填写 派出（城镇/优质）或 接收（乡村/薄弱）`,
        en: `${whereEn(schools, index)}: school type "${roleText}" is not recognised: enter sending (urban) or receiving (rural)`,
      });
    }
    if (name) idOfName.set(name, id);
    return { row, index, id, name, role };
  });
  const ids = new Set(base.map((s) => s.id));
  const sendingId = (key: string): string | undefined => {
    const k = key.trim();
    const id = ids.has(k) ? k : idOfName.get(k);
    return id !== undefined && base.find((s) => s.id === id)?.role === 'sending' ? id : undefined;
  };

  const needColumns: { at: number; subject: string }[] = [];
  const distanceColumns: { at: number; from: string }[] = [];
  let needsText: number | undefined;
  let distanceText: number | undefined;
  schools.headers.forEach((header, at) => {
    const h = String(header);
    const need = NEEDS_PREFIX.exec(h);
    const distance = DISTANCE_PREFIX.exec(h);
    const plain = h.normalize('NFKC').trim().toLowerCase();
    if (need) needColumns.push({ at, subject: need[2]! });
    else if (distance && sendingId(distance[2]!)) distanceColumns.push({ at, from: sendingId(distance[2]!)! });
    else if (NEEDS_COLUMN.has(plain)) needsText = at;
    else if (DISTANCE_COLUMN.has(plain)) distanceText = at;
  });

  const number = (table: TableData, index: number, v: CellValue | undefined, what: { zh: string; en: string }): number | undefined => {
    if (isBlank(v)) return undefined;
    const n = numberOf(v);
    if (n === undefined || n < 0) {
      add({ zh: `${whereZh(table, index)}：“${what.zh}”应为不小于 0 的数字，现在是“${text(v)}”`, en: `${whereEn(table, index)}: "${what.en}" must be a number of at least 0, not "${text(v)}"` });
    }
    return n;
  };

  const schoolBodies = base.map(({ row, index, id, name, role }) => {
    const school: SchoolBody = { id, name, role: role ?? text(cell(row, sm.columns.role)) };
    for (const key of ['quota', 'backboneQuota'] as const) {
      const v = number(schools, index, cell(row, sm.columns[key]), SCHOOL_FIELDS.find((f) => f.key === key)!);
      if (v !== undefined) school[key] = v;
    }
    const needs: Record<string, number> = {};
    for (const { at, subject } of needColumns) {
      const v = number(schools, index, row[at], { zh: `需求（${subject}）`, en: `needs (${subject})` });
      if (v) needs[subject] = v;
    }
    if (needsText !== undefined && !isBlank(row[needsText])) {
      const parsed = parsePairs(text(row[needsText]));
      if (parsed) Object.assign(needs, parsed);
      else add({ zh: `${whereZh(schools, index)}：需求“${text(row[needsText])}”看不懂：请写成“数学2，英语1”`, en: `${whereEn(schools, index)}: needs "${text(row[needsText])}" cannot be read: write e.g. "数学2，英语1"` });
    }
    const distances: Record<string, number> = {};
    for (const { at, from } of distanceColumns) {
      const v = number(schools, index, row[at], { zh: `距离（${from}）`, en: `distance (${from})` });
      if (v !== undefined) distances[from] = v;
    }
    if (distanceText !== undefined && !isBlank(row[distanceText])) {
      const parsed = parsePairs(text(row[distanceText]));
      if (!parsed) {
        add({ zh: `${whereZh(schools, index)}：距离“${text(row[distanceText])}”看不懂：请写成“城关一小:12；城关二小:30”`, en: `${whereEn(schools, index)}: distances "${text(row[distanceText])}" cannot be read: write e.g. "S1:12; S2:30"` });
      } else {
        for (const [key, km] of Object.entries(parsed)) distances[sendingId(key) ?? key] = km;
      }
    }
    if (role === 'receiving' && Object.keys(needs).length > 0) school.needs = needs;
    if (role === 'receiving' && Object.keys(distances).length > 0) school.distances = distances;
    return school;
  });

  const teacherBodies = nonBlankRows(teachers.rows).map(({ row, index }) => {
    const schoolText = text(cell(row, tm.columns.school));
    const school = ids.has(schoolText) ? schoolText : (idOfName.get(schoolText) ?? schoolText);
    const years = numberOf(cell(row, tm.columns.yearsAtSchool));
    if (years === undefined || years < 0) {
      add({
        zh: `${whereZh(teachers, index)}：“本校任教年限”应为数字，现在是“${text(cell(row, tm.columns.yearsAtSchool))}”`,
        en: `${whereEn(teachers, index)}: "years at school" must be a number, not "${text(cell(row, tm.columns.yearsAtSchool))}"`,
      });
    }
    const backbone = yesNoOf(cell(row, tm.columns.backbone));
    if (backbone === undefined) {
      add({
        zh: `${whereZh(teachers, index)}：“骨干教师”应填 是/否，现在是“${text(cell(row, tm.columns.backbone))}”`,
        en: `${whereEn(teachers, index)}: "backbone" must be yes or no, not "${text(cell(row, tm.columns.backbone))}"`,
      });
    }
    const teacher: TeacherBody = {
      id: text(cell(row, tm.columns.id)),
      name: text(cell(row, tm.columns.name)),
      school,
      subject: text(cell(row, tm.columns.subject)),
      backbone: backbone === true,
      yearsAtSchool: years ?? 0,
    };
    const birth = cell(row, tm.columns.birthdate);
    if (!isBlank(birth)) teacher.birthdate = typeof birth === 'number' ? birth : text(birth);
    const category = cell(row, tm.columns.retireCategory);
    if (!isBlank(category)) teacher.retireCategory = text(category);
    return teacher;
  });

  if (teacherBodies.length === 0) add({ zh: `教师表 ${teachers.name} 没有数据行`, en: `The teacher table ${teachers.name} has no rows` });
  if (problems.any()) return problems.refusal();
  if (needColumns.length === 0 && needsText === undefined) {
    notes.push({ zh: '学校表没有“需求”列：计划只按比例选出交流教师，不按学科安排接收学校', en: 'The school table has no needs columns: the plan picks who rotates but not by subject need' });
  }
  return { ok: true, body: { teachers: teacherBodies, schools: schoolBodies, parameters }, notes };
}

/** "10, 30" / "10、30" -> [10, 30]; undefined unless whole numbers, strictly ascending. */
export function parseThresholds(text: string): number[] | undefined {
  const parts = text.normalize('NFKC').split(/[,，、;；\s]+/u).filter(Boolean);
  if (parts.length === 0) return undefined;
  const values = parts.map(Number);
  if (!values.every((v) => Number.isInteger(v) && v >= 1)) return undefined;
  return values.every((v, i) => i === 0 || v > values[i - 1]!) ? values : undefined;
}

export function consolidationRequest(schools: TableData, distances: TableData | undefined, options: ConsolidationOptions): Prepared<ConsolidationRequest> {
  const problems = new Problems();
  const add = (p: Bilingual) => problems.add(p);
  const sm = mapColumns(schools.headers, CONSOLIDATION_FIELDS);
  const dm = distances ? mapColumns(distances.headers, DISTANCE_FIELDS) : undefined;
  problems.missing(missingMessages('学校表', 'school table', schools.name, sm.missing), schoolKeyMissing(schools, sm), distances && dm ? missingMessages('距离表', 'distance table', distances.name, dm.missing) : []);
  if (problems.any()) return problems.refusal();
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
  if (problems.any()) return problems.refusal();
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
