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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date from an ISO 'YYYY-MM-DD' string, undefined when malformed or impossible (2023-02-30). */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidCivilDate(d) ? d : undefined;
}

/**
 * A date from what a cell holds: an Excel serial number (the 1900 system, as above) or an
 * ISO 'YYYY-MM-DD' string between 1900-01-01 and 9999-12-31. Undefined for anything else,
 * impossible dates included.
 */
export function parseDateCell(v: unknown): CivilDate | undefined {
  if (typeof v === 'number') return fromExcelSerial(v);
  if (typeof v === 'string') {
    const d = parseIsoDate(v);
    return d !== undefined && d.year >= 1900 ? d : undefined;
  }
  return undefined;
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
