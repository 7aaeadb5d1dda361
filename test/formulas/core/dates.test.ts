import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateAdvice,
  readDate,
  type CivilDate,
  compareDates,
  daysInMonth,
  fromExcelSerial,
  isoOf,
  MAX_EXCEL_SERIAL,
  parseDateCell,
  toExcelSerial,
} from '../../../formulas/core/dates.js';

const d = (year: number, month: number, day: number): CivilDate => ({ year, month, day });

/** Any real date Excel can hold (1900-01-01 .. 9999-12-31). */
const excelDate = fc
  .record({ year: fc.integer({ min: 1900, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map((x) => ({ ...x, day: Math.min(x.day, daysInMonth(x.year, x.month)) }));

describe('fromExcelSerial / toExcelSerial: bad input', () => {
  it('rejects serials below 1, above 9999-12-31, non-finite, and the fictitious 1900-02-29 (serial 60)', () => {
    expect(fromExcelSerial(0)).toBeUndefined();
    expect(fromExcelSerial(-5)).toBeUndefined();
    expect(fromExcelSerial(0.5)).toBeUndefined();
    expect(fromExcelSerial(MAX_EXCEL_SERIAL + 1)).toBeUndefined();
    expect(fromExcelSerial(Number.NaN)).toBeUndefined();
    expect(fromExcelSerial(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(fromExcelSerial(60)).toBeUndefined();
    expect(fromExcelSerial(60.5)).toBeUndefined();
  });

  it('has no serial for dates before 1900 or impossible dates', () => {
    expect(() => toExcelSerial(d(1899, 12, 31))).toThrow(RangeError);
    expect(() => toExcelSerial(d(2023, 2, 29))).toThrow(RangeError);
    expect(() => toExcelSerial(d(10000, 1, 1))).toThrow(RangeError);
  });
});

describe('fromExcelSerial / toExcelSerial: reference values (what Excel shows for =DATE(...))', () => {
  // Excel: serial 1 = 1900-01-01, 59 = 1900-02-28, 60 = "1900-02-29" (fictitious), 61 = 1900-03-01;
  // 25569 = 1970-01-01 (the Unix epoch, a well-known constant), 45658 = 2025-01-01
  // (= 25569 + 20089 days: 55 years × 365 + 14 leap days 1972..2024), 2958465 = 9999-12-31.
  const table: [number, CivilDate][] = [
    [1, d(1900, 1, 1)],
    [31, d(1900, 1, 31)],
    [59, d(1900, 2, 28)],
    [61, d(1900, 3, 1)],
    [366, d(1900, 12, 31)],
    [367, d(1901, 1, 1)],
    [25569, d(1970, 1, 1)],
    [36526, d(2000, 1, 1)],
    [45658, d(2025, 1, 1)],
    [45703, d(2025, 2, 15)],
    [MAX_EXCEL_SERIAL, d(9999, 12, 31)],
  ];
  it.each(table)('serial %i', (serial, date) => {
    expect(fromExcelSerial(serial)).toEqual(date);
    expect(toExcelSerial(date)).toBe(serial);
  });

  it('ignores the time of day in a fractional serial', () => {
    expect(fromExcelSerial(45658.75)).toEqual(d(2025, 1, 1));
    expect(fromExcelSerial(1.999)).toEqual(d(1900, 1, 1));
  });
});

describe('parseDateCell', () => {
  it('accepts an Excel serial or ISO text', () => {
    expect(parseDateCell(45658)).toEqual(d(2025, 1, 1));
    expect(parseDateCell('2025-01-01')).toEqual(d(2025, 1, 1));
    expect(parseDateCell(' 2024-02-29 ')).toEqual(d(2024, 2, 29));
    expect(parseDateCell('2000-02-29')).toEqual(d(2000, 2, 29));
  });

  it('rejects impossible, malformed and out-of-range dates and non-dates', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '1900-02-29', '2100-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00']) {
      expect(parseDateCell(bad), bad).toBeUndefined();
    }
    for (const bad of ['20230203', '2023/02-03', '', 'yesterday', '1899-12-31', '2023年2月30日']) {
      expect(parseDateCell(bad), bad).toBeUndefined();
    }
    for (const bad of [null, undefined, true, {}, [], 60, 0]) expect(parseDateCell(bad)).toBeUndefined();
  });
});

describe('addMonths', () => {
  it('keeps the day and clamps to the end of a shorter month', () => {
    expect(addMonths(d(2024, 1, 31), 1)).toEqual(d(2024, 2, 29));
    expect(addMonths(d(2023, 1, 31), 1)).toEqual(d(2023, 2, 28));
    expect(addMonths(d(2024, 3, 31), -1)).toEqual(d(2024, 2, 29));
    expect(addMonths(d(1965, 1, 31), 721)).toEqual(d(2025, 2, 28));
    expect(addMonths(d(2024, 2, 29), 12)).toEqual(d(2025, 2, 28));
    expect(addMonths(d(2024, 5, 15), -13)).toEqual(d(2023, 4, 15));
    expect(addMonths(d(2024, 12, 1), 1)).toEqual(d(2025, 1, 1));
    expect(addMonths(d(2024, 1, 1), -1)).toEqual(d(2023, 12, 1));
  });

  it('needs whole months', () => {
    expect(() => addMonths(d(2024, 1, 1), 1.5)).toThrow(RangeError);
  });
});

describe('compareDates and isoOf', () => {
  it('orders by year, month, day', () => {
    expect(compareDates(d(2024, 1, 31), d(2024, 2, 1))).toBe(-1);
    expect(compareDates(d(2024, 2, 1), d(2024, 2, 1))).toBe(0);
    expect(compareDates(d(2025, 1, 1), d(2024, 12, 31))).toBe(1);
  });

  it('writes YYYY-MM-DD', () => {
    expect(isoOf(d(1965, 1, 5))).toBe('1965-01-05');
    expect(isoOf(d(999, 12, 31))).toBe('0999-12-31');
  });
});

describe('properties', () => {
  it('serials and dates round-trip', () => {
    fc.assert(fc.property(excelDate, (date) => {
        expect(fromExcelSerial(toExcelSerial(date))).toEqual(date);
      }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EXCEL_SERIAL }), (serial) => {
        const date = fromExcelSerial(serial);
        if (serial === 60) expect(date).toBeUndefined();
        else expect(toExcelSerial(date!)).toBe(serial);
      }),
    );
  });

  it('consecutive serials are consecutive days (except across the fictitious 1900-02-29)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_EXCEL_SERIAL - 1 }), (serial) => {
        const a = fromExcelSerial(serial)!;
        const b = fromExcelSerial(serial + 1)!;
        const next = a.day < daysInMonth(a.year, a.month) ? { ...a, day: a.day + 1 } : addMonths({ ...a, day: 1 }, 1);
        expect(b).toEqual(next);
      }),
    );
  });

  it('serial order is date order', () => {
    fc.assert(
      fc.property(excelDate, excelDate, (a, b) => {
        expect(Math.sign(toExcelSerial(a) - toExcelSerial(b))).toBe(compareDates(a, b));
      }),
    );
  });

  it('ISO text parses back to the same date', () => {
    fc.assert(fc.property(excelDate, (date) => {
        expect(parseDateCell(isoOf(date))).toEqual(date);
      }));
  });

  it('adding months composes when the day exists in every month (day <= 28)', () => {
    fc.assert(
      fc.property(excelDate, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }), (date, a, b) => {
        const start = { ...date, day: Math.min(date.day, 28), year: Math.min(Math.max(date.year, 1960), 9000) };
        expect(addMonths(addMonths(start, a), b)).toEqual(addMonths(start, a + b));
      }),
    );
  });
});

