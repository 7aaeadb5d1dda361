/**
 * The layout shows the architecture (DESIGN.md §3), and these checks keep it so:
 * - dependencies point one way: formulas/ imports nothing but zod and its own files, no
 *   Node built-ins (no I/O); contracts/ imports only zod and formulas/; client/ (the client
 *   core every front end shares) imports contracts/ and formulas/ for their types only, but
 *   for the zod-free route table and packed-range codec, and touches no host (no Office,
 *   Excel, WPS or browser global); addin/ (the browser) never imports server/;
 * - no source file is over 400 lines: a file that grows past that is doing more than one job;
 * - each front end reaches its spreadsheet program only through its own host: the pane's views
 *   (addin/taskpane/views/, pane.ts) import no host implementation, and the WPS add-in
 *   (addin/wps/) uses no Office.js global, so the seam between pane and program stays one
 *   interface (addin/taskpane/excel/host.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
const MAX_LINES = 400;

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  try {
    statSync(full);
  } catch {
    return [];
  }
  return readdirSync(full).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|mjs|py)$/.test(name) ? [rel] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const statements = [...text.matchAll(/^(?:import|export)\s[\w\s{},*$]*?\sfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dynamic = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...statements, ...dynamic];
}

/** Every import statement of a file: its specifier and whether it brings types only. */
function importStatements(file: string): { spec: string; typeOnly: boolean }[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^(?:import|export)\s(type\s)?([\w\s{},*$]*?)\sfrom\s+['"]([^'"]+)['"]/gm)].map((m) => {
    const clause = m[2]!.trim();
    const names = clause.startsWith('{') ? clause.slice(1, -1).split(',').map((n) => n.trim()).filter(Boolean) : [];
    return { spec: m[3]!, typeOnly: m[1] !== undefined || (names.length > 0 && names.every((n) => n.startsWith('type '))) };
  });
}

/** Host globals a host-neutral module must not touch (comments and strings aside). */
const HOST_GLOBALS = /\b(?:Office|Excel|CustomFunctions|OfficeRuntime|wps|WPS|window|document|localStorage|navigator|location)\s*[.[(]/;

/** The top-level folder a relative import from `file` lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)).split(path.sep)[0]!;
}

describe('the layout', () => {
  it.each([
    ['formulas', (t: string) => t === 'formulas' || t === 'zod'],
    ['client', (t: string) => t === 'client' || t === 'contracts' || t === 'formulas'],
    ['contracts', (t: string) => t === 'contracts' || t === 'formulas' || t === 'zod' || t.startsWith('zod/') || t === '@asteasolutions/zod-to-openapi'],
    ['addin', (t: string) => t !== 'server'],
  ] as const)('%s/ imports only what the architecture allows', (dir, allowed) => {
    const wrong = sourceFiles(dir)
      .filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}build${path.sep}`))
      .flatMap((f) => imports(f).filter((spec) => !allowed(target(f, spec))).map((spec) => `${f} imports ${spec}`));
    expect(wrong).toEqual([]);
  });

  it('client/ takes contracts/ and formulas/ as types only, but for the zod-free route table and packed-range codec', () => {
    const runtime = new Set(['contracts/endpoints.ts', 'contracts/packed-range.ts']);
    const wrong = sourceFiles('client').flatMap((f) =>
      importStatements(f)
        .filter(({ spec, typeOnly }) => spec.startsWith('.') && !typeOnly && !['client'].includes(target(f, spec)))
        .filter(({ spec }) => !runtime.has(path.relative(root, path.resolve(path.dirname(path.join(root, f)), spec)).replace(/\.js$/, '.ts')))
        .map(({ spec }) => `${f} imports ${spec} at run time`),
    );
    expect(wrong).toEqual([]);
  });

  it('client/ touches no host: no Office, Excel, WPS or browser global (a front end injects storage and fetch)', () => {
    const code = (f: string) =>
      readFileSync(path.join(root, f), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
    const touching = sourceFiles('client').filter((f) => HOST_GLOBALS.test(code(f)));
    expect(touching).toEqual([]);
    expect(HOST_GLOBALS.test('const x = Office.context;')).toBe(true);
    expect(HOST_GLOBALS.test("localStorage.getItem('a')")).toBe(true);
  });

  it('the pane’s views reach Excel or WPS only through the host interface', () => {
    const viewFiles = [...sourceFiles(path.join('addin', 'taskpane', 'views')), path.join('addin', 'taskpane', 'pane.ts')];
    const hostImplementations = (f: string, spec: string) => {
      const resolved = path.relative(root, path.resolve(path.dirname(path.join(root, f)), spec));
      return resolved.startsWith(path.join('addin', 'wps')) || resolved.endsWith('office-host.js') || resolved.endsWith('write-grid.js');
    };
    const wrong = viewFiles.flatMap((f) => imports(f).filter((spec) => spec.startsWith('.') && hostImplementations(f, spec)).map((spec) => `${f} imports ${spec}`));
    expect(wrong).toEqual([]);
    const officeGlobals = sourceFiles(path.join('addin', 'wps'))
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /\b(Excel|Office|CustomFunctions|OfficeRuntime)\.[A-Za-z]/.test(readFileSync(path.join(root, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(officeGlobals).toEqual([]);
  });

  it(`no source file is over ${MAX_LINES} lines`, () => {
    const long = ['formulas', 'contracts', 'client', 'server', 'addin', 'examples']
      .flatMap(sourceFiles)
      .map((f) => ({ f, lines: readFileSync(path.join(root, f), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ f, lines }) => `${f}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
