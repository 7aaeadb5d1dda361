import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { type CivilDate, compareDates, daysInMonth, fromExcelSerial, isoOf, toExcelSerial } from '../../../formulas/core/dates.js';
import { retireAge } from '../../../formulas/staffing/retire-age.js';
import { retireDate } from '../../../formulas/staffing/retire-date.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(retireDate, args, ctx);
/** The one cell of a single-value call (a matrix result is 1 x 1). */
const cell = (...args: unknown[]): number => (run(...args) as number[][])[0]![0]!;
const age = (...args: unknown[]) => invoke(retireAge, args, ctx);
const serial = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return toExcelSerial({ year, month, day });
};
const message = (v: unknown) => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);

describe('EDU.RETIREDATE / EDU.RETIREAGE: bad arguments', () => {
  it('requires both arguments', () => {
    expect(message(run(null, 'male'))).toMatch(/birthdate/);
    expect(message(run('1970-01-01', null))).toMatch(/category/);
    expect(message(age(null, 'male'))).toMatch(/birthdate/);
  });

  it('puts an impossible or malformed date in that person’s cell only', () => {
    const out = run([['1970-01-15'], ['2023-02-30'], [60], [0], ['1970/01/15'], [null], [''], [true]], 'male') as unknown[][];
    // Man born 1970-01: k = 60 months after 1965-01, delay ⌊60/4⌋ + 1 = 16 → 61岁4个月 → 2031-05-15.
    expect(out[0]).toEqual([serial('2031-05-15')]);
    expect(message(out[1]![0])).toMatch(/第 2 行.*"2023-02-30".*不是有效日期.*Row 2: birth date/);
    expect(message(out[2]![0])).toMatch(/1900-02-29/);
    // 0 is what Excel desktop sends for a blank cell: read as blank, like null and "".
    expect(message(out[3]![0])).toMatch(/没有出生日期/);
    expect(out[4]).toEqual([serial('2031-05-15')]);
    expect(message(out[5]![0])).toMatch(/没有出生日期/);
    expect(message(out[6]![0])).toMatch(/没有出生日期/);
    expect(message(out[7]![0])).toMatch(/不是有效日期/);
  });

  it('names an unknown category, and asks which group a bare 女 means', () => {
    const out = run([['1970-01-15'], ['1970-01-15'], ['1970-01-15'], ['1970-01-15']], [['teacher'], ['女'], [null], ['女干部']]) as unknown[][];
    expect(message(out[0]![0])).toMatch(/第 1 行.*"teacher".*无法识别.*female-cadre/);
    expect(message(out[1]![0])).toMatch(/55 周岁.*50 周岁.*ambiguous/);
    expect(message(out[2]![0])).toMatch(/无法识别/);
    // Female cadre born 1970-01: first step of 附件2, 55岁1个月 → 2025-02-15.
    expect(out[3]).toEqual([serial('2025-02-15')]);
    expect(message((run('1970-01-15', 'nobody') as unknown[][])[0]![0])).toMatch(/^类别 "nobody"/);
  });

  it('rejects ranges of different lengths and a 2-D range', () => {
    expect(message(run([['1970-01-15'], ['1971-01-15']], [['male'], ['male'], ['male']]))).toMatch(/3 项.*2 项/);
    expect(message(run([['1970-01-15', '1971-01-15'], ['1972-01-15', '1973-01-15']], 'male'))).toMatch(/birthdate/);
  });

  it('reports a retirement date past 9999-12-31', () => {
    expect(message(run('9990-06-01', 'male'))).toMatch(/9999-12-31/);
    expect(message(age('9990-06-01', 'male'))).toMatch(/9999-12-31/);
  });
});

describe('reference values (the Decision’s 附件, see retirement-reform.test.ts for the derivation)', () => {
  it('gives the retirement date as an Excel serial, from a serial or ISO birth date', () => {
    // Man born 1965-01-15: 60岁1个月 → 2025-02-15 = serial 45703.
    expect(run('1965-01-15', 'male')).toEqual([[45703]]);
    expect(run(serial('1965-01-15'), '男')).toEqual([[45703]]);
    // Same person with a time of day in the serial.
    expect(run(serial('1965-01-15') + 0.5, 'MALE')).toEqual([[45703]]);
  });

  it('spills a column for a column and a row for a row', () => {
    const births = ['1964-12-31', '1965-01-31', '1976-09-01', '1969-12-20', '1981-09-01', '1974-12-05', '1984-11-30'];
    const cats = ['male', 'male', 'male', 'female-cadre', '女干部', 'female-worker', '原法定退休年龄50周岁的女职工'];
    const expected = [
      '2024-12-31', // 60, before the reform
      '2025-02-28', // 60岁1个月, 31 clamped to February's end
      '2039-09-01', // 63
      '2024-12-20', // 55, before the reform
      '2039-09-01', // 58
      '2024-12-05', // 50, before the reform
      '2039-11-30', // 55
    ].map(serial);
    expect(run(births.map((b) => [b]), cats.map((c) => [c]))).toEqual(expected.map((s) => [s]));
    expect(run([births], [cats])).toEqual([expected]);
  });

  it('gives the age as years and months: n × 2 for a column, 2 × n for a row, 1 × 2 for one date', () => {
    expect(age('1965-01-15', 'male')).toEqual([[60, 1]]);
    expect(age([['1976-05-01'], ['1981-08-31'], ['1975-03-01']], [['male'], ['female-cadre'], ['female-worker']])).toEqual([
      [62, 11],
      [57, 11],
      [50, 2],
    ]);
    expect(age([['1964-12-01', '1984-10-01']], [['male', 'female-worker']])).toEqual([
      [60, 54],
      [0, 11],
    ]);
  });

  it('puts an error in both cells of that person’s age', () => {
    const out = age([['1970-01-15'], ['2023-02-30']], 'male') as unknown[][];
    expect(out[0]).toEqual([61, 4]);
    expect(isFormulaError(out[1]![0])).toBe(true);
    expect(isFormulaError(out[1]![1])).toBe(true);
  });
});

describe('properties', () => {
  const birth = fc
    .record({ year: fc.integer({ min: 1930, max: 2020 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map((x): CivilDate => ({ ...x, day: Math.min(x.day, daysInMonth(x.year, x.month)) }));
  const category = fc.constantFrom('male', 'female-cadre', 'female-worker');

  it('a later birth date never gives an earlier retirement date', () => {
    fc.assert(
      fc.property(birth, birth, category, (a, b, c) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(cell(isoOf(early), c)).toBeLessThanOrEqual(cell(isoOf(late), c));
      }),
    );
  });

  it('the date is the birth date plus the age, in the same month of the year and on the same day when it exists', () => {
    fc.assert(
      fc.property(birth, category, (b, c) => {
        const [[years, months]] = age(isoOf(b), c) as [[number, number]];
        const date = fromExcelSerial(cell(isoOf(b), c))!;
        const total = b.year * 12 + b.month - 1 + years * 12 + months;
        expect(date.year * 12 + date.month - 1).toBe(total);
        expect(date.day).toBe(Math.min(b.day, daysInMonth(date.year, date.month)));
      }),
    );
  });
});
