/**
 * LibreOffice Calc as a real engine: dist/edu.oxt is built from the registry and added to a
 * private LibreOffice profile, a running service answers the extension's calls, and
 * calc-driver.py (Python UNO) opens workbooks headless, recalculates and reads every cell
 * back. Each EDU result Calc shows must equal what the core (formulas/) computes from the
 * same inputs. Skipped with one line without LibreOffice, python3-uno or the SDK's
 * unoidl-write; under CI=true their absence fails the run.
 */
import { execFile } from 'node:child_process';
import { chownSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOxt } from '../../addin/libreoffice/build-oxt.js';
import { catalog } from '../../formulas/catalog.js';
import { findFormula, invoke, registry, shippedProfileSource } from '../../formulas/index.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { freePort, startService, type ServiceProcess } from '../helpers/service-process.js';
import { ERROR_VALUE, pdfPages, printToPdf } from '../helpers/print-pdf.js';
import { hasProgram } from '../helpers/system-programs.js';
import { splitArgs } from '../helpers/formula-args.js';
import { calcCell, type CalcValue } from './calc-values.js';

const run = promisify(execFile);
const DRIVER = path.join(import.meta.dirname, 'calc-driver.py');
const WORKBOOK = path.join(import.meta.dirname, '..', '..', 'examples', 'county-planning.xlsx');
const NOBODY = 65534;

interface Answer {
  loadSeconds: number;
  recalcSeconds: number;
  sheets: { name: string; values: CalcValue[][]; formulas: { col: number; row: number; formula: string; area: [number, number, number, number] }[] }[];
}

/** The core's answer as Calc would show it, cell by cell. */
function expectedCells(result: ReturnType<typeof invoke>): CalcValue[][] {
  if (isFormulaError(result)) return [[{ error: result.error.code }]];
  const rows = Array.isArray(result) ? result : [[result]];
  return rows.map((row) => row.map(calcCell));
}

const areaOf = (values: CalcValue[][], [c0, r0, c1, r1]: readonly number[]): CalcValue[][] =>
  values.slice(r0!, r1! + 1).map((row) => row.slice(c0!, c1! + 1));

