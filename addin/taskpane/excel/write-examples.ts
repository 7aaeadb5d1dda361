/**
 * "插入示例工作表": the example workbook's sheets (GET /api/v1/example-sheets) written
 * into the open workbook. Formulas are written as typed (=EDU.APPORTION(...)): entered
 * through the Excel API they calculate like typed formulas, so no stored _xldudf_ form is
 * needed here (that is only for the .xlsx file). A sheet whose name is taken gets " (2)";
 * formulas that refer to a renamed sheet are rewritten to follow it.
 */
import type { ExampleSheet, ExampleSheets } from '../../../contracts/examples.js';
import { sheetReference } from './a1.js';
import type { FontPicker } from './write-grid.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites references to renamed sheets: Sheet!A1 and 'My Sheet'!A1 become the new name,
 * quoted when it needs quotes. Text inside string literals is left alone.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part;
      for (const [from, to] of renames) {
        const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, 'g');
        const bare = new RegExp(`(^|[^\\p{L}\\p{N}_.'])${escapeRegExp(from)}!`, 'gu');
        const target = sheetReference(to, '');
        out = out.replace(quoted, target).replace(bare, (_m, lead: string) => `${lead}${target}`);
      }
      return out;
    })
    .join('');
}

const PT = (units: number): number => Math.round((units * 7 + 5) * 0.75 * 100) / 100;

export function writeExampleSheet(sheet: Excel.Worksheet, spec: ExampleSheet, payload: ExampleSheets, renames: ReadonlyMap<string, string>, pickFont: FontPicker): void {
  const font = pickFont(payload.font, ['Microsoft YaHei', 'SimSun']);
  for (const [letter, width] of Object.entries(spec.columns ?? {})) sheet.getRange(`${letter}1`).format.columnWidth = PT(width);
  for (const cell of spec.cells) {
    const range = sheet.getRange(cell.ref);
    if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
    if (cell.formula !== undefined) range.formulas = [[renameSheetRefs(cell.formula, renames)]];
    else if (cell.value !== undefined) range.values = [[cell.value]];
    range.format.font.name = font;
    const style = cell.style ? payload.styles[cell.style] : undefined;
    if (!style) continue;
    range.format.font.bold = style.bold;
    range.format.font.italic = style.italic;
    range.format.font.size = style.size;
    range.format.font.color = `#${style.color}`;
    if (style.fill) range.format.fill.color = `#${style.fill}`;
    if (style.horizontal === 'center') range.format.horizontalAlignment = 'Center';
    if (style.wrap) range.format.wrapText = true;
    if (style.border) {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
        const b = range.format.borders.getItem(edge);
        b.style = 'Continuous';
        b.color = '#808080';
      }
    }
  }
  for (const merge of spec.merges ?? []) sheet.getRange(merge).merge(false);
}
