import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_BANDS, classBand } from '../../../formulas/balance/class-band.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const run = (...args: unknown[]) => invoke(classBand, args, ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;
/** The band of one class of `size` pupils. */
const bandOf = (size: number, level = '小学'): unknown => (run(size, 1, level) as unknown[][])[0]![2];

describe('EDU.CLASSBAND: bad arguments', () => {
  it('needs one class count per pupil number', () => {
    const r = run(col([90, 100]), col([2]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('classes has 1');
  });

  it('rejects fractional pupils and an unknown level', () => {
    expect(code(run(90.5, 2))).toBe('VALUE');
    expect(code(run(90, 2, '高中'))).toBe('VALUE');
  });
});

describe('EDU.CLASSBAND: reference values (bands at their edges)', () => {
  it('primary: 45 within the standard, 46 over it', () => {
    expect(bandOf(45)).toBe(CLASS_BANDS.within);
    expect(bandOf(46)).toBe(CLASS_BANDS.over);
  });

  it('junior: 50 within the standard, 51 over it', () => {
    expect(bandOf(50, '初中')).toBe(CLASS_BANDS.within);
    expect(bandOf(51, '初中')).toBe(CLASS_BANDS.over);
  });

  it('55 over the standard, 56 大班额 (国发〔2016〕40号), for both levels', () => {
    expect(bandOf(55)).toBe(CLASS_BANDS.over);
    expect(bandOf(56)).toBe(CLASS_BANDS.large);
    expect(bandOf(55, '初中')).toBe(CLASS_BANDS.over);
    expect(bandOf(56, '初中')).toBe(CLASS_BANDS.large);
  });

  it('65 大班额, 66 超大班额', () => {
    expect(bandOf(65)).toBe(CLASS_BANDS.large);
    expect(bandOf(66)).toBe(CLASS_BANDS.extraLarge);
    expect(bandOf(65, 'junior')).toBe(CLASS_BANDS.large);
    expect(bandOf(66, 'junior')).toBe(CLASS_BANDS.extraLarge);
  });

  it('bands on the size some class must reach: 91 pupils in 2 classes means one class of at least 46', () => {
    // Average 45.5, but 2 classes of at most 45 hold at most 90 pupils.
    expect(run(91, 2)).toEqual([[45.5, 46, CLASS_BANDS.over]]);
    // 111 in 2 classes: average 55.5, one class has at least 56.
    expect(run(111, 2)).toEqual([[55.5, 56, CLASS_BANDS.large]]);
    // 131 in 2: average 65.5, one class has at least 66.
    expect(run(131, 2)).toEqual([[65.5, 66, CLASS_BANDS.extraLarge]]);
  });

  it('takes one level per school', () => {
    expect(run(col([150, 150]), col([3, 3]), col(['小学', '初中']))).toEqual([
      [50, 50, CLASS_BANDS.over],
      [50, 50, CLASS_BANDS.within],
    ]);
  });
});

describe('EDU.CLASSBAND: edge cases', () => {
  it('puts #VALUE! (with what to do) in the row of a school with no classes and keeps the others', () => {
    const r = run(col([90, 30]), col([2, 0])) as unknown[][];
    expect(r[0]).toEqual([45, 45, CLASS_BANDS.within]);
    expect(code(r[1]![0])).toBe('VALUE');
    expect(JSON.stringify(r[1]![0])).toContain('row 2');
  });

  it('treats classes with no pupils as within the standard', () => {
    expect(run(0, 3)).toEqual([[0, 0, CLASS_BANDS.within]]);
  });
});

describe('EDU.CLASSBAND: properties', () => {
  it('column 2 is the ceiling of the average, and the band never falls as pupils rise', () => {
    const order = [CLASS_BANDS.within, CLASS_BANDS.over, CLASS_BANDS.large, CLASS_BANDS.extraLarge] as string[];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 200 }), (s, c, more) => {
        const [avg, atLeast, band] = (run(s, c) as [number, number, string][])[0]!;
        expect(atLeast).toBe(Math.ceil(s / c));
        expect(atLeast - avg).toBeGreaterThanOrEqual(0);
        expect(atLeast - avg).toBeLessThan(1);
        const after = (run(s + more, c) as [number, number, string][])[0]![2];
        expect(order.indexOf(after)).toBeGreaterThanOrEqual(order.indexOf(band));
      }),
    );
  });
});
