/**
 * The layout engine: template + validated payload -> FormGrid. Pure (no I/O, no clock).
 *
 * From top to bottom a form is: title; document line (if any); unit line (if any); the
 * header, whose groups are merged across their columns and whose leaves are merged down
 * to the deepest header row; the body rows; the rows under the body (合计 ...); remarks;
 * a spacer; and two signature lines (填报单位（盖章）/ 负责人, 填报人 / 填报日期).
 *
 * Row heights are estimated from the text, because Excel does not grow a row to fit
 * wrapped text when it opens a file (and never for merged cells): a CJK character is one
 * em wide, a Latin character or digit about half an em, and a line is 1.35 em high.
 */
import { columnLetter, rangeRef, type CellFormat, type FormGrid, type GridCell, type GridMerge, type GridValue } from './grid.js';
import { styleCatalog, type FontSet } from './styles.js';
import {
  isGroup,
  isProblem,
  type ColumnNode,
  type CommonFields,
  type FormProblem,
  type FormTemplate,
  type LeafColumn,
} from './template.js';

export interface LayoutOptions {
  fonts: FontSet;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

/** Points per Excel character unit of column width (7 px at 96 dpi = 5.25 pt). */
const POINTS_PER_WIDTH_UNIT = 5.25;

export function leavesOf(columns: readonly ColumnNode[]): LeafColumn[] {
  return columns.flatMap((node) => (isGroup(node) ? leavesOf(node.children) : [node]));
}

function depthOf(columns: readonly ColumnNode[]): number {
  return Math.max(...columns.map((node) => (isGroup(node) ? 1 + depthOf(node.children) : 1)));
}

/** Width of text in points at a font size: CJK and full-width forms one em, the rest half. */
export function textWidthPoints(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return ems * size;
}

/** Points an indent level takes (about 9 px). */
const POINTS_PER_INDENT = 7;

/** Lines the text takes in a cell `width` character units wide (explicit newlines kept). */
export function linesFor(text: string, size: number, width: number, indent = 0): number {
  const usable = Math.max(1, width * POINTS_PER_WIDTH_UNIT - 6 - indent * POINTS_PER_INDENT);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidthPoints(line, size) / usable)), 0);
}

const lineHeight = (size: number): number => size * 1.35;

/** "二〇二三年八月十七日" is the 公文 style; forms use Arabic numerals: 2023年8月17日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Excel's rules: 1-31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function sheetNameFor(title: string): string {
  const cut = [...title.replace(SHEET_NAME_FORBIDDEN, '').trim()].slice(0, 31).join('');
  return cut.replace(/^'+|'+$/g, '').trim() || 'Form';
}

export function fileNameFor(title: string): string {
  const cleaned = title.replace(FILE_NAME_FORBIDDEN, '').trim();
  return `${cleaned || 'form'}.xlsx`;
}

class GridBuilder {
  readonly cells: GridCell[][] = [];
  readonly merges: GridMerge[] = [];
  /** Minimum heights in points, per row. */
  readonly heights: number[] = [];

  constructor(readonly width: number) {}

  addRow(style: string, height: number): number {
    this.cells.push(Array.from({ length: this.width }, () => ({ value: null, style })));
    this.heights.push(height);
    return this.cells.length - 1;
  }

  put(row: number, column: number, value: GridValue, style: string): void {
    const target = this.cells[row]?.[column];
    if (!target) throw new RangeError(`cell (${row}, ${column}) is outside the grid`);
    target.value = value;
    target.style = style;
  }

  /** Merges the range; every covered cell takes the style so borders print all round. */
  merge(top: number, left: number, bottom: number, right: number, style: string): void {
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.put(r, c, r === top && c === left ? this.cells[r]![c]!.value : null, style);
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right, ref: rangeRef(top, left, bottom, right) });
  }
}

/**
 * Lays the form out. `payload` is the output of the template's schema; a payload the
 * form cannot print (e.g. parts that do not add up to the budget) comes back as a problem.
 */
