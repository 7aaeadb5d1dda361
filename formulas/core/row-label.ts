/**
 * The one way a message names where something sits in a range or a list, counted from 1,
 * when there is no cell address to name instead (cell-names.ts names the cell when Excel
 * gave the argument's address): "第 3 行" / "row 3" for units down a column, "第 3 列" /
 * "column 3" for units along a row, "第 3 行第 2 列" / "row 3, column 2" for a cell of a
 * block, and "第 2、5 行" / "rows 2, 5" for several. Used by the argument checks
 * (invoke.ts), the calculations' own messages, the packed-range codec and the forms.
 */
import type { Bilingual } from './errors.js';

/** How the units lie: 'column', one per row (the usual case); 'row', one per column. */
export type Lying = 'column' | 'row';

const WORDS = { column: { zh: '行', en: 'row' }, row: { zh: '列', en: 'column' } } as const;

/** At most this many positions are listed; the rest are counted. */
const MAX_LISTED = 10;

/** Unit `i` (0-based): "第 3 行" / "row 3", or "第 3 列" / "column 3" for units along a row. */
export function rowLabel(i: number, lying: Lying = 'column'): Bilingual {
  const word = WORDS[lying];
  return { zh: `第 ${i + 1} ${word.zh}`, en: `${word.en} ${i + 1}` };
}

/** Cell (r, c) of a block (0-based): "第 3 行第 2 列" / "row 3, column 2". */
export function cellLabel(r: number, c: number): Bilingual {
  return { zh: `第 ${r + 1} 行第 ${c + 1} 列`, en: `row ${r + 1}, column ${c + 1}` };
}

/** Several units (0-based): "第 2、5 行" / "rows 2, 5"; past ten, "第 1、…、10 行等 12 行" / "rows 1, …, 10 and 2 more". */
export function rowLabels(indices: readonly number[], lying: Lying = 'column'): Bilingual {
  const word = WORDS[lying];
  const shown = indices.slice(0, MAX_LISTED).map((i) => i + 1);
  const more = indices.length - shown.length;
  return {
    zh: `第 ${shown.join('、')} ${word.zh}${more > 0 ? `等 ${indices.length} ${word.zh}` : ''}`,
    en: `${word.en}${indices.length > 1 ? 's' : ''} ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

/** The same words opening a sentence: "Row 3" in English (Chinese is unchanged). */
export const opening = (label: Bilingual): Bilingual => ({ zh: label.zh, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) });
