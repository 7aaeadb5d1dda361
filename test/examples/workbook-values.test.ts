/**
 * The shipped examples/county-planning.xlsx, unzipped: every EDU cell's stored value, spilled
 * cells included, equals the core's answer to the stored formula on the stored inputs (read
 * back independently of the builder, with SheetJS and a small argument reader here); the
 * totals reproduce the seed's figures; the add-in parts match what Excel writes; every sheet
 * prints on A4 one page wide; the values copy holds the same numbers without EDU formulas.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleSheets } from '../../examples/sheets/index.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { splitArgs } from '../helpers/formula-args.js';

const EXAMPLES = path.join(import.meta.dirname, '..', '..', 'examples');
const ctx = { profiles: shippedProfileSource };

interface EduCell {
  sheet: string;
  ref: string;
  formula: string;
  range: string;
}

/** What Excel passes a custom function for one stored argument: a value, or rows of values (blank = null). */
function argumentValue(sheet: XLSX.WorkSheet, arg: string): unknown {
  const a = arg.trim();
  // An omitted optional argument (EDU.X(a,,b)) reaches the function as null.
  if (a === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(a)) return Number(a);
  if (/^".*"$/.test(a)) return a.slice(1, -1).replace(/""/g, '"');
  if (a === 'TRUE' || a === 'FALSE') return a === 'TRUE';
  if (!/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(a)) throw new Error(`argument ${a} is neither a literal nor a reference`);
  const range = XLSX.utils.decode_range(a.replace(/\$/g, ''));
  const rows: unknown[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: unknown[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(sheet[XLSX.utils.encode_cell({ r, c })]?.v ?? null);
    rows.push(row);
  }
  return a.includes(':') ? rows : rows[0]![0];
}

function storedRows(sheet: XLSX.WorkSheet, range: string): unknown[][] {
  const r = XLSX.utils.decode_range(range);
  return Array.from({ length: r.e.r - r.s.r + 1 }, (_, i) =>
    Array.from({ length: r.e.c - r.s.c + 1 }, (_, j) => sheet[XLSX.utils.encode_cell({ r: r.s.r + i, c: r.s.c + j })]?.v),
  );
}

describe('examples/county-planning.xlsx as shipped', () => {
  let book: XLSX.WorkBook;
  let zip: JSZip;
  let eduCells: EduCell[];
  beforeAll(async () => {
    const file = await readFile(path.join(EXAMPLES, 'county-planning.xlsx'));
    book = XLSX.read(file, { type: 'buffer', cellFormula: true });
    zip = await JSZip.loadAsync(file);
    eduCells = book.SheetNames.flatMap((name) =>
      Object.entries(book.Sheets[name]!)
        .filter(([ref, cell]) => !ref.startsWith('!') && typeof (cell as XLSX.CellObject).f === 'string' && (cell as XLSX.CellObject).f!.startsWith('_xldudf_EDU_'))
        .map(([ref, cell]) => ({ sheet: name, ref, formula: (cell as XLSX.CellObject).f!, range: (cell as XLSX.CellObject).F ?? ref })),
    );
  });

  it('has EDU cells on every sheet whose spec calls an EDU function', async () => {
    const sheets = exampleSheets.all;
    const calling = sheets.filter((s) => s.cells.some((c) => c.formula?.includes('EDU.'))).map((s) => s.name);
    expect(new Set(eduCells.map((c) => c.sheet))).toEqual(new Set(calling));
    expect(eduCells.length).toBeGreaterThanOrEqual(25);
  });

  it('stores, in every EDU cell and every cell it spills into, the core’s answer to the stored formula', () => {
    for (const cell of eduCells) {
      const m = /^_xldudf_EDU_([A-Z0-9_]+)\((.*)\)$/.exec(cell.formula);
      expect(m, `${cell.sheet}!${cell.ref}: ${cell.formula}`).not.toBeNull();
      const def = findFormula(m![1]!.replace(/_/g, '.'));
      expect(def, cell.formula).toBeDefined();
      const sheet = book.Sheets[cell.sheet]!;
      const answer = invoke(def!, splitArgs(m![2]!).map((a) => argumentValue(sheet, a)), ctx);
      const rows = Array.isArray(answer) ? answer : [[answer]];
      // The stored array range is exactly the size of the answer, and each cell holds its part.
      const range = XLSX.utils.decode_range(cell.range);
      expect([range.e.r - range.s.r + 1, range.e.c - range.s.c + 1], `${cell.sheet}!${cell.range}`).toEqual([rows.length, rows[0]!.length]);
      expect(storedRows(sheet, cell.range), `${cell.sheet}!${cell.ref} ${cell.formula}`).toEqual(rows);
    }
  });

  it('reproduces the seed’s figures in the totals that depend on EDU cells (平办发〔2023〕22号)', () => {
    const v = (sheet: string, ref: string) => book.Sheets[sheet]![ref]?.v;
    // 8 directors + 40 by APPORTION = the 48 posts of the 8 centres.
    expect([v('学区岗位分配', 'C14'), v('学区岗位分配', 'D14'), v('学区岗位分配', 'F14')]).toEqual([8, 40, 48]);
    // 122 centre staff -> 48 kept + 74 to schools.
    expect([v('学区人员分流', 'K6'), v('学区人员分流', 'K7'), v('学区人员分流', 'K8')]).toEqual([122, 48, 74]);
    // The bureau's 137 staff, 10 retiring 2023-08..2024-12 (dates from EDU.RETIREDATE) -> 127.
    expect([v('机关退休减员', 'H6'), v('机关退休减员', 'H7'), v('机关退休减员', 'H8'), v('机关退休减员', 'H10')]).toEqual([137, 10, 127, 0]);
    // The 1,600,000 yuan less 5% for training, split to the fen: the detail's totals add up to B8.
    const split = book.Sheets['公用经费分配']!;
    expect(split.B8?.v).toBe(1520000);
    const totals = storedRows(split, 'Q13:Q20').map((r) => Math.round((r[0] as number) * 100));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(152000000);
  });

  it('prints no cell reference as text: the minimum of 学区岗位分配 is the value of B17', () => {
    const sheet = book.Sheets['学区岗位分配']!;
    expect(sheet.B17?.v).toBe(4);
    expect(sheet.D5?.v).toBe('副主任及专干（至少 4 名）');
    expect(String(sheet.A3?.v)).toContain('每学区至少 4 名');
  });

  it('carries the web-extension parts as Excel writes them, naming this add-in and its functions', async () => {
    const manifest = await readFile(path.join(EXAMPLES, '..', 'manifest.xml'), 'utf8');
    const id = /<Id>([^<]+)<\/Id>/.exec(manifest)![1];
    const version = /<Version>([^<]+)<\/Version>/.exec(manifest)![1];
    const ext = await zip.file('xl/webextensions/webextension1.xml')!.async('string');
    expect(ext).toContain(`<we:reference id="${id}" version="${version}" store="developer" storeType="Registry"/>`);
    const listed = [...ext.matchAll(/<we:customFunctionIds>([^<]+)<\/we:customFunctionIds>/g)].map((m) => m[1]);
    expect(listed).toEqual([...new Set(eduCells.map((c) => /^(_xldudf_EDU_[A-Z0-9_]+)\(/.exec(c.formula)![1]))].sort());
    // The same elements, in the same order, as the workbook Excel saved (docs/excel-behaviour.md).
    const skeleton = (xml: string) => [...xml.matchAll(/<(\/?[\w:]+)/g)].map((m) => m[1]).filter((t) => !t!.includes('customFunctionIds')).join(' ');
    expect(skeleton(ext)).toBe(
      'we:webextension we:reference we:alternateReferences we:properties we:bindings we:snapshot we:extLst a:ext we:customFunctionIdList /we:customFunctionIdList /a:ext /we:extLst /we:webextension',
    );
    expect(ext).toContain('uri="{7C84B067-C214-45C3-A712-C9D94CD141B2}"');
    const panes = await zip.file('xl/webextensions/taskpanes.xml')!.async('string');
    expect(panes).toMatch(/<wetp:taskpane dockstate="right" visibility="0" width="\d+" row="0"><wetp:webextensionref [^>]*r:id="rId1"\/><\/wetp:taskpane>/);
    expect(await zip.file('xl/webextensions/_rels/taskpanes.xml.rels')!.async('string')).toContain(
      'Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"',
    );
    expect(await zip.file('_rels/.rels')!.async('string')).toContain(
      'Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"',
    );
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>');
    expect(types).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
  });

  it('prints every sheet on A4, one page wide, landscape when wide, with a page-numbered footer', async () => {
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(book.SheetNames.length);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml, name).toMatch(/<pageSetup paperSize="9" orientation="(portrait|landscape)"[^>]*fitToWidth="1" fitToHeight="0"/);
      expect(xml, name).toContain('第 &amp;P 页，共 &amp;N 页');
    }
  });

  it('has a values copy with the same numbers and no EDU formula, for LibreOffice, WPS and Excel 2016/2019', async () => {
    const file = await readFile(path.join(EXAMPLES, 'county-planning-values.xlsx'));
    const copy = XLSX.read(file, { type: 'buffer', cellFormula: true });
    expect(copy.SheetNames).toEqual(book.SheetNames);
    for (const cell of eduCells) {
      const sheet = copy.Sheets[cell.sheet]!;
      expect(sheet[cell.ref]?.f).toBeUndefined();
      expect(storedRows(sheet, cell.range)).toEqual(storedRows(book.Sheets[cell.sheet]!, cell.range));
    }
    const copyZip = await JSZip.loadAsync(file);
    expect(copyZip.file('xl/webextensions/webextension1.xml')).toBeNull();
    for (const name of Object.keys(copyZip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
      expect(await copyZip.file(name)!.async('string')).not.toContain('_xldudf_');
    }
  });
});
