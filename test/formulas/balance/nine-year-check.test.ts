/**
 * EDU.BALANCECHECK and EDU.GAPTOPASS with nine-year schools (juniorPupils). The school is the
 * published worked example's (《测算均衡系数拆分公式》, 文档文库 2015-06-11, third-party copy):
 * 376 pupils, 166 primary and 210 junior, so A + 1.1B = 166 + 231 = 397. As the national
 * 申报表 does, the school takes one row per part (小学部, 初中部); each row holds the
 * whole-school values of the four shared facilities and the part's own teacher values.
 *
 * Whole-school shared values (per pupil of 376), typed to two decimals as in the 申报表:
 *   teaching space 6.18, sports ground 6.375 (2,397 m² = 6.375 × 376), equipment 6,177 yuan,
 *   multimedia rooms 2.35 per 100.
 * Primary part: x × 376 ÷ 397; junior part: 1.1 × x × 376 ÷ 397.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceCheck } from '../../../formulas/balance/balance-check.js';
import { gapToPass } from '../../../formulas/balance/gap-to-pass.js';
import { INDICATORS, type Level, readBalanceRule } from '../../../formulas/balance/indicators.js';
import { partIndicators } from '../../../formulas/balance/nine-year-parts.js';
import { standingOf } from '../../../formulas/balance/school-standing.js';
import { add, mul, rationalOf } from '../../../formulas/core/exact.js';
import { resolveProfile } from '../../../formulas/core/profiles.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const check = (...args: unknown[]) => invoke(balanceCheck, args, ctx) as unknown[][];
const gap = (...args: unknown[]) => invoke(gapToPass, args, ctx) as unknown[][];
const message = (r: unknown) => (r as { error: { zh: string; en: string } }).error;

/** The profile's junior weight, 1.1. */
const W = { n: 11n, d: 10n };

function ruleOf(level: Level) {
  const profile = resolveProfile(shippedProfileSource, undefined);
  if ('error' in profile) throw new Error('no national profile');
  const rule = readBalanceRule(profile, level);
  if ('error' in rule) throw new Error(`no ${level} rule`);
  return rule;
}

const SHARED = [6.18, 6.375, 6177, 2.35];
const PRIMARY_PART = [4.5, 1.2, 1, ...SHARED];
const JUNIOR_PART = [5.5, 1.1, 1, ...SHARED];
const rows = [PRIMARY_PART, JUNIOR_PART];
const levels = [['小学'], ['初中']];
const students = [[376], [376]];
const juniors = [[210], [210]];

describe('EDU.BALANCECHECK: a nine-year school is checked by its parts', () => {
  it('splits the shared facilities before checking each part (hand computation)', () => {
    // Primary part (thresholds 4.5, 7.5, 2000, 2.3):
    //   space 6.18 × 376 ÷ 397 = 5.853 ≥ 4.5 met; equipment 6,177 × 376 ÷ 397 = 5,850.3 met;
    //   sports 2,397 ÷ 397 = 6.0378 = 80.5% of 7.5: below 85%;
    //   rooms 2.35 × 376 ÷ 397 = 2.2257 = 96.7% of 2.3: missed, above 85%.
    //   5 met, one below the floor: fails.
    // Junior part (thresholds 5.8, 10.2, 2500, 2.4):
    //   space 1.1 × 6.18 × 376 ÷ 397 = 6.438 met; equipment 6,435.3 met; rooms 2.448 met;
    //   sports 1.1 × 2,397 ÷ 397 = 6.6416 = 65.1% of 10.2: below 85%. 6 met, fails.
    expect(check(rows, levels, null, students, juniors)).toEqual([
      [5, false, '生均体育运动场馆 80.5%（低于85%）；网络多媒体教室 96.7%'],
      [6, false, '生均体育运动场馆 65.1%（低于85%）'],
    ]);
  });

  it('unsplit, the same primary row would pass: sports at exactly 85%, rooms met', () => {
    expect(check([PRIMARY_PART], '小学')).toEqual([[6, true, '生均体育运动场馆 85.0%']]);
    expect(check([PRIMARY_PART], '小学', null, [[376]], [[0]])).toEqual([[6, true, '生均体育运动场馆 85.0%']]);
  });

  it('names what is missing: students for nine-year rows, a part without pupils, a length mismatch', () => {
    expect(message(check(rows, levels, null, null, juniors)).en).toContain('give each row');
    const noPrimary = check([PRIMARY_PART], '小学', null, [[210]], [[210]]);
    expect(message(noPrimary[0]![0]).zh).toContain('第 1 行是九年一贯制学校的小学部');
    expect(message(check(rows, levels, null, students, [[210], [210], [5]])).en).toContain('juniorPupils has 3');
    expect(message(check(rows, levels, null, students, [[400], [210]])).zh).toContain('第 1 行初中部学生数 400 多于在校生数 376');
  });
});

