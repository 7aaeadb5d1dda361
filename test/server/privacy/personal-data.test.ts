/**
 * Personal-information detection: ID-card numbers by their check character (GB 11643-1999,
 * ISO 7064 MOD 11-2), headers naming personal columns, and birth dates as text. Reference
 * numbers: the standard's own example 11010519491231002X, and one computed by hand below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, idCardNumbersIn, isIdCardNumber } from '../../../server/privacy/personal-data.js';

const NOW = new Date('2026-01-01T00:00:00Z');

describe('ID-card numbers', () => {
  it("accepts GB 11643-1999's example and a number whose check character is computed by hand", () => {
    expect(isIdCardNumber('11010519491231002X')).toBe(true);
    expect(isIdCardNumber('11010519491231002x')).toBe(true);
    // 3607311985030712?: Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
    //   = 21+54+0+35+24+4+2+9+48+15+0+27+0+35+8+8+6 = 296; 296 mod 11 = 10 -> check "2".
    expect(isIdCardNumber('360731198503071232')).toBe(true);
  });

  it('refuses a wrong check character, an impossible date, and other lengths', () => {
    expect(isIdCardNumber('360731198503071233')).toBe(false);
    expect(isIdCardNumber('360731198502301232')).toBe(false); // 30 February
    expect(isIdCardNumber('36073119850307123')).toBe(false);
    expect(isIdCardNumber('3607311985030712321')).toBe(false);
  });

  it('finds a number inside a cell of other text, and not inside a longer run of digits', () => {
    expect(idCardNumbersIn('张三 360731198503071232 一中')).toEqual(['360731198503071232']);
    expect(idCardNumbersIn('9360731198503071232')).toEqual([]);
  });

  it('exactly one check character in eleven makes a valid number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999 }), (area, seq) => {
        const body = `${String(110000 + area).slice(0, 6)}19850307${String(seq).padStart(3, '0')}`;
        expect([...'0123456789X'].filter((c) => isIdCardNumber(body + c))).toHaveLength(1);
      }),
    );
  });
});

describe('personal content', () => {
  it('a roster with ID numbers, names and birth dates is personal; the signs never quote a value', () => {
    const roster = { 教师: { kind: 'table', headers: ['姓名', '身份证号', '出生日期'], values: [['张三', '360731198503071232', '1985-03-07']] } };
    const found = findPersonalData(roster, NOW);
    expect(found).toEqual({ personal: true, signs: ['header:出生日期', 'header:姓名', 'header:身份证号', 'id-card-number'] });
    expect(JSON.stringify(found)).not.toContain('张三');
    expect(JSON.stringify(found)).not.toContain('360731198503071232');
  });

  it('three birth-like dates make content personal; policy dates and two dates do not', () => {
    expect(findPersonalData({ d: [['1985-03-07'], ['1990/11/02'], ['1979年1月5日']] }, NOW).signs).toEqual(['birth-dates']);
    expect(findPersonalData({ d: [['2024-09-01'], ['2023-09-01'], ['2025-01-01']] }, NOW).personal).toBe(false);
    expect(findPersonalData({ d: [['1985-03-07'], ['1990-11-02']] }, NOW).personal).toBe(false);
  });

  it('budgets, enrolments and school names are not personal', () => {
    expect(findPersonalData({ Budget: [[1600000]], Centres: [['一中心', 312], ['二中心', 207]], 学校名称: [['县一中']] }, NOW)).toEqual({ personal: false, signs: [] });
  });

  it('a header in any key or string counts, in Chinese or English', () => {
    expect(findPersonalData({ 'Date of birth': [[1]] }, NOW).signs).toEqual(['header:Date of birth']);
    expect(findPersonalData({ x: [['手机号码']] }, NOW).signs).toEqual(['header:手机号码']);
  });

  it('walks a very long array without overflowing the stack', () => {
    const rows: unknown[][] = Array.from({ length: 300_000 }, (_, i) => [i]);
    rows.push(['360731198503071232']);
    expect(findPersonalData({ rows }, NOW).signs).toEqual(['id-card-number']);
  });
});
