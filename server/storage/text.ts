/**
 * Text both databases store unchanged. PostgreSQL refuses the NUL character in text, and a
 * lone UTF-16 surrogate (possible in JSON, \ud800) has no UTF-8 form, so the driver would
 * quietly replace it; names are therefore checked before they are saved, and free text the
 * service writes itself (audit targets) is cleaned.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F]/;

/** What is wrong with `text` as a stored name, or undefined. */
export function textProblem(text: string): { zh: string; en: string } | undefined {
  if (CONTROL.test(text)) return { zh: '含有控制字符（如换行、制表符或 NUL）', en: 'contains control characters (line breaks, tabs or NUL)' };
  if (LONE_SURROGATE.test(text)) return { zh: '含有无效的 Unicode 字符（孤立代理项）', en: 'contains an invalid Unicode character (a lone surrogate)' };
  return undefined;
}

/** `text` with NUL and other control characters dropped and lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F]/g, '').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
