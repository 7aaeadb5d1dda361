import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapToPass } from '../../../formulas/balance/gap-to-pass.js';
import { type BalanceRule, INDICATORS, readBalanceRule } from '../../../formulas/balance/indicators.js';
import { standingOf } from '../../../formulas/balance/school-standing.js';
import { add, rationalOf } from '../../../formulas/core/exact.js';
import { resolveProfile } from '../../../formulas/core/profiles.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(gapToPass, args, ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;

const PRIMARY = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
const JUNIOR = [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4];
const withValues = (base: readonly number[], changes: Record<number, number>): number[] => base.map((x, j) => changes[j] ?? x);

function primaryRule(): BalanceRule {
  const profile = resolveProfile(shippedProfileSource, undefined);
  if ('error' in profile) throw new Error('no national profile');
  const rule = readBalanceRule(profile, 'primary');
  if ('error' in rule) throw new Error('no primary rule');
  return rule;
}

/** Whether the school passes after the additions, exactly: value + addition × (100 or 1) / pupils. */
function passesAfter(row: readonly number[], pupils: number, additions: readonly number[], rule: BalanceRule): boolean {
  const values = row.map((v, i) => add(rationalOf(v), { n: BigInt(additions[i]!) * (INDICATORS[i]!.basis === 'per100' ? 100n : 1n), d: BigInt(pupils) }));
  return standingOf(values, rule).pass;
}

describe('EDU.GAPTOPASS: bad arguments', () => {
  it('needs seven columns and one enrolment per school', () => {
    expect(code(run([PRIMARY.slice(0, 5)], 100, '小学'))).toBe('VALUE');
    const r = run([PRIMARY, PRIMARY], [[100]], '小学');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('students has 1');
  });

  it('rejects a fractional enrolment', () => {
    expect(code(run([PRIMARY], 100.5, '小学'))).toBe('VALUE');
  });
});

describe('EDU.GAPTOPASS: reference values', () => {
  it('rounds teachers up to whole people', () => {
    // 350 pupils, 0.8 backbone teachers per 100 (80%, below the 85% floor). To 85%:
    // (0.85 − 0.8) × 350 / 100 = 0.175 teacher → 1 whole teacher (then 1.086 per 100).
    expect(run([withValues(PRIMARY, { 1: 0.8 })], 350, '小学')).toEqual([[0, 1, 0, 0, 0, 0, 0]]);
  });

  it('prefers changing fewer indicators: leaves one already above 85%', () => {
    // 500 pupils. Equipment 1800 yuan (90%: missed but above the floor), multimedia rooms 1.5
    // per 100 (65%). Plan A: rooms to 2.3 → (2.3 − 1.5) × 500 / 100 = 4 rooms; 1 change.
    // Plan B: rooms to 85% (1.955 → 2.275 → 3 rooms) and equipment to 2000 (200 × 500 =
    // 100 000 yuan); 2 changes. A is chosen.
    expect(run([withValues(PRIMARY, { 5: 1800, 6: 1.5 })], 500, '小学')).toEqual([[0, 0, 0, 0, 0, 0, 4]]);
  });

  it('fewest changes first, even when that is more m² in total', () => {
    // 200 pupils. Teaching space 3.6 (80%), sports area 7.0 (93.3%).
    // Plan A: teaching space to 4.5: 0.9 × 200 = 180 m²; sports stays at 93.3%: 1 change.
    // Plan B: teaching space to 3.825 (45 m²) and sports to 7.5 (100 m²) = 145 m²: 2 changes.
    expect(run([withValues(PRIMARY, { 3: 3.6, 4: 7 })], 200, '小学')).toEqual([[0, 0, 0, 180, 0, 0, 0]]);
  });

  it('with the same number of changes, the smallest sum of additions relative to the thresholds', () => {
    // 100 pupils. Qualified teachers 3.0 (71%), backbone 0.5 (50%): both must change.
    // Plan A (qualified at 85%): qualified to 3.57 → 0.57 → 1 teacher; backbone to 1 → 0.5 → 1.
    //   relative: 1 × 100/100 / 4.2 + 1 × 100/100 / 1 = 0.238 + 1 = 1.238
    // Plan B (backbone at 85%): qualified to 4.2 → 1.2 → 2; backbone to 0.85 → 0.35 → 1.
    //   relative: 2 / 4.2 + 1 / 1 = 0.476 + 1 = 1.476.  A is chosen.
    expect(run([withValues(PRIMARY, { 0: 3, 1: 0.5 })], 100, '小学')).toEqual([[1, 1, 0, 0, 0, 0, 0]]);
  });

  it('reads junior thresholds and returns one row per school', () => {
    // School 1 passes. School 2 (600 pupils) misses sports area at 8.0 (78%) and equipment at
    // 2400 (96%): sports to 10.2 → 2.2 × 600 = 1320 m², equipment stays above 85%.
    expect(run([JUNIOR, withValues(JUNIOR, { 4: 8, 5: 2400 })], [[430], [600]], '初中')).toEqual([
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1320, 0, 0],
    ]);
  });
});

