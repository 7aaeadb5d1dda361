/**
 * The example workbooks printed by LibreOffice headless, as a clerk without Excel would print
 * them: the values copy shows no error value on any page; the Excel workbook shows none
 * outside its EDU cells (LibreOffice recalculates every array formula on opening and has no
 * EDU function, so those cells alone read #NAME? there — docs/example-workbook.md; with the EDU
 * extension they compute, test/libreoffice/calc-extension.test.ts); both
 * fit a sensible number of A4 pages.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_VALUE, pdfPages, printToPdf } from '../helpers/print-pdf.js';
import { hasProgram } from '../helpers/system-programs.js';

const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'examples');
/** At most two A4 pages a sheet on average: the staff lists (122 and 137 rows) take three each, most sheets one. */
const PAGES_PER_SHEET = 2;

describe.skipIf(!hasProgram('libreoffice', 'pdftotext'))('the example workbooks printed by LibreOffice', () => {
  let dir: string;
  let values: string[];
  let excel: string[];
  let sheets: number;
  beforeAll(async () => {
    sheets = XLSX.read(await readFile(path.join(EXAMPLES, 'county-planning-values.xlsx')), { type: 'buffer', bookSheets: true }).SheetNames.length;
    dir = await mkdtemp(path.join(tmpdir(), 'edu-example-pdf-'));
    const [excelPdf, valuesPdf] = await printToPdf([path.join(EXAMPLES, 'county-planning.xlsx'), path.join(EXAMPLES, 'county-planning-values.xlsx')], dir);
    excel = await pdfPages(excelPdf!);
    values = await pdfPages(valuesPdf!);
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the values copy on a sensible number of A4 pages, none showing an error value', () => {
    expect(values.length).toBeGreaterThanOrEqual(sheets);
    expect(values.length).toBeLessThanOrEqual(PAGES_PER_SHEET * sheets);
    values.forEach((page, i) => expect(page.match(ERROR_VALUE), `page ${i + 1}`).toBeNull());
    // The numbers are there: the 48 posts' total row and the seed's 127.
    expect(values.join('\n')).toMatch(/合计\s+125,800\s+8\s+40\s+40\s+48\s+48\s+0/);
  });

  it('prints the Excel workbook on as many pages, with no error value outside the EDU cells', () => {
    expect(excel.length).toBe(values.length);
    const others = excel.join('\n').match(ERROR_VALUE)?.filter((e) => e !== '#NAME?') ?? [];
    expect(others).toEqual([]);
    // Totals over EDU cells keep their stored values: LibreOffice does not recompute plain formulas.
    expect(excel.join('\n')).toMatch(/合计\s+125,800\s+8\s+40\s+40\s+48\s+48\s+0/);
  });
});
