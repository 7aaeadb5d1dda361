/**
 * Nine-year schools (九年一贯制) inside BALANCECV, BALANCECHECK and GAPTOPASS. A row with junior
 * pupils (the optional `juniorPupils` column) is a nine-year school; `students` is the whole
 * school and the row stands for its part of the row's level, as the national 申报表 lists
 * "每所一贯制学校的小学部单独一行…初中部单独一行" (a school may take one row per part).
 *
 * - The shared resources (indicators 4–7: floor space, grounds, equipment value, multimedia
 *   rooms) are typed for the whole school (per pupil of A + B) and split as EDU.NINEYEARSPLIT
 *   does, one junior pupil weighing w primary pupils (《测算均衡系数拆分公式》, a third-party
 *   copy; see nine-year-split.ts), but exactly, unrounded: the primary part has R ÷ (A + wB)
 *   per pupil, the junior part w·R ÷ (A + wB), with R = x·(A + B) for the whole-school value x.
 * - The teacher indicators 1–3 are not split (the source splits only facilities): they are the
 *   part's own values, teachers of that level per 100 of its pupils, and pass through unchanged.
 */
import { type CellNames, rowName } from '../core/cell-names.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { type Rational, rationalOf } from '../core/exact.js';
import { profileNumber, type ProfileSource, resolveProfile } from '../core/profiles.js';
import type { Level } from './indicators.js';

/** Indicators 4–7 (0-based 3..6) are resources the two parts share. */
const isShared = (column: number): boolean => column >= 3;

/** A nine-year school's primary pupils A and junior pupils B. */
export interface NineYearSchool {
  a: bigint;
  b: bigint;
}

export interface NineYearRows {
  /** Per row: the school's two parts, or undefined for an ordinary school. */
  schools: (NineYearSchool | undefined)[];
  /** w: one junior pupil weighs w primary pupils (profile balance.nineYear.juniorWeight). */
  weight: Rational;
}

/**
 * Reads `juniorPupils` against `students` (n rows). A single blank or 0, as Excel passes an
 * omitted argument, or none above 0 means no nine-year school; the weight is read from the
 * profile only when there is one.
 */
export function nineYearRows(
  n: number,
  students: readonly number[] | undefined,
  juniorPupils: readonly (number | null)[] | undefined,
  profiles: ProfileSource,
  profile: string | undefined,
  cells: CellNames,
): NineYearRows | FormulaError {
  const juniors = juniorPupils ?? [];
  if (!juniors.some((b) => (b ?? 0) > 0)) return { schools: Array.from({ length: n }, () => undefined), weight: { n: 0n, d: 1n } };
  if (juniors.length !== n) {
    return valueError(`指标有 ${n} 行，juniorPupils 有 ${juniors.length} 个：两者应一一对应`, `The indicators have ${n} rows but juniorPupils has ${juniors.length} entries: give one per row`);
  }
  if (students === undefined || students.length !== n) {
    return valueError(
      `有九年一贯制学校（juniorPupils 大于 0）时，请在 students 中给出每行学校的全校在校生数（${n} 个）`,
      `With nine-year schools (juniorPupils above 0), give each row's whole-school enrolment in students (${n} entries)`,
    );
  }
  const schools: (NineYearSchool | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const total = BigInt(students[i]!);
    const b = BigInt(juniors[i] ?? 0);
    if (b > total) {
      const at = rowName(cells, 'juniorPupils', i);
      return valueError(
        `${at.zh}初中部学生数 ${b} 多于在校生数 ${total}：students 填全校人数，juniorPupils 填其中的初中生`,
        `${at.en}: ${b} junior pupils exceed the enrolment ${total}: students is the whole school, juniorPupils the junior pupils among them`,
      );
    }
    schools.push(b === 0n ? undefined : { a: total - b, b });
  }
  const resolved = resolveProfile(profiles, profile);
  if ('error' in resolved) return resolved;
  const weight = profileNumber(resolved, 'balance.nineYear.juniorWeight');
  if (typeof weight !== 'number') return weight;
  if (!(weight > 0)) {
    return valueError(
      `政策配置 "${resolved.id}" 中 balance.nineYear.juniorWeight 为 ${weight}：应大于 0（如 1.1）`,
      `Policy profile "${resolved.id}": balance.nineYear.juniorWeight is ${weight}; it must be above 0 (e.g. 1.1)`,
    );
  }
  return { schools, weight: rationalOf(weight) };
}

/** The pupils of the part of `level`. */
export const partPupils = (school: NineYearSchool, level: Level): bigint => (level === 'primary' ? school.a : school.b);

/** The part's share weight: 1 for primary pupils, w for junior ones. */
const shareOf = (level: Level, w: Rational): Rational => (level === 'primary' ? { n: 1n, d: 1n } : w);

/** A whole-school row as the part of `level` sees it: shared columns split exactly, the rest unchanged. */
export function partIndicators(row: readonly Rational[], school: NineYearSchool, level: Level, w: Rational): Rational[] {
  const share = shareOf(level, w);
  const total = school.a + school.b;
  const weighted = { n: school.a * w.d + school.b * w.n, d: w.d };
  return row.map((x, j) => (isShared(j) ? { n: x.n * total * share.n * weighted.d, d: x.d * share.d * weighted.n } : x));
}

/**
 * Per indicator, the pupils an addition is spread over as the part sees it: a teacher added to
 * the part counts per pupil of the part; a shared resource added to the school reaches the part
 * as share ÷ (A + wB) per unit, i.e. it is spread over (A + wB) ÷ share pupils.
 */
export function partSpread(column: number, school: NineYearSchool, level: Level, w: Rational): Rational {
  if (!isShared(column)) return { n: partPupils(school, level), d: 1n };
  const share = shareOf(level, w);
  return { n: (school.a * w.d + school.b * w.n) * share.d, d: w.d * share.n };
}
