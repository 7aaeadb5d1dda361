/**
 * A form's page settings as four parts, each applied on its own so that a part a host
 * refuses (an older Excel without ExcelApi 1.9, or WPS) costs only that part and the clerk is
 * told which to set by hand. The parts, their names and the conversions (margins in points,
 * the title-row address, the footer without its &C code) are the same for every host; each
 * host (write-grid.ts for Excel, addin/wps/wps-sheets.ts for WPS) only says how to set them.
 */
import type { PrintSettings } from '../../../contracts/forms.js';

export interface MarginsPt {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** How one host sets each part. */
export interface PageSetters {
  paper(landscape: boolean, centred: boolean, marginsPt: MarginsPt): void;
  /** `pagesTall` 0 is "automatic": as many pages down as needed. */
  scaling(pagesWide: number, pagesTall: number): void;
  titlesAndArea(titleRows: string, printArea: string): void;
  centreFooter(text: string): void;
}

export interface PrintPart {
  apply(): void;
  zh: string;
  en: string;
}

const POINTS_PER_INCH = 72;

export function printParts(p: PrintSettings, set: PageSetters): PrintPart[] {
  const m = p.margins;
  const marginsPt: MarginsPt = {
    top: m.top * POINTS_PER_INCH,
    bottom: m.bottom * POINTS_PER_INCH,
    left: m.left * POINTS_PER_INCH,
    right: m.right * POINTS_PER_INCH,
    header: m.header * POINTS_PER_INCH,
    footer: m.footer * POINTS_PER_INCH,
  };
  const landscape = p.orientation === 'landscape';
  return [
    {
      apply: () => set.paper(landscape, p.horizontalCentered, marginsPt),
      zh: `纸张和方向（A4，${landscape ? '横向' : '纵向'}）`,
      en: `paper and orientation (A4, ${p.orientation})`,
    },
    { apply: () => set.scaling(p.fitToWidth, p.fitToHeight), zh: '缩放（调整为一页宽）', en: 'scaling (fit to one page wide)' },
    {
      apply: () => set.titlesAndArea(`$${p.titleRows.first}:$${p.titleRows.last}`, p.printArea),
      zh: `打印标题行（第 ${p.titleRows.first}–${p.titleRows.last} 行）和打印区域`,
      en: `print title rows (${p.titleRows.first}–${p.titleRows.last}) and print area`,
    },
    { apply: () => set.centreFooter(p.footer.replace(/^&C/, '')), zh: '页脚页码', en: 'page numbers in the footer' },
  ];
}
