/**
 * The seven resource indicators of the national high-quality-balance assessment
 * (教督〔2017〕6号, 资源配置), the school levels, and the dated thresholds the balance
 * formulas read from a policy profile. Shared by BALANCECV, BALANCECHECK, GAPTOPASS and
 * CLASSBAND so the column order and the profile keys are written down once.
 */
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import { choiceOf, perUnitOf, type PerUnit } from '../core/excel-values.js';
import { type Rational, rationalOf } from '../core/exact.js';
import { profileNumber, type ProfileSource, type ResolvedProfile, resolveProfile } from '../core/profiles.js';

export type Level = 'primary' | 'junior';

/** How an indicator relates to enrolment: per 100 pupils or per pupil. */
export type Basis = 'per100' | 'perPupil';

export interface Indicator {
  key: string;
  /** The assessment's own name. */
  name: Bilingual;
  /** A short name for a result cell. */
  short: string;
  basis: Basis;
  /** The natural unit an addition is counted in (whole teachers, m², yuan, rooms). */
  unit: Bilingual;
}

/** The column order of every indicators range: the order the assessment lists them. */
export const INDICATORS: readonly Indicator[] = [
  {
    key: 'qualifiedTeachers',
    name: { zh: '每百名学生拥有高于规定学历教师数', en: 'teachers above the required qualification per 100 pupils' },
    short: '高于规定学历教师',
    basis: 'per100',
    unit: { zh: '人', en: 'teachers' },
  },
  {
    key: 'backboneTeachers',
    name: { zh: '每百名学生拥有县级以上骨干教师数', en: 'county-level-or-higher backbone teachers per 100 pupils' },
    short: '县级以上骨干教师',
    basis: 'per100',
    unit: { zh: '人', en: 'teachers' },
  },
  {
    key: 'artsPeTeachers',
    name: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and art (fine art, music) teachers per 100 pupils' },
    short: '体育艺术专任教师',
    basis: 'per100',
    unit: { zh: '人', en: 'teachers' },
  },
  {
    key: 'teachingSpace',
    name: { zh: '生均教学及辅助用房面积', en: 'teaching and auxiliary floor space per pupil' },
    short: '生均教学及辅助用房',
    basis: 'perPupil',
    unit: { zh: '平方米', en: 'm²' },
  },
  {
    key: 'sportsSpace',
    name: { zh: '生均体育运动场馆面积', en: 'sports ground and hall area per pupil' },
    short: '生均体育运动场馆',
    basis: 'perPupil',
    unit: { zh: '平方米', en: 'm²' },
  },
  {
    key: 'equipmentValue',
    name: { zh: '生均教学仪器设备值', en: 'teaching equipment value per pupil' },
    short: '生均教学仪器设备值',
    basis: 'perPupil',
    unit: { zh: '元', en: 'yuan' },
  },
  {
    key: 'multimediaRooms',
    name: { zh: '每百名学生拥有网络多媒体教室数', en: 'networked multimedia classrooms per 100 pupils' },
    short: '网络多媒体教室',
    basis: 'per100',
    unit: { zh: '间', en: 'rooms' },
  },
];

export const INDICATOR_COUNT = INDICATORS.length;

export const LEVEL_NAME: Readonly<Record<Level, Bilingual>> = {
  primary: { zh: '小学', en: 'primary' },
  junior: { zh: '初中', en: 'junior secondary' },
};

/** "primary" / "小学" or "junior" / "初中" (case-insensitive). */
export const levelChoice = () =>
  choiceOf<Level>({
    primary: 'primary',
    小学: 'primary',
    junior: 'junior',
    middle: 'junior',
    初中: 'junior',
  });

/** One level for every school, or a row/column with one level per school. */
export const levelsSchema = () => perUnitOf(levelChoice());

export const LEVEL_HINT: Bilingual = {
  zh: '请填写学段 "小学" 或 "初中"（也可写 primary / junior），或每校一个学段的一列',
  en: 'Enter the level "primary" or "junior" (小学 / 初中), or a column with one level per school',
};

/** What a school must reach: the seven thresholds, how many must be met and the floor for the rest. */
export interface BalanceRule {
  level: Level;
  thresholds: Rational[];
  thresholdValues: number[];
  minimumMet: number;
  floorShare: Rational;
  floorShareValue: number;
}

