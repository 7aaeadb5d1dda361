import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PolicyProfile, staticProfileSource } from '../../../formulas/core/profiles.js';
import { invoke, shippedProfiles, shippedProfileSource } from '../../../formulas/index.js';
import { rotationQuota, rotationQuotaFormula } from '../../../formulas/rotation/rotation-quota.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(rotationQuotaFormula, [...args, ...Array(5 - args.length).fill(null)], ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;
const column = (xs: number[]) => xs.map((x) => [x]);

describe('EDU.ROTATIONQUOTA: bad arguments', () => {
  it('names the row of an eligible count that is not a whole number', () => {
    const r = run(column([10, 2.5]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('row 2');
  });

  it('rejects a negative count and a rate above 100%', () => {
    expect(code(run(column([-1])))).toBe('VALUE');
    expect(code(run(column([10]), 1.5))).toBe('VALUE');
    expect(code(run(column([10]), 0.1, -0.2))).toBe('VALUE');
  });

  it('rejects an unknown backbone base, naming the choices', () => {
    const r = run(column([10]), null, null, 'teachers');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('rotating');
  });

  it('names both lengths when backboneEligible does not match eligible', () => {
    const r = run(column([10, 20, 30]), null, null, null, column([1, 2]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('2 items and eligible has 3');
  });
});

describe('EDU.ROTATIONQUOTA: reference values (教师〔2014〕4号: ≥ 10% rotate, backbone ≥ 20%)', () => {
  it('rounds "at least" up at the boundaries 9, 10, 11 and 0 eligible (base: those who rotate)', () => {
    // 9 × 10% = 0.9 → 1, backbone 20% × 1 = 0.2 → 1
    // 10 × 10% = 1 exactly → 1, backbone 0.2 → 1
    // 11 × 10% = 1.1 → 2, backbone 20% × 2 = 0.4 → 1
    // 0 eligible → 0 and 0
    expect(run(column([9, 10, 11, 0]))).toEqual([
      [1, 1],
      [1, 1],
      [2, 1],
      [0, 0],
    ]);
  });

  it('rounds at the backbone boundaries with base "rotating": 50 → 5 rotate, 1 backbone; 51 → 6, 2', () => {
    // 50 × 10% = 5, 20% × 5 = 1 exactly → 1.   51 × 10% = 5.1 → 6, 20% × 6 = 1.2 → 2.
    expect(run(column([50, 51]), 0.1, 0.2, 'rotating')).toEqual([
      [5, 1],
      [6, 2],
    ]);
  });

  it('takes 20% of the eligible with base "eligible" and raises the number who rotate to it', () => {
    // 9: 10% → 1, 20% × 9 = 1.8 → 2 backbone, so 2 rotate (backbone teachers rotate too)
    // 10: 10% → 1, 20% × 10 = 2 → 2, so 2 rotate
    // 11: 10% → 2, 20% × 11 = 2.2 → 3, so 3 rotate
    // 0: 0 and 0
    expect(run(column([9, 10, 11, 0]), 0.1, 0.2, 'eligible')).toEqual([
      [2, 2],
      [2, 2],
      [3, 3],
      [0, 0],
    ]);
    // The Chinese name of the base is accepted: 符合交流条件 = eligible.
    expect(run(column([11]), null, null, '符合交流条件')).toEqual([[3, 3]]);
  });

  it('computes exactly: 14% of 50 is 7, though 0.14 * 50 is 7.000000000000001 in binary floating point', () => {
    expect(0.14 * 50).toBeGreaterThan(7);
    expect(run(column([50]), 0.14, '无')).toEqual([[7, 0]]);
    // 14% of 50 eligible as the backbone share: 7 backbone (so 7 rotate), not 8.
    expect(run(column([50]), 0.1, 0.14, 'eligible')).toEqual([[7, 7]]);
  });

  it('takes the rate from the profile when omitted, so a county profile changes it', () => {
    const county: PolicyProfile = {
      id: 'cn-county-15',
      title: { zh: '示例县', en: 'Example county' },
      version: 1,
      extends: 'cn-national',
      values: { 'rotation.quota.rate': [{ value: 0.15, effective: '2024-01-01', source: { document: '示例', title: '示例县文件（示意）' } }] },
    };
    const profiles = staticProfileSource([...shippedProfiles, county], 'cn-county-15');
    // 20 × 15% = 3, 20% × 3 = 0.6 → 1
    expect(invoke(rotationQuotaFormula, [column([20]), null, null, null, null], { profiles })).toEqual([[3, 1]]);
  });
});

describe('EDU.ROTATIONQUOTA: edge cases', () => {
  it('puts an error in the row of a school with too few backbone teachers and keeps the others', () => {
    // 11 eligible → 2 rotate, 1 backbone: 1 exists. 30 → 3 rotate, 1 backbone: 0 exist.
    const r = run(column([11, 30, 9]), null, null, null, column([1, 0, 4])) as unknown[][];
    expect(r[0]).toEqual([2, 1]);
    expect(r[2]).toEqual([1, 1]);
    expect(code(r[1]![0])).toBe('VALUE');
    expect(r[1]![1]).toEqual(r[1]![0]);
    const message = JSON.stringify(r[1]![0]);
    expect(message).toContain('须交流骨干教师 1 人');
    expect(message).toContain('只有 0 人');
  });

  it('flags a school whose backbone count exceeds its eligible count', () => {
    const r = run(column([5]), null, null, null, column([6])) as unknown[][];
    expect(JSON.stringify(r[0]![0])).toContain('exceed the 5 eligible');
  });

  it('spills two rows when the input is a row', () => {
    expect(run([[9, 11]])).toEqual([
      [1, 2],
      [1, 1],
    ]);
  });

  it('refuses a rate of 0 (Excel desktop sends a blank cell as 0) and gives every eligible teacher with a rate of 1', () => {
    expect(code(run(column([7]), 0, 0.2))).toBe('VALUE');
    expect(JSON.stringify(run(column([7]), 0, 0.2))).toMatch(/rate.*0 和空白的含义不同.*省略该参数/);
    expect(run(column([7]), 1, 1)).toEqual([[7, 7]]);
  });
});

describe('EDU.ROTATIONQUOTA: properties', () => {
  // 0 is refused (it may be a blank cell): the least share is 1%.
  const percent = fc.integer({ min: 1, max: 100 }).map((p) => p / 100);

  it('rotates at least rate × eligible, never more than the eligible, with backbone ≥ share × base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), percent, percent, fc.constantFrom('rotating' as const, 'eligible' as const), (e, rate, share, base) => {
        const [[rotating, backbone]] = run([[e]], rate, share, base) as number[][] as [[number, number]];
        // Integer percentages: compare in hundredths, exactly.
        const p = Math.round(rate * 100);
        const s = Math.round(share * 100);
        expect(rotating * 100).toBeGreaterThanOrEqual(p * e);
        expect(rotating).toBeLessThanOrEqual(e);
        expect(backbone).toBeLessThanOrEqual(rotating);
        const b = base === 'rotating' ? rotating : e;
        if (base === 'eligible') expect(backbone * 100).toBeGreaterThanOrEqual(s * b);
        // The smallest numbers that do it: one fewer would fall short.
        expect((backbone - 1) * 100).toBeLessThan(s * (base === 'rotating' ? Math.ceil((p * e) / 100) : e));
        expect(rotating === 0 || (rotating - 1) * 100 < p * e || rotating === backbone).toBe(true);
      }),
    );
  });

  it('with base "rotating", backbone ≥ share × those who rotate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), percent, percent, (e, rate, share) => {
        const q = rotationQuota(e, { rate: { n: BigInt(Math.round(rate * 100)), d: 100n }, backboneShare: { n: BigInt(Math.round(share * 100)), d: 100n }, backboneBase: 'rotating' });
        expect(q.backbone * 100).toBeGreaterThanOrEqual(Math.round(share * 100) * q.rotating);
        expect(q.rotating).toBe(Math.ceil((Math.round(rate * 100) * e) / 100));
      }),
    );
  });

  it('never decreases when more teachers are eligible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 50 }), percent, percent, (e, more, rate, share) => {
        const [[a, b]] = run([[e]], rate, share) as [[number, number]];
        const [[c, d]] = run([[e + more]], rate, share) as [[number, number]];
        expect(c).toBeGreaterThanOrEqual(a);
        expect(d).toBeGreaterThanOrEqual(b);
      }),
    );
  });
});
