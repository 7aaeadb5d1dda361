import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceCheck } from '../../../formulas/balance/balance-check.js';
import { staticProfileSource } from '../../../formulas/core/profiles.js';
import { invoke, shippedProfiles, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(balanceCheck, args, ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;

// 教督〔2017〕6号 thresholds, in column order.
const PRIMARY = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
const JUNIOR = [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4];
const withValue = (base: readonly number[], i: number, v: number): number[] => base.map((x, j) => (j === i ? v : x));

describe('EDU.BALANCECHECK: bad arguments', () => {
  it('needs seven columns', () => {
    const r = run([PRIMARY.slice(0, 6)], '小学');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('6 列');
  });

  it('names the row and column of a value that is not a number', () => {
    const r = run([PRIMARY, withValue(PRIMARY, 3, 'n/a' as unknown as number)], '小学');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('row 2, column 4');
  });

  it('needs one level per school when a level column is given', () => {
    const r = run([PRIMARY, PRIMARY, PRIMARY], [['小学'], ['初中']]);
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('3 schools');
  });

  it('rejects an unknown profile', () => {
    expect(code(run([PRIMARY], '小学', 'no-such-county'))).toBe('VALUE');
  });
});

describe('EDU.BALANCECHECK: reference values (thresholds at their edges)', () => {
  it('meets a threshold at exactly its value (以上含本数)', () => {
    expect(run([PRIMARY], '小学')).toEqual([[7, true, '全部达标']]);
    expect(run([JUNIOR], '初中')).toEqual([[7, true, '全部达标']]);
  });

  it('passes at exactly 6 of 7 with the missed one at exactly 85%: 3.57 = 0.85 × 4.2', () => {
    expect(run([withValue(PRIMARY, 0, 3.57)], '小学')).toEqual([[6, true, '高于规定学历教师 85.0%']]);
    // Likewise 3.825 = 0.85 × 4.5 and 1.955 = 0.85 × 2.3, where 0.85 * 4.5 in binary floating
    // point is 3.8249999999999997: the comparison is of the decimals, not of their doubles.
    expect(run([withValue(PRIMARY, 3, 3.825)], '小学')).toEqual([[6, true, '生均教学及辅助用房 85.0%']]);
    expect(run([withValue(PRIMARY, 6, 1.955)], '小学')).toEqual([[6, true, '网络多媒体教室 85.0%']]);
    expect(run([withValue(PRIMARY, 6, 1.9549)], '小学')).toEqual([[6, false, '网络多媒体教室 84.9%（低于85%）']]);
  });

  it('fails just under 85%, and says so', () => {
    const r = run([withValue(PRIMARY, 0, 3.5699)], '小学') as unknown[][];
    expect(r[0]!.slice(0, 2)).toEqual([6, false]);
    expect(r[0]![2]).toBe('高于规定学历教师 84.9%（低于85%）');
  });

  it('fails at 5 of 7 even when both misses are above 85%', () => {
    const row = withValue(withValue(PRIMARY, 4, 7.4), 5, 1999);
    expect(run([row], '小学')).toEqual([[5, false, '生均体育运动场馆 98.6%；生均教学仪器设备值 99.9%']]);
  });

  it('reads the junior thresholds: 85% of 10.2 is 8.67', () => {
    expect((run([withValue(JUNIOR, 4, 8.67)], '初中') as unknown[][])[0]!.slice(0, 2)).toEqual([6, true]);
    expect((run([withValue(JUNIOR, 4, 8.66)], '初中') as unknown[][])[0]!.slice(0, 2)).toEqual([6, false]);
    // A primary school with the same sports area meets its own 7.5.
    expect((run([withValue(PRIMARY, 4, 8.66)], '小学') as unknown[][])[0]!.slice(0, 2)).toEqual([7, true]);
  });

  it('takes one level per school', () => {
    const r = run([PRIMARY, PRIMARY], [['小学'], ['初中']]) as unknown[][];
    expect(r[0]!.slice(0, 2)).toEqual([7, true]);
    // Against junior thresholds 4.2 < 5.3, 4.5 < 5.8, 7.5 < 10.2, 2000 < 2500, 2.3 < 2.4: 2 met.
    expect(r[1]!.slice(0, 2)).toEqual([2, false]);
  });
});

describe('EDU.BALANCECHECK: edge cases', () => {
  it('counts zeros as missed, below 85%', () => {
    expect(run([[0, 0, 0, 0, 0, 0, 0]], '小学')).toEqual([
      [
        0,
        false,
        '高于规定学历教师 0.0%（低于85%）；县级以上骨干教师 0.0%（低于85%）；体育艺术专任教师 0.0%（低于85%）；生均教学及辅助用房 0.0%（低于85%）；生均体育运动场馆 0.0%（低于85%）；生均教学仪器设备值 0.0%（低于85%）；网络多媒体教室 0.0%（低于85%）',
      ],
    ]);
  });

  it('reads a county profile that extends the national one', () => {
    const county = {
      id: 'county-a',
      title: { zh: '某县', en: 'County A' },
      version: 1,
      extends: 'cn-national',
      values: {
        'balance.threshold.primary.sportsSpace': [
          { value: 6, effective: '2023-01-01', unit: 'm²/pupil', source: { document: '某教〔2023〕1号', title: '某县实施细则' } },
        ],
      },
    };
    const profiles = staticProfileSource([...shippedProfiles, county], 'cn-national');
    const row = withValue(PRIMARY, 4, 6.2);
    expect(invoke(balanceCheck, [[row], '小学', 'county-a'], { profiles })).toEqual([[7, true, '全部达标']]);
    expect(invoke(balanceCheck, [[row], '小学', 'county-a@2022-12-31'], { profiles })).toEqual([[6, false, '生均体育运动场馆 82.6%（低于85%）']]);
  });

  it('accepts a single school typed as one row', () => {
    expect((run([withValue(PRIMARY, 1, 0.85)], 'primary') as unknown[][])[0]!.slice(0, 2)).toEqual([6, true]);
  });
});

describe('EDU.BALANCECHECK: properties', () => {
  // Values in hundredths, so every comparison has an exact decimal to get right.
  const row = fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 7, maxLength: 7 }).map((xs) => xs.map((x) => x / 100));

  it('never loses a met threshold or a pass when a value rises', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 100_000 }), (r, i, up) => {
        const before = (run([r], '小学') as unknown[][])[0]!;
        const after = (run([withValue(r, i, (Math.round(r[i]! * 100) + up) / 100)], '小学') as unknown[][])[0]!;
        expect(after[0] as number).toBeGreaterThanOrEqual(before[0] as number);
        if (before[1] === true) expect(after[1]).toBe(true);
      }),
    );
  });

  it('counts met thresholds as an integer comparison in hundredths would', () => {
    fc.assert(
      fc.property(row, (r) => {
        const hundredths = r.map((x) => Math.round(x * 100));
        const met = hundredths.filter((h, i) => h >= Math.round(PRIMARY[i]! * 100)).length;
        const floorOk = hundredths.every((h, i) => h * 100 >= 85 * Math.round(PRIMARY[i]! * 100));
        const out = (run([r], '小学') as unknown[][])[0]!;
        expect(out[0]).toBe(met);
        expect(out[1]).toBe(met >= 6 && floorOk);
      }),
    );
  });
});