export function readBalanceRule(profile: ResolvedProfile, level: Level): BalanceRule | FormulaError {
  const thresholdValues: number[] = [];
  for (const indicator of INDICATORS) {
    const value = profileNumber(profile, `balance.threshold.${level}.${indicator.key}`);
    if (typeof value !== 'number') return value;
    if (!(value > 0)) {
      return valueError(
        `政策配置 "${profile.id}" 中 ${LEVEL_NAME[level].zh}“${indicator.name.zh}”的标准 ${value} 必须大于 0：请修改配置`,
        `Policy profile "${profile.id}": the ${LEVEL_NAME[level].en} threshold for ${indicator.name.en} is ${value}; it must be above 0. Correct the profile`,
      );
    }
    thresholdValues.push(value);
  }
  const minimumMet = profileNumber(profile, 'balance.pass.minimumMet');
  if (typeof minimumMet !== 'number') return minimumMet;
  if (!Number.isInteger(minimumMet) || minimumMet < 0 || minimumMet > INDICATOR_COUNT) {
    return valueError(
      `政策配置 "${profile.id}" 中 balance.pass.minimumMet 为 ${minimumMet}：应为 0 到 ${INDICATOR_COUNT} 的整数`,
      `Policy profile "${profile.id}": balance.pass.minimumMet is ${minimumMet}; it must be a whole number from 0 to ${INDICATOR_COUNT}`,
    );
  }
  const floorShare = profileNumber(profile, 'balance.pass.floorShare');
  if (typeof floorShare !== 'number') return floorShare;
  if (!(floorShare >= 0 && floorShare <= 1)) {
    return valueError(
      `政策配置 "${profile.id}" 中 balance.pass.floorShare 为 ${floorShare}：应为 0 到 1 之间的比例（如 0.85）`,
      `Policy profile "${profile.id}": balance.pass.floorShare is ${floorShare}; it must be a share from 0 to 1 (e.g. 0.85)`,
    );
  }
  return {
    level,
    thresholds: thresholdValues.map(rationalOf),
    thresholdValues,
    minimumMet,
    floorShare: rationalOf(floorShare),
    floorShareValue: floorShare,
  };
}

/** Reads the rule of every level a range uses, once each. */
function readBalanceRules(profile: ResolvedProfile, levels: readonly Level[]): Map<Level, BalanceRule> | FormulaError {
  const rules = new Map<Level, BalanceRule>();
  for (const level of levels) {
    if (rules.has(level)) continue;
    const rule = readBalanceRule(profile, level);
    if ('error' in rule) return rule;
    rules.set(level, rule);
  }
  return rules;
}

/** What `levelsFor` names when a level column does not match the indicators range. */
const INDICATORS_RANGE: Bilingual = { zh: 'indicators', en: 'indicators' };

/** Each row's rule of an indicators range: its level from `level`, the thresholds from the profile `ref`. */
export function rulesPerSchool(
  profiles: ProfileSource,
  ref: string | undefined,
  level: PerUnit<Level>,
  n: number,
): BalanceRule[] | FormulaError {
  const levels = levelsFor(level, n, INDICATORS_RANGE);
  if ('error' in levels) return levels;
  const resolved = resolveProfile(profiles, ref);
  if ('error' in resolved) return resolved;
  const rules = readBalanceRules(resolved, levels);
  if ('error' in rules) return rules;
  return levels.map((l) => rules.get(l)!);
}

/** One level per school, or an error naming the two lengths when a level column does not match. */
export function levelsFor(levels: PerUnit<Level>, n: number, what: Bilingual): Level[] | FormulaError {
  if (levels.kind === 'all') return Array.from({ length: n }, () => levels.value);
  if (levels.values.length !== n) {
    return valueError(
      `参数 level 有 ${levels.values.length} 个学段，但 ${what.zh} 有 ${n} 所学校：请每校给一个学段，或只填一个学段用于全部学校`,
      `level holds ${levels.values.length} levels but ${what.en} has ${n} schools: give one level per school, or a single level for all`,
    );
  }
  return levels.values;
}

/** An indicators range must have exactly the seven columns, in the assessment's order. */
export function checkSevenColumns(rows: readonly (readonly number[])[], name: string): FormulaError | undefined {
  const columns = rows[0]!.length;
  if (columns === INDICATOR_COUNT) return undefined;
  return valueError(
    `参数 ${name} 有 ${columns} 列，应为 ${INDICATOR_COUNT} 列：依次为 ${INDICATORS.map((i) => i.short).join('、')}`,
    `${name} has ${columns} columns; it needs ${INDICATOR_COUNT}, in this order: ${INDICATORS.map((i) => i.name.en).join('; ')}`,
  );
}

/** The indicators range with one enrolment per row, as BALANCECV and GAPTOPASS take them. */
export function checkIndicatorsAndStudents(indicators: readonly (readonly number[])[], students: readonly number[]): FormulaError | undefined {
  const shape = checkSevenColumns(indicators, 'indicators');
  if (shape) return shape;
  const n = indicators.length;
  if (students.length === n) return undefined;
  return valueError(
    `参数 indicators 有 ${n} 行（学校），students 有 ${students.length} 个：两者应一一对应`,
    `indicators has ${n} rows (schools) but students has ${students.length}: give one enrolment per row`,
  );
}

/** "85%" from 0.85, for result text; the share is a decimal, so this is exact. */
export function percentText(share: number): string {
  return `${Number((share * 100).toPrecision(12))}%`;
}
