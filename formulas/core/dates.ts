/**
 * Civil (calendar) dates and Excel's 1900 date system, without JavaScript `Date` or time
 * zones: a birth date typed into a cell must come back as the same day on any machine.
 *
 * Excel's serial 1 is 1900-01-01. Excel also counts a 1900-02-29 that never existed
 * (serial 60, kept for Lotus 1-2-3 compatibility), so from 1900-03-01 (serial 61) on a
 * serial is the number of days since 1899-12-30. Serial 60 is not a real date and is
 * rejected here, as are serials below 1 and above 2958465 (9999-12-31, Excel's last date).
 * A fractional serial carries a time of day, which a date ignores.
 */

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Excel's last date, 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;
/** Excel's fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a date that exists in the proleptic Gregorian calendar (years 1–9999). */
export function isValidCivilDate(d: CivilDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Days from 1970-01-01 (Howard Hinnant's days_from_civil), exact for any integer year. */
function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1899-12-30, the day before serial 1 once the fictitious leap day is accounted for. */
const EPOCH_DAYS = daysFromCivil({ year: 1899, month: 12, day: 30 });

/**
 * The date of an Excel serial (1900 date system). Undefined for serial 60 (1900-02-29,
 * which Excel shows but which never existed), below 1, above 9999-12-31, or not finite.
 */
export function fromExcelSerial(serial: number): CivilDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === FICTITIOUS_LEAP_DAY_SERIAL) return undefined;
  // Serials 1–59 (1900-01-01 to 1900-02-28) sit one day later than the true count.
  return civilFromDays(EPOCH_DAYS + (whole < FICTITIOUS_LEAP_DAY_SERIAL ? whole + 1 : whole));
}

/**
 * The Excel serial of a date from 1900-01-01 to 9999-12-31. Throws RangeError for any other
 * date: callers validate first (a date before 1900 has no serial in Excel).
 */
export function toExcelSerial(d: CivilDate): number {
  if (!isValidCivilDate(d) || d.year < 1900) {
    throw new RangeError(`no Excel serial for ${JSON.stringify(d)}`);
  }
  const serial = daysFromCivil(d) - EPOCH_DAYS;
  // Up to 1900-02-28 Excel counts one day less than the true count from 1899-12-30.
  return serial <= FICTITIOUS_LEAP_DAY_SERIAL ? serial - 1 : serial;
}

/** The ways clerks write a day: 2025-09-01, 2025-9-1, 2025/9/1, 2025.9.1, 2025年9月1日 (full-width digits too). */
const DAY_TEXT = [/^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/];
/** ... and a month: 1965-01, 1965/1, 1965.01, 1965年1月. */
const MONTH_TEXT = [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月?$/];
/** A bare year, 1965 or 1965年: never a date (as a serial 1965 is a day in 1905). */
const YEAR_TEXT = /^(\d{4})\s*年?$/;
/** Whole numbers read as a bare year rather than a serial (serial 2200 is in 1906: nobody's birth date or a plan's date). */
const YEAR_LIKE = { min: 1900, max: 2200 };

/** What a date cell holds, or why it is not a date. */
export type DateReading =
  | { date: CivilDate; monthOnly: boolean }
  | { problem: 'blank' | 'year' | 'ambiguous-month' | 'leap-day' | 'invalid' };

function dayFrom(text: string): CivilDate | undefined {
  for (const pattern of DAY_TEXT) {
    const m = pattern.exec(text);
    if (!m) continue;
    const parts = m.filter((g, i) => i > 0 && /^\d+$/.test(g)).map(Number);
    const d = { year: parts[0]!, month: parts[1]!, day: parts[2]! };
    return isValidCivilDate(d) && d.year >= 1900 ? d : undefined;
  }
  return undefined;
}

function monthFrom(year: number, month: number): DateReading {
  const d = { year, month, day: 1 };
  return isValidCivilDate(d) && year >= 1900 ? { date: d, monthOnly: true } : { problem: 'invalid' };
}

/**
 * Reads a date cell: an Excel serial (the 1900 system, as above) or text in the forms
 * clerks write (DAY_TEXT), between 1900-01-01 and 9999-12-31. A month alone (1965-01,
 * 1965年1月, or the number 1965.01 Excel keeps for it) comes back with `monthOnly` and
 * day 1; the caller decides whether a month is enough. A bare year is its own problem.
 */