describe.skipIf(!hasProgram('libreoffice', 'python3-uno', 'unoidl-write', 'pdftotext'))('the EDU extension in LibreOffice Calc', () => {
  let dir: string;
  let profile: string;
  let service: ServiceProcess;
  const timings: string[] = [];

  async function calc(request: object, serviceUrl = service.url): Promise<Answer> {
    const requestFile = path.join(dir, `request-${Date.now()}.json`);
    const answerFile = `${requestFile}.answer.json`;
    writeFileSync(requestFile, JSON.stringify(request));
    await run('/usr/bin/python3', [DRIVER, profile, requestFile, answerFile], { env: { ...process.env, EDU_SERVICE_URL: serviceUrl }, timeout: 120_000 });
    return JSON.parse(readFileSync(answerFile, 'utf8')) as Answer;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'edu-calc-'));
    profile = path.join(dir, 'profile');
    const started = Date.now();
    const oxt = await buildOxt(path.join(dir, 'edu.oxt'));
    const built = Date.now();
    // unopkg refuses a private (per-user) install as root; root installs as nobody into the test's own profile.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(dir, NOBODY, NOBODY);
    const unopkg = ['unopkg', 'add', `-env:UserInstallation=file://${profile}`, oxt!];
    const [cmd, ...args] = asRoot ? ['runuser', '-u', 'nobody', '--', ...unopkg] : unopkg;
    await run(cmd!, args, { env: { ...process.env, HOME: dir }, timeout: 120_000 });
    timings.push(`build ${built - started} ms, unopkg add ${Date.now() - built} ms`);
    service = await startService();
  }, 240_000);

  afterAll(async () => {
    await service?.stop();
    process.stdout.write(`LibreOffice real-engine timings: ${timings.join('; ')}\n`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens county-planning.xlsx (Excel’s _xldudf_EDU_ names), converts them on its own on load, and every EDU cell equals the core’s answer', async () => {
    const workbook = path.join(dir, 'county-planning.xlsx');
    copyFileSync(WORKBOOK, workbook);
    const saveAs = path.join(dir, 'county-planning.ods');
    // Nothing runs the conversion but the extension's own OnLoadFinished job.
    const answer = await calc({ workbook, saveAs });
    timings.push(`county-planning.xlsx: load ${answer.loadSeconds.toFixed(2)} s, recalc ${answer.recalcSeconds.toFixed(2)} s`);
    const ids = new Set<string>();
    for (const sheet of answer.sheets) {
      for (const f of sheet.formulas) {
        const m = /^\{?=EDU\.([A-Z0-9]+)\((.*)\)\}?$/.exec(f.formula);
        expect(m, `${sheet.name} ${f.formula} reads as EDU.<ID>(...)`).not.toBeNull();
        const def = findFormula(m![1]!)!;
        ids.add(def.id);
        const args = splitArgs(m![2]!).map((text, i) => calcArgument(text.trim(), sheet.values, def.params[i]?.type === 'boolean'));
        const expected = expectedCells(invoke(def, args, { profiles: shippedProfileSource }));
        expect(areaOf(sheet.values, f.area), `${sheet.name}!${f.formula}`).toEqual(expected);
      }
    }
    // Every function the workbook calls (as Excel stored it) came back as a working EDU formula.
    const zip = await JSZip.loadAsync(readFileSync(WORKBOOK));
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const stored = new Set(sheetXml.flatMap((x) => [...x.matchAll(/_xldudf_EDU_([A-Z0-9]+)\(/g)].map((m) => m[1]!)));
    expect([...ids].sort()).toEqual([...stored].sort());
    // Saved by Calc, the formulas keep the name a clerk reads: EDU.APPORTION, not the Excel form.
    const content = await (await JSZip.loadAsync(readFileSync(saveAs))).file('content.xml')!.async('string');
    expect(content).toContain('of:=EDU.APPORTION(');
    expect(content).not.toMatch(/_xldudf_/i);
  }, 180_000);

  it('prints county-planning.xlsx headless (soffice --convert-to pdf) with no error value on any page', async () => {
    // What a clerk's LibreOffice does with the extension and a reachable service: the on-load job
    // turns Excel's names into EDU calls, the service answers them, and the PDF shows the answers.
    const pdf = (await printToPdf([WORKBOOK], dir, { EDU_SERVICE_URL: service.url }, profile))[0]!;
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, i) => expect(page.match(ERROR_VALUE), `page ${i + 1}`).toBeNull());
    // The 48 posts of seed 000 split over 8 centres, computed live: the sheet's total row.
    expect(pages.join('\n')).toMatch(/合计\s+125,800\s+8\s+40\s+40\s+48\s+48\s+0/);
  }, 240_000);

  it('reads the service address from the extension’s settings when EDU_SERVICE_URL is not set', async () => {
    // What a clerk sets in Expert Configuration, written where LibreOffice keeps it.
    const modifications = path.join(profile, 'user', 'registrymodifications.xcu');
    const item = `<item oor:path="/cn.edu.county.calc.Settings/Service"><prop oor:name="Url" oor:op="fuse"><value>${service.url}</value></prop></item>`;
    const current = existsSync(modifications)
      ? readFileSync(modifications, 'utf8')
      : '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';
    writeFileSync(modifications, current.replace('</oor:items>', `${item}\n</oor:items>`));
    const answer = await calc({ write: [{ col: 0, row: 0, rows: 3, cols: 1, formula: '=EDU.APPORTION(48, {3;5;8}, "hamilton")' }] }, '');
    const expected = expectedCells(invoke(findFormula('APPORTION')!, [48, [[3], [5], [8]], 'hamilton'], { profiles: shippedProfileSource }));
    expect(areaOf(answer.sheets[0]!.values, [0, 0, 0, 2])).toEqual(expected);
  }, 180_000);

  it('shows #N/A in every EDU cell when the service cannot be reached, and a bad argument as #VALUE!', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await calc({ write: [{ col: 0, row: 0, rows: 3, cols: 1, formula: '=EDU.APPORTION(48, {3;5;8}, "hamilton")' }] }, closed);
    expect(areaOf(unreachable.sheets[0]!.values, [0, 0, 0, 2])).toEqual([[{ error: 'NA' }], [{ error: 'NA' }], [{ error: 'NA' }]]);
    const bad = await calc({ write: [{ col: 0, row: 0, rows: 1, cols: 1, formula: '=EDU.APPORTION(-1, {3;5;8}, "hamilton")' }] });
    const expected = invoke(findFormula('APPORTION')!, [-1, [[3], [5], [8]], 'hamilton'], { profiles: shippedProfileSource });
    expect(isFormulaError(expected) && expected.error.code).toBe('VALUE');
    expect(bad.sheets[0]!.values[0]![0]).toEqual({ error: 'VALUE' });
  }, 180_000);

  it('computes every function’s catalog examples, typed as array formulas (Ctrl+Shift+Enter), as the core does', async () => {
    const write: { col: number; row: number; rows: number; cols: number; formula: string; id: string; args: unknown[] }[] = [];
    let row = 0;
    for (const entry of catalog()) {
      for (const example of entry.examples) {
        const cells = expectedCells(invoke(findFormula(entry.id)!, example.args, { profiles: shippedProfileSource }));
        write.push({ col: 0, row, rows: cells.length, cols: cells[0]!.length, formula: calcTyped(example.formula), id: entry.id, args: example.args });
        row += cells.length + 1;
      }
    }
    expect(new Set(write.map((w) => w.id))).toEqual(new Set(registry.map((f) => f.id)));
    const answer = await calc({ write });
    timings.push(`${write.length} catalog examples: recalc ${answer.recalcSeconds.toFixed(2)} s`);
    const values = answer.sheets[0]!.values;
    for (const w of write) {
      const expected = expectedCells(invoke(findFormula(w.id)!, w.args, { profiles: shippedProfileSource }));
      expect(areaOf(values, [w.col, w.row, w.col + w.cols - 1, w.row + w.rows - 1]), w.formula).toEqual(expected);
    }
  }, 180_000);
});