describe('EDU.GAPTOPASS: edge cases', () => {
  it('puts #VALUE! (with what to do; Excel drops messages on #DIV/0!) across the row of a school with no pupils', () => {
    const r = run([PRIMARY, PRIMARY], [[0], [100]], '小学') as unknown[][];
    expect(r[0]!.map(code)).toEqual(Array(7).fill('VALUE'));
    expect(r[1]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('an empty school: all seven change, and the one left at 85% is the one that saves most', () => {
    // 100 pupils, all zeros. To the threshold / to 85% (whole units, rounded up):
    //   qualified 4.2 → 5 / 3.57 → 4 teachers   relative saving (5 − 4) / 4.2   = 0.238
    //   backbone  1   → 1 / 0.85 → 1            saving 0
    //   PE/art    0.9 → 1 / 0.765 → 1           saving 0
    //   teaching  450 / 382.5 → 383 m²          saving 67 / 450  = 0.149
    //   sports    750 / 637.5 → 638 m²          saving 112 / 750 = 0.149
    //   equipment 200 000 / 170 000 yuan        saving 0.15
    //   rooms     2.3 → 3 / 1.955 → 2 rooms     saving (3 − 2) / 2.3 = 0.435  ← largest
    expect(run([[0, 0, 0, 0, 0, 0, 0]], 100, '小学')).toEqual([[5, 1, 1, 450, 750, 200000, 2]]);
    expect(passesAfter([0, 0, 0, 0, 0, 0, 0], 100, [5, 1, 1, 450, 750, 200000, 2], primaryRule())).toBe(true);
  });
});

describe('EDU.GAPTOPASS: properties', () => {
  const school = fc.record({
    row: fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 7, maxLength: 7 }).map((xs) => xs.map((x) => x / 100)),
    pupils: fc.integer({ min: 1, max: 3000 }),
  });

  it('the additions make the school pass, and one unit less of any of them does not', () => {
    const rule = primaryRule();
    fc.assert(
      fc.property(school, ({ row, pupils }) => {
        const additions = (run([row], pupils, '小学') as number[][])[0]!;
        expect(passesAfter(row, pupils, additions, rule)).toBe(true);
        additions.forEach((a, i) => {
          if (a === 0) return;
          const less = additions.map((x, j) => (j === i ? x - 1 : x));
          expect(passesAfter(row, pupils, less, rule)).toBe(false);
        });
      }),
    );
  });

  it('a school that already passes needs nothing', () => {
    const rule = primaryRule();
    fc.assert(
      fc.property(school, ({ row, pupils }) => {
        const passes = standingOf(row.map(rationalOf), rule).pass;
        const additions = (run([row], pupils, '小学') as number[][])[0]!;
        if (passes) expect(additions).toEqual([0, 0, 0, 0, 0, 0, 0]);
        else expect(additions.some((a) => a > 0)).toBe(true);
      }),
    );
  });
});
