/**
 * EDU.BALANCECV with nine-year schools (juniorPupils): the school of the published worked
 * example (《测算均衡系数拆分公式》, 文档文库 2015-06-11, third-party copy: 166 primary and 210
 * junior pupils, weighted 166 + 1.1 × 210 = 397) beside an ordinary school, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { balanceCv } from '../../../formulas/balance/balance-cv.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const run = (...args: unknown[]) => invoke(balanceCv, args, { profiles: shippedProfileSource }) as unknown[][];
const row = (x: number) => Array.from({ length: 7 }, () => x);

// Two schools: CV² = w1·w2·(v1 − v2)² ÷ (w1·v1 + w2·v2)² (population form, weighted).
const twoSchoolCv = (w1: number, v1: number, w2: number, v2: number) => (Math.sqrt(w1 * w2) * Math.abs(v1 - v2)) / (w1 * v1 + w2 * v2);

describe('EDU.BALANCECV: a nine-year school counts by its part', () => {
  // Ordinary primary school: 200 pupils, every indicator 40. Nine-year school: 376 pupils
  // (210 junior), every whole-school indicator 61.5, so a shared resource totals
  // 61.5 × 376 = 23,124. Its primary part: 166 pupils, 23,124 ÷ 397 per pupil for the shared
  // indicators 4–7; the teacher indicators 1–3 keep 61.5.
  const indicators = [row(40), row(61.5)];
  it('primary: the teacher columns use 61.5, the shared columns 23,124 ÷ 397, weighted by 166', () => {
    const [cvs] = run(indicators, [[200], [376]], '小学', false, null, [[null], [210]]);
    const teacher = twoSchoolCv(200, 40, 166, 61.5);
    const shared = twoSchoolCv(200, 40, 166, 23124 / 397);
    expect(cvs!.slice(0, 3).every((c) => Math.abs((c as number) - teacher) < 1e-12)).toBe(true);
    expect(cvs!.slice(3).every((c) => Math.abs((c as number) - shared) < 1e-12)).toBe(true);
  });

  // Junior part: 210 pupils, 1.1 × 23,124 ÷ 397 = 25,436.4 ÷ 397 per pupil.
  it('junior: the shared columns use 1.1 × 23,124 ÷ 397, weighted by 210', () => {
    const [cvs] = run(indicators, [[200], [376]], '初中', false, null, [[0], [210]]);
    expect(Math.abs((cvs![6] as number) - twoSchoolCv(200, 40, 210, 25436.4 / 397))).toBeLessThan(1e-12);
    expect(Math.abs((cvs![0] as number) - twoSchoolCv(200, 40, 210, 61.5))).toBeLessThan(1e-12);
  });

  it('without juniorPupils, or with none above 0, nothing changes', () => {
    const plain = run(indicators, [[200], [376]], '小学', true);
    expect(run(indicators, [[200], [376]], '小学', true, null, [[0], [null]])).toEqual(plain);
  });

  it('names the row whose junior pupils exceed its enrolment, and a length mismatch', () => {
    const tooMany = run(indicators, [[200], [376]], '小学', false, null, [[0], [400]]) as unknown as { error: { zh: string; en: string } };
    expect(tooMany.error.zh).toContain('第 2 行');
    const short = run(indicators, [[200], [376]], '小学', false, null, [[0], [1], [2]]) as unknown as { error: { en: string } };
    expect(short.error.en).toContain('juniorPupils has 3');
  });
});
