/**
 * The rotation plan request (POST /api/v1/rotation/plan, docs/rotation.md) from two tables
 * the user picks: teachers and schools. Columns are found by their headers (column-map.ts).
 * The pane checks what it can name precisely (a missing column, a years cell that is not a
 * number, a school type it does not know) and says which table, row and column; the service
 * checks the rules.
 *
 * Schools: a receiving school's needs are either columns named "需求:数学", "需求（英语）",
 * "needs: math" (one per subject) or one column "需求" holding "数学2，英语1". Distances from
 * sending schools are columns "距离:城关一小" (a sending school's id or name) or one column
 * "距离" holding "S1:12；S2:30". The teachers' school may be the school's id or its name.
 */
import type { RouteBody } from '../../../contracts/routes.js';
import type { Bilingual } from '../../../formulas/core/errors.js';
import { isBlank, mapColumns, missingMessages, nonBlankRows, numberOf, whereEn, whereZh, yesNoOf, type FieldSpec, type Prepared, type TableData } from './column-map.js';
import type { CellValue } from './saved-values.js';

export const TEACHER_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '教师编号', en: 'teacher id', aliases: ['教师编号', '工号', '编号', '教师代码', 'id', 'teacher id', 'teacherid', 'code'], required: true },
  { key: 'name', zh: '姓名', en: 'name', aliases: ['姓名', '教师姓名', 'name'], required: false },
  { key: 'school', zh: '所在学校', en: 'school', aliases: ['学校编号', '学校代码', '所在学校', '学校', '任教学校', '学校名称', '单位', 'school', 'school id', 'schoolid'], required: true },
  { key: 'subject', zh: '任教学科', en: 'subject', aliases: ['任教学科', '学科', '科目', 'subject'], required: true },
  { key: 'backbone', zh: '骨干教师', en: 'backbone', aliases: ['骨干教师', '是否骨干', '骨干', 'backbone'], required: false },
  { key: 'yearsAtSchool', zh: '本校任教年限', en: 'years at school', aliases: ['本校任教年限', '在校任教年限', '在校年限', '任教年限', '本校年限', '连续任教年限', 'years at school', 'yearsatschool', 'years'], required: true },
  { key: 'birthdate', zh: '出生日期', en: 'birthdate', aliases: ['出生日期', '出生年月', '生日', 'birthdate', 'birth date', 'date of birth'], required: false },
  { key: 'retireCategory', zh: '退休类别', en: 'retirement category', aliases: ['退休类别', '退休类型', '人员类别', 'retire category', 'retirecategory', 'retirement category'], required: false },
];

export const SCHOOL_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '学校编号', en: 'school id', aliases: ['学校编号', '学校代码', '编号', '代码', 'id', 'school id', 'schoolid', 'code'], required: false },
  { key: 'name', zh: '学校名称', en: 'school name', aliases: ['学校名称', '学校', '校名', '名称', 'name', 'school', 'school name'], required: false },
  { key: 'role', zh: '学校类别（派出/接收）', en: 'type (sending/receiving)', aliases: ['类别', '学校类别', '城乡类别', '城乡', '类型', '派出或接收', '交流方向', 'role', 'type', 'category'], required: true },
  { key: 'quota', zh: '应交流人数', en: 'quota', aliases: ['应交流人数', '交流人数', 'quota'], required: false },
  { key: 'backboneQuota', zh: '骨干应交流人数', en: 'backbone quota', aliases: ['骨干应交流人数', '骨干交流人数', 'backbone quota', 'backbonequota'], required: false },
];

/** What a school's type cell may say: the service's own list (no zod in the bundle). */
export { schoolRoleAliases as ROLE_WORDS } from '../../../formulas/rotation/school-roles.js';
import { schoolRoleAliases as ROLE_WORDS } from '../../../formulas/rotation/school-roles.js';

const NEEDS_PREFIX = /^\s*(需求|缺额|需要|needs?)\s*[:：\-_（(]\s*(.+?)\s*[)）]?\s*$/iu;
const DISTANCE_PREFIX = /^\s*(距离|路程|车程|里程|distances?)\s*[:：\-_（(]\s*(.+?)\s*[)）]?\s*$/iu;
const NEEDS_COLUMN = new Set(['需求', '学科需求', '缺额', 'needs', 'need']);
const DISTANCE_COLUMN = new Set(['距离', '交流距离', 'distances', 'distance']);

/** The request as the contract declares it (contracts/plans.ts: the planner's own input schema). */
export type RotationRequest = RouteBody<'rotationPlan'>;
export type RotationParameters = NonNullable<RotationRequest['parameters']>;
type SchoolBody = RotationRequest['schools'][number];
type TeacherBody = RotationRequest['teachers'][number];

const MAX_PROBLEMS = 20;

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
  const problems: Bilingual[] = [];
  const notes: Bilingual[] = [];
  const tm = mapColumns(teachers.headers, TEACHER_FIELDS);
  const prefixed = new Set(schools.headers.flatMap((h, i) => (NEEDS_PREFIX.test(String(h)) || DISTANCE_PREFIX.test(String(h)) ? [i] : [])));
  const sm = mapColumns(schools.headers, SCHOOL_FIELDS, prefixed);
  problems.push(...missingMessages('教师表', 'teacher table', teachers.name, tm.missing), ...missingMessages('学校表', 'school table', schools.name, sm.missing));
  if (sm.columns.id === undefined && sm.columns.name === undefined) {
    problems.push({ zh: `学校表“${schools.name}”缺少“学校编号”或“学校名称”列：请至少加其中一列`, en: `The school table "${schools.name}" has neither a "school id" nor a "school name" column: add one of them` });
  }
  if (problems.length > 0) return { ok: false, problems };

  const cell = (row: CellValue[], at: number | undefined): CellValue | undefined => (at === undefined ? undefined : row[at]);
  const text = (v: CellValue | undefined): string => (v === undefined ? '' : String(v).trim());
  const add = (p: Bilingual) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };

  // Schools first: their ids and names resolve the teachers' school cells and distance headers.
  const schoolRows = nonBlankRows(schools.rows);
  const idOfName = new Map<string, string>();
  const base = schoolRows.map(({ row, index }) => {
    const id = text(cell(row, sm.columns.id)) || text(cell(row, sm.columns.name));
    const name = text(cell(row, sm.columns.name)) || id;
    const roleText = text(cell(row, sm.columns.role));
    const role = ROLE_WORDS[roleText.normalize('NFKC').toLowerCase()];
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
  if (problems.length > 0) return { ok: false, problems };
  if (needColumns.length === 0 && needsText === undefined) {
    notes.push({ zh: '学校表没有“需求”列：计划只按比例选出交流教师，不按学科安排接收学校', en: 'The school table has no needs columns: the plan picks who rotates but not by subject need' });
  }
  return { ok: true, body: { teachers: teacherBodies, schools: schoolBodies, parameters }, notes };
}
