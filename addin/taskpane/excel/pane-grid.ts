/**
 * A sheet the pane writes, as plain data: the service's form grid (POST /forms/{id}/layout)
 * is one, and the pane's own sheets (comparison, rotation plan, consolidation plan) are
 * built in the same shape by pure functions, so one writer (write-grid.ts) lays them all
 * into Excel: values, merges, fonts, borders, widths, print settings.
 */
import type { CellFormat, FormGrid, GridMerge, PrintSettings } from '../../../contracts/forms.js';

export type { CellFormat, FormGrid, GridMerge, PrintSettings };

/** A form style plus what the pane's working sheets add: fill and font colours, italics. */
export interface PaneCellFormat extends CellFormat {
  /** RRGGBB without '#'. */
  fill?: string;
  fontColor?: string;
  italic?: boolean;
}

export interface PaneGrid {
  title: string;
  sheetName: string;
  /** Excel character units. */
  columns: { width: number }[];
  /** Points; omitted: Excel's own height. */
  rows?: { height: number }[];
  cells: { value: string | number | boolean | null; style: string }[][];
  merges: Pick<GridMerge, 'top' | 'left' | 'bottom' | 'right'>[];
  styles: Record<string, PaneCellFormat>;
  /** 0-based first row under the header: frozen on screen. */
  bodyStart: number;
  print?: PrintSettings;
}

/** What a comparison sheet adds: rules on the difference columns and one column chart. */
export interface GridExtras {
  conditionalFormats?: { address: string; rules: { operator: 'GreaterThan' | 'LessThan'; formula: string; fill: string; fontColor: string }[] }[];
  chart?: { source: string; title: string; topLeft: string; bottomRight: string };
}

const WORK_FONT = { name: '等线', fallbacks: ['Microsoft YaHei', 'SimSun'] };
const TITLE_FONT = { name: '方正小标宋简体', fallbacks: ['宋体', 'SimSun'] };
const BODY_FONT = { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] };

export type GridLook = 'official' | 'working';

/**
 * Styles of the pane's own sheets. 'official' is the forms' look (方正小标宋简体 title,
 * 仿宋_GB2312 body) for sheets that are printed and filed, such as 教师交流轮岗计划表;
 * 'working' is Excel's 等线 for sheets people keep working in, such as a comparison.
 */
export function paneStyles(look: GridLook): Record<string, PaneCellFormat> {
  const official = look === 'official';
  const font = (which: 'title' | 'body', size: number, bold: boolean) => {
    const f = official ? (which === 'title' ? TITLE_FONT : BODY_FONT) : WORK_FONT;
    return { name: f.name, fallbacks: [...f.fallbacks], size, bold };
  };
  const body = official ? 11 : 10.5;
  const cell = (numberFormat: string, horizontal: CellFormat['horizontal'], bold = false): PaneCellFormat => ({
    font: font('body', body, bold),
    horizontal,
    vertical: 'middle',
    wrap: horizontal === 'left',
    indent: horizontal === 'left' ? 1 : 0,
    border: true,
    numberFormat,
  });
  return {
    title: { font: font('title', official ? 18 : 14, !official), horizontal: official ? 'center' : 'left', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: '@' },
    subtitle: { font: font('body', official ? 12 : 10, false), horizontal: official ? 'center' : 'left', vertical: 'middle', wrap: true, indent: 0, border: false, numberFormat: '@', ...(official ? {} : { fontColor: '595959' }) },
    section: { font: font('body', body + 1, true), horizontal: 'left', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: '@', ...(official ? {} : { fontColor: '1F3864' }) },
    header: { ...cell('@', 'center', true), wrap: true, ...(official ? {} : { fill: 'D9E1F2' }) },
    text: cell('@', 'left'),
    center: { ...cell('@', 'center'), wrap: false },
    centerNumber: { ...cell('0', 'center'), wrap: false },
    integer: cell('#,##0', 'right'),
    number: cell('#,##0.00', 'right'),
    general: cell('General', 'right'),
    pct: cell('0.0%', 'right'),
    total: { ...cell('@', 'center', true), ...(official ? {} : { fill: 'F2F2F2' }) },
    totalNumber: { ...cell('#,##0', 'right', true), ...(official ? {} : { fill: 'F2F2F2' }) },
    note: { font: font('body', official ? 10.5 : 9.5, false), horizontal: 'left', vertical: 'top', wrap: true, indent: 0, border: false, numberFormat: '@', italic: !official, ...(official ? {} : { fontColor: '7F6000' }) },
    blank: { font: font('body', body, false), horizontal: 'left', vertical: 'middle', wrap: false, indent: 0, border: false, numberFormat: 'General' },
  };
}

/** A4, fit to one page wide, centred, header rows repeated: what every printed sheet uses. */
export function a4Print(orientation: 'portrait' | 'landscape', headerRows: { first: number; last: number }, printArea: string): PrintSettings {
  return {
    paperSize: 'A4',
    paperSizeCode: 9,
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.3, footer: 0.3 },
    titleRows: headerRows,
    printArea,
    footer: '&C第 &P 页，共 &N 页',
  };
}

/** Width of text in points: CJK and full-width forms one em, the rest about half (as the forms' layout counts). */
function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return ems * size;
}

/**
 * Row heights that fit wrapped text, because Excel does not grow a row for wrapped text in
 * merged cells (the pane's titles and notes are merged across the sheet): each cell's lines
 * at its width (merged columns added up), 1.35 em a line plus padding.
 */
export function fitRowHeights(grid: Pick<PaneGrid, 'cells' | 'columns' | 'merges' | 'styles'>): { height: number }[] {
  const spanOf = new Map(grid.merges.filter((m) => m.top === m.bottom).map((m) => [`${m.top},${m.left}`, m.right]));
  const covered = new Set<string>();
  for (const m of grid.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  return grid.cells.map((row, r) => {
    let height = 0;
    row.forEach((cell, c) => {
      if (covered.has(`${r},${c}`)) return;
      const style = grid.styles[cell.style];
      const size = style?.font.size ?? 11;
      let lines = 1;
      if (style?.wrap && cell.value !== null && cell.value !== '') {
        let width = 0;
        for (let k = c; k <= (spanOf.get(`${r},${c}`) ?? c); k++) width += grid.columns[k]?.width ?? 9;
        const usable = Math.max(1, width * 5.25 - 6);
        lines = String(cell.value)
          .split('\n')
          .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line, size) / usable)), 0);
      }
      height = Math.max(height, lines * size * 1.35 + 6);
    });
    return { height: Math.min(409, Math.ceil(Math.max(height, 15))) };
  });
}
