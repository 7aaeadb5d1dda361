/**
 * The typefaces and cell styles of printed forms. Official documents (GB/T 9704-2012) set
 * titles in 方正小标宋简体 and body text in 仿宋_GB2312; neither ships with Windows. A cell in
 * an .xlsx names exactly one font, so the fallback works in two ways:
 *   - every font is written with charset 134 (GB2312) and family 3, so when the named font
 *     is missing Windows substitutes an installed GB2312 font instead of a Latin one;
 *   - `?fonts=common` names the fonts Windows ships (宋体 / 仿宋) outright.
 * The grid's JSON also lists the fallbacks so the task pane can choose.
 */
import type { CellFormat } from './grid.js';
import type { ColumnKind } from './template.js';

export type FontSet = 'official' | 'common';

export const FONT_SETS: Record<FontSet, { title: { name: string; fallbacks: string[] }; body: { name: string; fallbacks: string[] } }> = {
  official: {
    title: { name: '方正小标宋简体', fallbacks: ['宋体', 'SimSun'] },
    body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] },
  },
  common: {
    title: { name: '宋体', fallbacks: ['SimSun'] },
    body: { name: '仿宋', fallbacks: ['FangSong'] },
  },
};

/** 小二 (18 pt) for titles; the document line in 小四 (12 pt). */
export const TITLE_SIZE = 18;
export const DOCLINE_SIZE = 12;

export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  center: '@',
  integer: '0',
  money: '#,##0.00',
  decimal1: '0.0',
  decimal2: '0.00',
  decimal3: '0.000',
};

const isNumeric = (kind: ColumnKind): boolean => kind !== 'text' && kind !== 'center';

/** Every style a form may use, keyed as the grid's cells name them. */
export function styleCatalog(fonts: FontSet, bodySize: number): Record<string, CellFormat> {
  const set = FONT_SETS[fonts];
  const font = (which: 'title' | 'body', size: number, bold: boolean): CellFormat['font'] => ({
    name: set[which].name,
    fallbacks: [...set[which].fallbacks],
    size,
    bold,
  });
  const styles: Record<string, CellFormat> = {
    title: { font: font('title', TITLE_SIZE, false), horizontal: 'center', vertical: 'middle', wrap: true, indent: 0, border: false, numberFormat: '@' },
    docline: { font: font('body', DOCLINE_SIZE, false), horizontal: 'center', vertical: 'middle', wrap: true, indent: 0, border: false, numberFormat: '@' },
    unitline: { font: font('body', bodySize, false), horizontal: 'right', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: '@' },
    header: { font: font('body', bodySize, true), horizontal: 'center', vertical: 'middle', wrap: true, indent: 0, border: true, numberFormat: '@' },
    remark: { font: font('body', bodySize, false), horizontal: 'left', vertical: 'top', wrap: true, indent: 0, border: false, numberFormat: '@' },
    signature: { font: font('body', bodySize, false), horizontal: 'left', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: '@' },
    blank: { font: font('body', bodySize, false), horizontal: 'left', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: 'General' },
  };
  for (const kind of Object.keys(NUMBER_FORMATS) as ColumnKind[]) {
    // Counts centre, as on the seeds' tables; amounts and decimals align right on the point.
    const horizontal = kind === 'text' ? 'left' : kind === 'center' || kind === 'integer' ? 'center' : 'right';
    const base = { horizontal, vertical: 'middle', wrap: !isNumeric(kind), indent: horizontal === 'center' ? 0 : 1, border: true, numberFormat: NUMBER_FORMATS[kind] } as const;
    styles[`body.${kind}`] = { font: font('body', bodySize, false), ...base };
    styles[`foot.${kind}`] = { font: font('body', bodySize, true), ...base };
  }
  return styles;
}