describe('EDU.GAPTOPASS: what a nine-year school must add for each part', () => {
  it('adds to the whole school, of which the part gets its share (hand computation)', () => {
    // Primary part: two misses, one may stay at 85%. Rooms are already above 85%, so the
    // cheapest plan changes only sports, to 7.5 per primary pupil: the school needs
    // 7.5 × 397 = 2,977.5 m², has 2,397, adds ⌈580.5⌉ = 581 m².
    // (Sports to 85% and rooms to 2.3 would change two: 134 m² and 1 room.)
    // Junior part: sports to 85% of 10.2 = 8.67 per junior pupil: the school needs
    // 8.67 × 397 ÷ 1.1 = 3,129.08 m², has 2,397, adds ⌈732.08⌉ = 733 m² — an ordinary junior
    // school of 210 at 6.6416 would need only ⌈(8.67 − 6.6416) × 210⌉ = 426.
    expect(gap(rows, students, levels, null, juniors)).toEqual([
      [0, 0, 0, 0, 581, 0, 0],
      [0, 0, 0, 0, 733, 0, 0],
    ]);
  });

  it('counts teachers per pupil of the part: 4 qualified junior teachers for 210 pupils, not 6 for 376', () => {
    // Sports 9.8 × 376 × 1.1 ÷ 397 = 10.21 ≥ 10.2: the other six are met, so qualified
    // teachers (3 per 100) need only reach 85% of 5.3 = 4.505: (4.505 − 3) × 210 ÷ 100 = 3.16 → 4.
    // Counted per whole-school pupil it would be (4.505 − 3) × 376 ÷ 100 = 5.66 → 6.
    const junior = [3, 1.1, 1, 6.18, 9.8, 6177, 2.35];
    expect(gap([junior], [[376]], '初中', null, [[210]])).toEqual([[4, 0, 0, 0, 0, 0, 0]]);
  });

  it('a part without pupils gets #VALUE! in its row only', () => {
    // Row 1 says 210 pupils, all junior: its primary part is empty.
    const out = gap(rows, [[210], [376]], levels, null, juniors);
    expect(message(out[0]![0]).zh).toContain('第 1 行');
    expect(out[1]).toEqual([0, 0, 0, 0, 733, 0, 0]);
  });

  it('after its additions, every part passes, decided exactly (fast-check)', () => {
    const part = fc.record({
      row: fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 7, maxLength: 7 }).map((xs) => xs.map((x) => x / 100)),
      a: fc.integer({ min: 1, max: 1500 }),
      b: fc.integer({ min: 1, max: 1000 }),
      level: fc.constantFrom<Level>('primary', 'junior'),
    });
    fc.assert(
      fc.property(part, ({ row, a, b, level }) => {
        const [additions] = gap([row], [[a + b]], level, null, [[b]]) as number[][];
        const partPupils = BigInt(level === 'primary' ? a : b);
        // A teacher is added to the part (per 100 of its pupils); a facility to the whole school.
        const after = row.map((x, j) => {
          const per = INDICATORS[j]!.basis === 'per100' ? 100n : 1n;
          return add(rationalOf(x), { n: BigInt(additions![j]!) * per, d: j < 3 ? partPupils : BigInt(a + b) });
        });
        const values = partIndicators(after, { a: BigInt(a), b: BigInt(b) }, level, W);
        return standingOf(values, ruleOf(level)).pass;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the split keeps every shared total (fast-check)', () => {
  it('primary part × A + junior part × B = whole-school value × (A + B), exactly; teachers untouched', () => {
    const w = W;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        (cents, a, b) => {
          const row = cents.map((c) => rationalOf(c / 100));
          const school = { a: BigInt(a), b: BigInt(b) };
          const primary = partIndicators(row, school, 'primary', w);
          const junior = partIndicators(row, school, 'junior', w);
          return row.every((x, j) => {
            if (j < 3) return primary[j] === x && junior[j] === x;
            const sum = add(mul(primary[j]!, { n: school.a, d: 1n }), mul(junior[j]!, { n: school.b, d: 1n }));
            return sum.n * x.d === x.n * (school.a + school.b) * sum.d;
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
