/**
 * The example workbook builder: the file is written, every sheet is in it, custom-function
 * calls are stored as Excel stores them (_xldudf_, t="array" over the spill range, cm="1"
 * with the XLDAPR metadata part) together with their values, and the illustrative note is
 * there. Read back with SheetJS and as raw XML. The shipped file's values against the core:
 * workbook-values.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExampleWorkbook, CURRENT_CALC_ID, DYNAMIC_ARRAY_METADATA, INTRO_SHEET_NAME, writeExampleWorkbook } from '../../examples/example-workbook.js';
import { exampleSheets } from '../../examples/sheets/index.js';
import { checkSheet, type ExampleSheet } from '../../examples/sheet-spec.js';
import { tasksSheets } from '../../examples/sheets/tasks.js';

const staffing: ExampleSheet = {
  name: '编制测算',
  columns: { A: 24, B: 10, C: 10 },
  merges: ['A1:C1'],
  cells: [
    { ref: 'A1', value: '48 个岗位分配到 8 个学区', style: 'title' },
    { ref: 'A2', value: '学生数为示例数据，仅作演示', style: 'note' },
    { ref: 'B4', value: 12000, style: 'illustrative' },
    { ref: 'B5', value: 8000, style: 'illustrative' },
    { ref: 'C4', formula: '=EDU.APPORTION(48,B4:B5,"hamilton",1)', style: 'result' },
    { ref: 'C7', formula: '=SUM(C4#)', style: 'total' },
    { ref: 'C8', formula: '=SUM(B4:B5)', style: 'total', numberFormat: '#,##0' },
  ],
};

async function parts(xlsx: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(xlsx);
}

describe('buildExampleWorkbook', () => {
  let xlsx: Buffer;
  let zip: JSZip;
  beforeAll(async () => {
    xlsx = await buildExampleWorkbook([staffing, ...tasksSheets]);
    zip = await parts(xlsx);
  });

  it('holds the intro sheet first, then every sheet in order', () => {
    const book = XLSX.read(xlsx, { type: 'buffer' });
    expect(book.SheetNames).toEqual([INTRO_SHEET_NAME, '编制测算', '重点任务']);
  });

  it('stores EDU calls as _xldudf_ dynamic-array formulas over their spill range, with their values', async () => {
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    // 48 posts, 1 each first, the other 46 by Hamilton over 12,000 : 8,000 -> 27.6 + 1, 18.4 + 1:
    // floors 27 and 18 (= 45), the remaining post to the larger remainder (0.6): 28 + 1 = 29 and 19.
    expect(sheet).toMatch(/<c r="C4"[^>]* cm="1"><f t="array" ref="C4:C5">_xldudf_EDU_APPORTION\(48,B4:B5,&quot;hamilton&quot;,1\)<\/f><v>29<\/v><\/c>/);
    // The spilled cell is a plain value, as Excel saves it.
    expect(sheet).toMatch(/<c r="C5"[^>]*><v>19<\/v><\/c>/);
    // C4# is the spill range C4:C5 when the builder evaluates SUM over it.
    expect(sheet).toMatch(/<c r="C7"[^>]* cm="1"><f t="array" ref="C7">SUM\(_xlfn.ANCHORARRAY\(C4\)\)<\/f><v>48<\/v><\/c>/);
    // A plain formula stays plain: no array, no cell metadata.
    expect(sheet).toMatch(/<c r="C8"[^>]*><f>SUM\(B4:B5\)<\/f><v>20000<\/v><\/c>/);
    expect(sheet).not.toMatch(/<c r="C8"[^>]*cm=/);
    // No typed EDU. call is left anywhere in any sheet.
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      expect(await zip.file(name)!.async('string')).not.toMatch(/<f[^>]*>[^<]*EDU\./);
    }
  });

  it('a second library reads the stored formulas', () => {
    // sheetStubs: a formula cell without a cached value is still a cell.
    const book = XLSX.read(xlsx, { type: 'buffer', cellFormula: true, sheetStubs: true });
    const sheet = book.Sheets['编制测算']!;
    expect(sheet.C4?.f).toBe('_xldudf_EDU_APPORTION(48,B4:B5,"hamilton",1)');
    expect(sheet.B4?.v).toBe(12000);
  });

  it('declares the dynamic-array metadata part as Excel does and keeps the stored values on opening', async () => {
    expect(await zip.file('xl/metadata.xml')!.async('string')).toBe(DYNAMIC_ARRAY_METADATA);
    expect(DYNAMIC_ARRAY_METADATA).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
    );
    expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata.xml"/,
    );
    // The calcId of current Excel and no fullCalcOnLoad: Excel shows the stored values instead of
    // recalculating everything (which, without the add-in, would turn every EDU cell into #NAME?).
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(book).toContain(`<calcPr calcId="${CURRENT_CALC_ID}"/>`);
    expect(book).not.toContain('fullCalcOnLoad');
  });

  it('says on the intro sheet that illustrative numbers are illustrative, and that the add-in is needed', () => {
    const intro = XLSX.read(xlsx, { type: 'buffer' }).Sheets[INTRO_SHEET_NAME]!;
    const text = XLSX.utils.sheet_to_json<string[]>(intro, { header: 1 }).flat().join('\n');
    expect(text).toContain('示例数据，仅作演示');
    expect(text).toContain('illustrative only');
    expect(text).toContain('加载项');
    expect(text).toContain('编制测算');
    expect(text).toContain('48 个岗位分配到 8 个学区');
  });

  it('a workbook without custom functions gets no metadata part', async () => {
    const plain = await parts(await buildExampleWorkbook(tasksSheets));
    expect(plain.file('xl/metadata.xml')).toBeNull();
  });
});

describe('writeExampleWorkbook over examples/sheets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'edu-example-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the file with the intro and every sheet of the registry, in its order', async () => {
    const out = path.join(dir, 'county-planning.xlsx');
    const sheets = await writeExampleWorkbook(out);
    const book = XLSX.read(await readFile(out), { type: 'buffer', cellFormula: true, sheetStubs: true });
    expect(book.SheetNames).toEqual(sheets);
    expect(sheets).toEqual([INTRO_SHEET_NAME, ...exampleSheets.all.map((s) => s.name)]);
    expect(sheets).toContain('重点任务');
    // Every formula in every sheet is in the stored form: no typed custom-function call.
    for (const name of book.SheetNames) {
      for (const [ref, cell] of Object.entries(book.Sheets[name]!)) {
        if (!ref.startsWith('!') && (cell as XLSX.CellObject).f) expect((cell as XLSX.CellObject).f).not.toMatch(/(^|[^_A-Za-z])EDU\./);
      }
    }
  });
});

describe('checkSheet, the spec every example sheet keeps', () => {
  it('names each problem: a reference that is not A1, a formula without "=", illustrative numbers without a note', () => {
    const broken: ExampleSheet = { name: '经费', cells: [{ ref: 'b4', value: 1 }, { ref: 'B5', value: 2, style: 'illustrative' }, { ref: 'B6', formula: 'SUM(B4:B5)' }] };
    expect(checkSheet(broken)).toEqual([
      '"b4" is not an A1 cell reference (upper case, e.g. B4)',
      'cell B6\'s formula must start with "="',
      'it has illustrative numbers but no note cell saying they are illustrative',
    ]);
  });

  it('the shipped tasks sheet keeps it and is in the registry', () => {
    for (const sheet of tasksSheets) expect(checkSheet(sheet)).toEqual([]);
    expect(exampleSheets.find('重点任务')).toBe(tasksSheets[0]);
  });
});

describe('the shipped sheets travel in the bundle', () => {
  it('examples/sheets/index.ts imports every module of the folder, so none is left behind', () => {
    const dir = path.join(import.meta.dirname, '../../examples/sheets');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const index = readFileSync(path.join(dir, 'index.ts'), 'utf8');
    const imported = [...index.matchAll(/from '\.\/([a-z0-9-]+)\.js'/g)].map((m) => `${m[1]}.ts`);
    expect(imported.sort()).toEqual(files.sort());
  });
});