/**
 * The example as a Calc user types it: Calc takes only plain constants inside an inline array
 * ({60%,40%} is Err:539, "unsupported inline array content"), so a percentage there is written
 * as its decimal, as README tells clerks.
 */
function calcTyped(formula: string): string {
  return formula.replace(/\{[^}]*\}/g, (array) => array.replace(/(\d+(?:\.\d+)?)%/g, (_m, n: string) => String(Number(n) / 100)));
}

/**
 * One argument as the extension hands it to the service: a literal, or the values of a cell
 * or range on the same sheet (blank null). Calc's TRUE/FALSE are 1/0; the extension passes
 * them as booleans to a TRUE/FALSE parameter, and so does this.
 */
function calcArgument(text: string, values: CalcValue[][], boolean: boolean): unknown {
  const asBool = (v: CalcValue): unknown => (boolean && (v === 0 || v === 1) ? v === 1 : v);
  if (/^TRUE\(\)$/i.test(text) || /^TRUE$/i.test(text)) return true;
  if (/^FALSE\(\)$/i.test(text) || /^FALSE$/i.test(text)) return false;
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const ref = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(text);
  if (!ref) throw new Error(`argument ${text} is neither a literal nor a reference on the same sheet`);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c0, r0] = [col(ref[1]!), Number(ref[2]) - 1];
  if (ref[3] === undefined) return asBool(values[r0]?.[c0] ?? null);
  const [c1, r1] = [col(ref[3]), Number(ref[4]) - 1];
  return areaOf(values, [c0, r0, c1, r1]).map((r) => r.map(asBool));
}