export function layoutForm(template: FormTemplate, payload: unknown, options: LayoutOptions): FormGrid | FormProblem {
  const body = template.build(payload);
  if (isProblem(body)) return body;
  const common = payload as CommonFields;
  const leaves = leavesOf(body.columns);
  const n = leaves.length;
  const indexOf = new Map(leaves.map((leaf, i) => [leaf.key, i]));
  const styles = styleCatalog(options.fonts, template.bodySize);
  const size = (style: string): number => styles[style]!.font.size;
  const grid = new GridBuilder(n);
  const title = common.title ?? template.title;

  const titleRow = grid.addRow('title', 40);
  grid.put(titleRow, 0, title, 'title');
  grid.merge(titleRow, 0, titleRow, n - 1, 'title');

  if (common.documentLine) {
    const row = grid.addRow('docline', 22);
    grid.put(row, 0, common.documentLine, 'docline');
    grid.merge(row, 0, row, n - 1, 'docline');
  }
  if (body.unitLine) {
    const row = grid.addRow('unitline', 20);
    grid.put(row, 0, body.unitLine, 'unitline');
    grid.merge(row, 0, row, n - 1, 'unitline');
  }

  const depth = depthOf(body.columns);
  const headerStart = grid.cells.length;
  for (let i = 0; i < depth; i++) grid.addRow('header', 24);
  const placeHeader = (nodes: readonly ColumnNode[], level: number, firstColumn: number): number => {
    let column = firstColumn;
    for (const node of nodes) {
      const row = headerStart + level;
      if (isGroup(node)) {
        const span = leavesOf(node.children).length;
        grid.put(row, column, node.header, 'header');
        grid.merge(row, column, row, column + span - 1, 'header');
        placeHeader(node.children, level + 1, column);
        column += span;
      } else {
        grid.put(row, column, node.header, 'header');
        grid.merge(row, column, headerStart + depth - 1, column, 'header');
        column += 1;
      }
    }
    return column;
  };
  placeHeader(body.columns, 0, 0);
  const headerEnd = headerStart + depth - 1;

  for (const values of body.rows) {
    const row = grid.addRow('body.text', 22);
    leaves.forEach((leaf, c) => grid.put(row, c, values[leaf.key] ?? null, `body.${leaf.kind}`));
  }

  for (const foot of body.footRows) {
    const row = grid.addRow('foot.text', 22);
    leaves.forEach((leaf, c) => grid.put(row, c, null, `foot.${leaf.kind}`));
    for (const cell of foot.cells) {
      const c = indexOf.get(cell.column);
      if (c === undefined) throw new RangeError(`${template.id}: no column "${cell.column}" for a foot row`);
      const style = `foot.${cell.kind ?? leaves[c]!.kind}`;
      grid.put(row, c, cell.value, style);
      grid.merge(row, c, row, c + (cell.span ?? 1) - 1, style);
    }
  }

  const remarks = [...(body.remarks ?? []), ...(common.remarks ?? [])];
  remarks.forEach((text, i) => {
    const row = grid.addRow('remark', 20);
    grid.put(row, 0, i === 0 ? `说明：${text}` : text, 'remark');
    grid.merge(row, 0, row, n - 1, 'remark');
  });

  grid.addRow('blank', 10);
  const sig = common.signature ?? {};
  const date = sig.date ? chineseDate(sig.date) : '        年    月    日';
  const mid = Math.ceil(n / 2);
  const signaturePairs: [string, string][] = [
    [`填报单位（盖章）：${sig.unit ?? ''}`, `负责人：${sig.head ?? ''}`],
    [`填报人：${sig.preparer ?? ''}`, `填报日期：${date}`],
  ];
  for (const [left, right] of signaturePairs) {
    const row = grid.addRow('signature', 26);
    grid.put(row, 0, left, 'signature');
    grid.merge(row, 0, row, mid - 1, 'signature');
    grid.put(row, mid, right, 'signature');
    grid.merge(row, mid, row, n - 1, 'signature');
  }

  const widths = leaves.map((leaf) => leaf.width);
  const heights = fitHeights(grid, widths, styles, size);
  const last = grid.cells.length - 1;
  const used = new Set(grid.cells.flatMap((row) => row.map((cell) => cell.style)));
  return {
    formId: template.id,
    title,
    sheetName: sheetNameFor(title),
    fileName: fileNameFor(title),
    columns: widths.map((width) => ({ width })),
    rows: heights.map((height) => ({ height })),
    cells: grid.cells,
    merges: grid.merges,
    styles: Object.fromEntries(Object.entries(styles).filter(([key]) => used.has(key))),
    bodyStart: headerEnd + 1,
    print: {
      paperSize: 'A4',
      paperSizeCode: 9,
      orientation: template.orientation,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { top: 0.79, bottom: 0.79, left: 0.59, right: 0.59, header: 0.3, footer: 0.3 },
      titleRows: { first: headerStart + 1, last: headerEnd + 1 },
      printArea: `A1:${columnLetter(n - 1)}${last + 1}`,
      footer: '&C第 &P 页，共 &N 页',
    },
  };
}

/** Grows rows so wrapped text fits: single rows first, then the last row of a vertical merge. */
function fitHeights(grid: GridBuilder, widths: number[], styles: Record<string, CellFormat>, size: (style: string) => number): number[] {
  const heights = [...grid.heights];
  const mergeAt = new Map(grid.merges.map((m) => [`${m.top},${m.left}`, m]));
  const covered = new Set<string>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const tall: { top: number; bottom: number; need: number }[] = [];
  grid.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.value === null || covered.has(`${r},${c}`)) return;
      const m = mergeAt.get(`${r},${c}`);
      const right = m?.right ?? c;
      const bottom = m?.bottom ?? r;
      let width = 0;
      for (let k = c; k <= right; k++) width += widths[k]!;
      const style = styles[cell.style]!;
      const text = typeof cell.value === 'number' ? String(cell.value) : cell.value;
      const lines = style.wrap ? linesFor(text, size(cell.style), width, style.indent) : 1;
      const need = lines * lineHeight(size(cell.style)) + 6;
      if (bottom === r) heights[r] = Math.max(heights[r]!, need);
      else tall.push({ top: r, bottom, need });
    }),
  );
  for (const { top, bottom, need } of tall) {
    let have = 0;
    for (let r = top; r <= bottom; r++) have += heights[r]!;
    if (need > have) heights[bottom] = heights[bottom]! + (need - have);
  }
  return heights.map((h) => Math.min(409, Math.ceil(h)));
}
