/**
 * Draws a sheet the Excel stub recorded as an HTML page (cells with their number formats,
 * fonts, fills, borders, merges, widths and heights, conditional formats applied, charts as
 * simple SVG column charts), so a test can screenshot what the pane wrote and a person can
 * look at it. An approximation of Excel's rendering, not a replacement for it.
 */
import { columnLetter as letters } from '../../formulas/core/a1.js';
import type { SheetDump } from './excel-stub.js';

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCell(ref: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { r: Number(m[2]) - 1, c: colIndex(m[1]!) };
}

function parseArea(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = address.split(':');
  const p = parseCell(a!);
  const q = parseCell(b!);
  return { top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Excel number formats the pane uses: sections by sign, grouping, decimals, percent, literal signs. */
export function formatNumber(value: number, format: string | undefined): string {
  if (!format || format === 'General' || format === '@') return String(value);
  const sections = format.split(';');
  const section = value > 0 || sections.length === 1 ? sections[0]! : value < 0 ? (sections[1] ?? sections[0]!) : (sections[2] ?? sections[0]!);
  const percent = section.includes('%');
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? 0;
  const grouping = section.includes(',');
  const magnitude = (value < 0 && sections.length > 1 ? Math.abs(value) : value) * (percent ? 100 : 1);
  const digits = magnitude.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
  const prefix = /^[+-]/.exec(section)?.[0] ?? '';
  return `${prefix}${digits}${percent ? '%' : ''}`;
}

function chartSvg(dump: SheetDump, chart: SheetDump['charts'][number]): string {
  const area = parseArea(chart.source);
  const at = (r: number, c: number) => dump.cells[`${letters(c)}${r + 1}`]?.value;
  const series = Array.from({ length: area.right - area.left }, (_, k) => ({
    name: String(at(area.top, area.left + 1 + k) ?? ''),
    values: Array.from({ length: area.bottom - area.top }, (_, i) => Number(at(area.top + 1 + i, area.left + 1 + k) ?? 0)),
  }));
  const categories = Array.from({ length: area.bottom - area.top }, (_, i) => String(at(area.top + 1 + i, area.left) ?? ''));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const colors = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5'];
  const width = 560;
  const height = 300;
  const plotTop = 40;
  const plotBottom = height - 60;
  const groupWidth = (width - 60) / Math.max(1, categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const bars = categories.flatMap((cat, i) =>
    series.map((s, k) => {
      const h = ((s.values[i] ?? 0) / max) * (plotBottom - plotTop);
      const x = 50 + i * groupWidth + groupWidth * 0.1 + k * barWidth;
      return `<rect x="${x.toFixed(1)}" y="${(plotBottom - h).toFixed(1)}" width="${(barWidth - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${colors[k % colors.length]}"/>`;
    }),
  );
  const labels = categories.map((cat, i) => `<text x="${(50 + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${plotBottom + 16}" font-size="11" text-anchor="middle">${escape(cat)}</text>`);
  const legend = series.map((s, k) => `<rect x="${60 + k * 170}" y="${height - 24}" width="10" height="10" fill="${colors[k % colors.length]}"/><text x="${74 + k * 170}" y="${height - 15}" font-size="11">${escape(s.name)}</text>`);
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#fff" stroke="#bbb"/>
<text x="${width / 2}" y="22" font-size="14" text-anchor="middle" font-weight="600">${escape(chart.title)}</text>
<line x1="48" y1="${plotBottom}" x2="${width - 10}" y2="${plotBottom}" stroke="#999"/>
${bars.join('')}${labels.join('')}${legend.join('')}</svg>
<figcaption>${escape(chart.type)} · ${escape(chart.source)} · ${escape((chart.position ?? []).join(':'))}</figcaption></figure>`;
}

export function sheetHtml(dump: SheetDump): string {
  let rows = 0;
  let cols = 0;
  for (const ref of Object.keys(dump.cells)) {
    const { r, c } = parseCell(ref);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const merges = dump.merges.map(parseArea);
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const rules = dump.conditionalFormats.map((cf) => ({ ...cf, area: parseArea(cf.address) }));
  const widthPx = (c: number) => Math.round((dump.columnWidths[letters(c)] ?? 48) / 0.75);
  const body: string[] = [];
  for (let r = 0; r < rows; r++) {
    const height = dump.rowHeights[String(r + 1)];
    const tds: string[] = [];
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = dump.cells[`${letters(c)}${r + 1}`] ?? {};
      const span = spans.get(`${r},${c}`);
      const css: string[] = [];
      const font = cell.font ?? {};
      if (font.name) css.push(`font-family:"${String(font.name)}","Noto Serif CJK SC","Noto Sans CJK SC",serif`);
      if (font.size) css.push(`font-size:${Number(font.size)}pt`);
      if (font.bold) css.push('font-weight:700');
      if (font.italic) css.push('font-style:italic');
      let color = font.color ? String(font.color) : undefined;
      let fill = cell.fill;
      const value = cell.value;
      for (const rule of rules) {
        if (typeof value !== 'number' || r < rule.area.top || r > rule.area.bottom || c < rule.area.left || c > rule.area.right || !rule.rule) continue;
        const limit = Number(rule.rule.formula1);
        if ((rule.rule.operator === 'GreaterThan' && value > limit) || (rule.rule.operator === 'LessThan' && value < limit)) {
          fill = rule.fill ?? fill;
          color = rule.fontColor ?? color;
        }
      }
      if (color) css.push(`color:${color}`);
      if (fill) css.push(`background:${fill}`);
      const h = cell.horizontal ?? (typeof value === 'number' ? 'Right' : 'Left');
      css.push(`text-align:${h.toLowerCase() === 'center' ? 'center' : h.toLowerCase()}`);
      css.push(`vertical-align:${cell.vertical === 'Top' ? 'top' : 'middle'}`);
      css.push(cell.wrap ? 'white-space:pre-wrap' : 'white-space:nowrap');
      if (cell.indent) css.push(`padding-left:${4 + 9 * cell.indent}px`);
      if (cell.borders && Object.keys(cell.borders).length > 0) css.push('border:1px solid #000');
      const text = value === undefined || value === '' ? '' : typeof value === 'number' ? formatNumber(value, cell.numberFormat) : String(value);
      const attrs = span ? ` rowspan="${span.rows}" colspan="${span.cols}"` : '';
      tds.push(`<td${attrs} style='${css.join(';')}'>${escape(text)}</td>`);
    }
    body.push(`<tr style="height:${height ? Math.round(height / 0.75) : 20}px">${tds.join('')}</tr>`);
  }
  const colgroup = Array.from({ length: cols }, (_, c) => `<col style="width:${widthPx(c)}px">`).join('');
  const layout = dump.pageLayout;
  const setup = Object.keys(layout).length > 0 ? `${String(layout.paperSize ?? '')} ${String(layout.orientation ?? '')} · 打印标题行 ${String(layout.printTitleRows ?? '—')} · 打印区域 ${String(layout.printArea ?? '—')} · 页脚 ${String(layout.centerFooter ?? '')}` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{margin:12px;font-family:"Noto Sans CJK SC",sans-serif;background:#fff}
.tab{display:inline-block;background:#e8f0e8;border:1px solid #9a9;border-bottom:0;padding:3px 12px;font-size:13px}
.setup{font-size:12px;color:#555;margin:4px 0 8px}
table{border-collapse:collapse;table-layout:fixed}
td{border:1px solid #e4e4e4;padding:1px 4px;overflow:hidden;font-size:11pt}
.chart{margin:16px 0 0}.chart figcaption{font-size:11px;color:#777}
</style></head><body><div class="tab">${escape(dump.name)}</div><div class="setup">${escape(setup)}${dump.freezeRows ? ` · 冻结前 ${dump.freezeRows} 行` : ''}</div>
<table><colgroup>${colgroup}</colgroup><tbody>${body.join('')}</tbody></table>${dump.charts.map((ch) => chartSvg(dump, ch)).join('')}</body></html>`;
}
