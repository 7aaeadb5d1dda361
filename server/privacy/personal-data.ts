/**
 * Does saved content hold personal information (个人信息, PIPL art. 4)? A teacher roster
 * saved as a scenario or as a plan's input holds names, ID-card numbers and birth dates;
 * a budget or an enrolment table does not. Three signs, any one is enough:
 *   - a resident ID-card number (公民身份号码, GB 11643-1999): 18 characters, a real date
 *     of birth in places 7-14 and a valid ISO 7064 MOD 11-2 check character;
 *   - a column header naming personal information (姓名, 身份证号, 出生日期, 手机 ...);
 *   - at least three different dates of birth-like years (16 to 80 years ago) as text.
 * The test errs towards "personal": a false alarm only narrows who may read a scenario.
 * Not detected: the old 15-digit ID numbers, birth dates Excel keeps as date serial
 * numbers (indistinguishable from other numbers), names without a header. The saver can
 * therefore declare content personal; a declaration never turns detection off.
 * What is reported names the kind of sign and the header text, never a value.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const ID_CANDIDATE = /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9Xx])/g;

const HEADER =
  /^(姓名|.{0,6}姓名|身份证.{0,3}|公民身份号码|证件号码?|证件类型|出生(日期|年月)?|生日|性别|民族|籍贯|政治面貌|婚姻状况|健康状况|手机(号码?)?|联系电话|电话号码|家庭住址|现住址|户籍.{0,4}|name|full name|(teacher|person|student)('s)? name|id card( (no\.?|number))?|identity (card|number)|date of birth|birth ?date|dob|gender|sex|ethnicity|phone( number)?|mobile( number)?|home address)$/i;

const BIRTH_DATE = /^((?:19|20)\d{2})[-/.年](0?[1-9]|1[0-2])[-/.月](0?[1-9]|[12]\d|3[01])日?$/;

/** An 18-character resident ID number with a real birth date and a valid check character. */
export function isIdCardNumber(text: string): boolean {
  if (!/^[1-9]\d{16}[0-9Xx]$/.test(text)) return false;
  const year = Number(text.slice(6, 10));
  const month = Number(text.slice(10, 12));
  const day = Number(text.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(text[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === text[17]!.toUpperCase();
}

/** Every ID-card number inside `text` (a cell may hold "张三 110105194912310021"). */
export function idCardNumbersIn(text: string): string[] {
  return [...text.matchAll(ID_CANDIDATE)].map((m) => m[0]).filter(isIdCardNumber);
}

export interface PersonalFinding {
  personal: boolean;
  /** e.g. ["id-card-number", "header:身份证号"]: the kinds of sign, never a value. */
  signs: string[];
}

/** Looks through every key and value of `content` (inputs and results as saved). */
export function findPersonalData(content: unknown, now: Date = new Date()): PersonalFinding {
  const signs = new Set<string>();
  const birthDates = new Set<string>();
  const thisYear = now.getUTCFullYear();
  const text = (s: string): void => {
    const t = s.trim();
    if (t.length <= 24 && HEADER.test(t)) signs.add(`header:${t}`);
    if (t.length >= 18 && idCardNumbersIn(t).length > 0) signs.add('id-card-number');
    const birth = BIRTH_DATE.exec(t);
    if (birth) {
      const age = thisYear - Number(birth[1]);
      if (age >= 16 && age <= 80) birthDates.add(t);
    }
  };
  const stack: unknown[] = [content];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') text(value);
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        text(key);
        stack.push(inner);
      }
    }
  }
  if (birthDates.size >= 3) signs.add('birth-dates');
  return { personal: signs.size > 0, signs: [...signs].sort() };
}
