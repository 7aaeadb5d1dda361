/**
 * What a clerk's cell holds, read one way everywhere: the custom functions (through
 * coerce.ts), the service and the task pane's table readers.
 *
 * Clerks paste from the personnel and pupil-registration systems, which export numbers as
 * text ("12,100", full-width "１２１００", padded with spaces) and write yes/no as 是/否 or
 * 有/无. Excel itself hands a custom function a blank cell as 0 (Windows, Mac), null (the
 * web) or "" (some builds): docs/excel-behaviour.md gives the sources.
 */

/** A blank cell as any Excel build sends it (0 aside: what 0 means depends on the argument). */
export const isBlankCell = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Full-width digits, letters and punctuation to their ASCII forms (NFKC), trimmed. */
export const halfWidth = (text: string): string => text.normalize('NFKC').trim();

/** A decimal number as text: optional sign, digits with optional thousands commas, optional decimals. */
const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * The number a text shows ("12100", "12,100", "１２１００", " 7.5 "), or undefined when it
 * is not one. Spaces inside the digits are dropped (some exports pad thousands with them);
 * a comma must group thousands, so "1,2" (a decimal comma, or a typo) is not read as 12.
 */
export function numberFromText(text: string): number | undefined {
  const compact = halfWidth(text).replace(/\s+/g, '');
  if (!NUMBER_TEXT.test(compact)) return undefined;
  const n = Number(compact.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A cell as a number when it is one or shows one; undefined otherwise (blank, words, TRUE/FALSE). */
export function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return typeof v === 'string' ? numberFromText(v) : undefined;
}

/**
 * The one yes/no word list. 是/否, 有/无, Y/N, yes/no, TRUE/FALSE, 1/0 and tick marks are
 * read wherever a yes/no is expected: rural school, backbone teacher, kept school. The
 * column's own word counts as yes (a 骨干 column answered 骨干 / 非骨干, 保留).
 */
const YES_WORDS = new Set(['是', '有', '对', 'y', 'yes', 'true', '1', '√', '✓', '✔', '保留', '骨干', '骨干教师']);
const NO_WORDS = new Set(['否', '无', '没有', '不是', 'n', 'no', 'false', '0', '×', '✗', '非骨干']);

/** The words a message lists as the accepted answers. */
export const YES_NO_HINT = { zh: '是/否、有/无、Y/N、TRUE/FALSE 或 1/0', en: '是/否, 有/无, Y/N, TRUE/FALSE or 1/0' };

/** The word a sheet or a form prints for a yes/no: 是 or 否 (the first words of the list above). */
export const yesNoText = (yes: boolean): '是' | '否' => (yes ? '是' : '否');

/** true / false for a yes/no answer; undefined for a blank cell or anything that is not one. */
export function yesNoOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const word = halfWidth(v).toLowerCase();
  if (YES_WORDS.has(word)) return true;
  if (NO_WORDS.has(word)) return false;
  return undefined;
}

/** Words for "no limit" where a number is a bound (a maximum, a cap). */
const NO_LIMIT_WORDS = new Set(['无', '不限', '不设', '没有', 'none', 'no limit', '-', '—']);

export const isNoLimitWord = (v: unknown): boolean => typeof v === 'string' && NO_LIMIT_WORDS.has(halfWidth(v).toLowerCase());