export function readDate(v: unknown): DateReading {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { problem: 'blank' };
  if (typeof v === 'number') {
    const year = Math.trunc(v);
    if (year >= YEAR_LIKE.min && year <= YEAR_LIKE.max) {
      if (v === year) return { problem: 'year' };
      // 1965.01 typed into a cell is the number 1965.01; 1965.1 may have been 1965.10 or 1965.1.
      const hundredths = Math.round((v - year) * 100);
      if (Math.abs(v - year - hundredths / 100) > 1e-9 || hundredths % 10 === 0) return { problem: 'ambiguous-month' };
      return monthFrom(year, hundredths);
    }
    if (Math.floor(v) === FICTITIOUS_LEAP_DAY_SERIAL) return { problem: 'leap-day' };
    const date = fromExcelSerial(v);
    return date ? { date, monthOnly: false } : { problem: 'invalid' };
  }
  if (typeof v !== 'string') return { problem: 'invalid' };
  const text = v.normalize('NFKC').trim();
  const day = dayFrom(text);
  if (day) return { date: day, monthOnly: false };
  for (const pattern of MONTH_TEXT) {
    const m = pattern.exec(text);
    if (m) return monthFrom(Number(m[1]), Number(m[2]));
  }
  return YEAR_TEXT.test(text) ? { problem: 'year' } : { problem: 'invalid' };
}

/**
 * A date from what a cell holds (readDate), undefined for anything else. A month alone is
 * accepted (as its first day) only where `monthEnough`, e.g. a birth month for retirement.
 */
export function parseDateCell(v: unknown, { monthEnough = false }: { monthEnough?: boolean } = {}): CivilDate | undefined {
  const reading = readDate(v);
  if ('problem' in reading) return undefined;
  return reading.monthOnly && !monthEnough ? undefined : reading.date;
}

/** What to tell the clerk about a cell that is not a date (a blank cell is the caller's business). */
export function dateAdvice(v: unknown, monthEnough = false): { zh: string; en: string } {
  const reading = readDate(v);
  const forms = monthEnough
    ? { zh: '如 1965-01-31、1965/1/31、1965年1月31日，或只写年月 1965年1月、1965-01', en: 'e.g. 1965-01-31, 1965/1/31, 1965年1月31日, or just the month: 1965年1月, 1965-01' }
    : { zh: '如 2025-09-01、2025/9/1、2025.9.1 或 2025年9月1日', en: 'e.g. 2025-09-01, 2025/9/1, 2025.9.1 or 2025年9月1日' };
  if ('date' in reading) return { zh: `只有年月，缺少日：请写完整日期，${forms.zh}`, en: `gives a month but no day: write the whole date, ${forms.en}` };
  switch (reading.problem) {
    case 'year':
      return { zh: `只有年份，缺少月份：请写上月份，${forms.zh}`, en: `is only a year: add the month, ${forms.en}` };
    case 'ambiguous-month':
      return { zh: '看不出是几月（1965.1 可能是 1 月也可能是 10 月）：请写成 1965年10月 或 1965-01 这样的文本', en: 'does not say which month (1965.1 may be January or October): write it as text such as 1965年10月 or 1965-01' };
    case 'leap-day':
      return { zh: '是 Excel 虚构的 1900-02-29，这一天不存在：请更正日期', en: "is Excel's fictitious 1900-02-29, which never existed: correct the date" };
    default:
      return {
        zh: `不是有效日期：请填写 1900-01-01 至 9999-12-31 之间的 Excel 日期或文本，${forms.zh}（2023-02-30 这样不存在的日期无效）`,
        en: `is not a valid date: enter an Excel date from 1900-01-01 to 9999-12-31 or text, ${forms.en} (impossible dates such as 2023-02-30 are rejected)`,
      };
  }
}

/**
 * The date `months` calendar months after `d` (before it when negative), keeping the day of
 * the month and clamping it to the last day of a shorter month (01-31 + 1 month = 02-28/29).
 */
export function addMonths(d: CivilDate, months: number): CivilDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths needs whole months, got ${months}`);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** The number of whole months from month index 0 (January of year 0): year × 12 + month − 1. */
export function monthIndex(d: CivilDate): number {
  return d.year * 12 + (d.month - 1);
}

export function compareDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  const diff = a.year - b.year || a.month - b.month || a.day - b.day;
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** 'YYYY-MM-DD' (years below 1000 padded to four digits). */
export function isoOf(d: CivilDate): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}
