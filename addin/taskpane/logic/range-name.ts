/**
 * A name for a plain selected range, so a scenario can save it and load it back later:
 * the pane suggests one from the sheet and address ("岗位表_B2_B9") and checks a typed one
 * against Excel's rules for defined names (Microsoft support, "Names in formulas": start
 * with a letter, underscore or backslash; no spaces; not a cell reference such as A1 or
 * R1C1; at most 255 characters).
 */
import type { Bilingual } from '../../../formulas/core/errors.js';

const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;
const FORBIDDEN = /[\s,;:!?'"()[\]{}<>=+\-*/^&%#@~`|$]/;

/** "岗位表!B2:B9" -> "岗位表_B2_B9"; a sheet name starting with a digit gets a leading underscore. */
export function suggestRangeName(sheet: string, address: string): string {
  const base = `${sheet}_${address.replace(/\$/g, '').replace(/:/g, '_')}`.replace(new RegExp(FORBIDDEN.source, 'g'), '_');
  return /^[\p{L}_\\]/u.test(base) ? base : `_${base}`;
}

/** What is wrong with a name for a range, or undefined when Excel accepts it. */
export function rangeNameProblem(name: string): Bilingual | undefined {
  const what = { zh: `名称“${name}”不能用：`, en: `The name "${name}" cannot be used: ` };
  if (name.length === 0 || name.length > 255) return { zh: `${what.zh}名称须为 1 到 255 个字符`, en: `${what.en}a name has 1 to 255 characters` };
  if (!/^[\p{L}_\\]/u.test(name)) return { zh: `${what.zh}须以汉字、字母或下划线开头`, en: `${what.en}it must start with a letter or an underscore` };
  if (FORBIDDEN.test(name)) return { zh: `${what.zh}不能含空格和标点（可用下划线）`, en: `${what.en}no spaces or punctuation (use underscores)` };
  if (CELL_LIKE.test(name)) return { zh: `${what.zh}它像单元格地址（如 A1、R1C1）`, en: `${what.en}it looks like a cell reference (A1, R1C1)` };
  return undefined;
}