describe('readDate: the ways clerks write dates (issue 13 §2)', () => {
  it('reads serials, ISO and the Chinese forms as the same day', () => {
    const day = { date: d(2025, 9, 1), monthOnly: false };
    // 45901 = 2025-09-01: 2025-09-01 is 45,900 days after 1899-12-30 plus Excel's phantom 1900-02-29.
    for (const v of [45901, '2025-09-01', '2025-9-1', '2025/9/1', '2025.9.1', '2025年9月1日', '2025 年 9 月 1 日', '２０２５年９月１日', ' 2025/09/01 ']) {
      expect(readDate(v), String(v)).toEqual(day);
    }
  });

  it('reads a month alone as its first day, marked monthOnly; parseDateCell takes it only where a month is enough', () => {
    const month = { date: d(1965, 1, 1), monthOnly: true };
    for (const v of ['1965年1月', '1965-01', '1965.01', '1965/1', 1965.01]) expect(readDate(v), String(v)).toEqual(month);
    expect(readDate(1965.12)).toEqual({ date: d(1965, 12, 1), monthOnly: true });
    expect(parseDateCell('1965年1月')).toBeUndefined();
    expect(parseDateCell('1965年1月', { monthEnough: true })).toEqual(d(1965, 1, 1));
    expect(dateAdvice('1965年1月').zh).toMatch(/缺少日/);
  });

  it('never reads a bare year as a date, and asks for the month', () => {
    for (const v of [1965, '1965', '1965年', 2025]) {
      expect(readDate(v), String(v)).toEqual({ problem: 'year' });
      expect(parseDateCell(v, { monthEnough: true })).toBeUndefined();
    }
    expect(dateAdvice(1965, true).zh).toMatch(/只有年份.*1965年1月/);
    expect(dateAdvice('1965', true).en).toMatch(/only a year: add the month/);
  });

  it('refuses a number that cannot say its month (1965.1 may be January or October) and impossible days', () => {
    expect(readDate(1965.1)).toEqual({ problem: 'ambiguous-month' });
    expect(readDate(1965.13)).toEqual({ problem: 'invalid' });
    expect(readDate('2023年2月29日')).toEqual({ problem: 'invalid' });
    expect(readDate('1965-13')).toEqual({ problem: 'invalid' });
    expect(readDate(60)).toEqual({ problem: 'leap-day' });
    expect(readDate('')).toEqual({ problem: 'blank' });
  });
});
