/**
 * `npm run build`: writes
 * - the service, compiled and bundled into dist/server/main.js, which `npm start` runs with
 *   plain node (no TypeScript loader at run time; packages stay in node_modules);
 * - the add-in into dist/addin, everything the service serves: taskpane.html/.css/.js (the
 *   shared runtime: functions + pane), functions.json (zh-CN) and functions.en-US.json
 *   generated from the registry, icons, a help page, and the manifest (URLs moved to
 *   EDU_PUBLIC_URL when set);
 * - beside it the compute-into-cells pane for Excel without custom functions (Excel 2016 and
 *   2019): compute.html/.js (compute-bundle.ts) and its manifest, manifest-taskpane.xml;
 * - dist/edu.oxt, the LibreOffice Calc extension (addin/libreoffice/build-oxt.ts);
 * - the WPS 表格 add-in into dist/addin/wps (served at /wps/) and its offline package
 *   dist/wps/edu_county_planning.7z, made by wpsjs (addin/wps/build-wps.ts).
 * `npm start` calls it through ensure-built.mjs only when a source file changed.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { catalog } from '../../formulas/catalog.js';
import { functionsJson, runtimeFunctionList } from './functions-json.js';
import { helpPage } from './help-page.js';
import { ICON_SIZES, iconPng } from './icons.js';
import { MANIFESTS, rewriteManifestUrls } from './manifest-urls.js';
import { buildOxt } from '../libreoffice/build-oxt.js';
import { buildWps } from '../wps/build-wps.js';
import { computeBundle } from './compute-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function buildAddin(outDir = path.join(root, 'dist', 'addin'), publicUrl = process.env.EDU_PUBLIC_URL): Promise<string> {
  const entries = catalog();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'assets'), { recursive: true });

  await build({
    entryPoints: [path.join(root, 'addin', 'taskpane', 'main.ts')],
    outfile: path.join(outDir, 'taskpane.js'),
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    define: { __EDU_FUNCTIONS__: JSON.stringify(runtimeFunctionList(entries)) },
  });
  for (const file of ['taskpane.html', 'taskpane.css']) copyFileSync(path.join(root, 'addin', 'taskpane', file), path.join(outDir, file));
  copyFileSync(path.join(root, 'addin', 'compute', 'compute.html'), path.join(outDir, 'compute.html'));
  writeFileSync(path.join(outDir, 'compute.js'), await computeBundle(entries));
  writeFileSync(path.join(outDir, 'functions.json'), `${JSON.stringify(functionsJson(entries, 'zh'), null, 2)}\n`);
  writeFileSync(path.join(outDir, 'functions.en-US.json'), `${JSON.stringify(functionsJson(entries, 'en'), null, 2)}\n`);
  for (const size of ICON_SIZES) {
    writeFileSync(path.join(outDir, 'assets', `icon-${size}.png`), iconPng(size, 'pane'));
    writeFileSync(path.join(outDir, 'assets', `recalc-${size}.png`), iconPng(size, 'recalc'));
  }
  writeFileSync(path.join(outDir, 'help.html'), helpPage(entries));
  for (const file of MANIFESTS) {
    const manifest = readFileSync(path.join(root, file), 'utf8');
    writeFileSync(path.join(outDir, file), publicUrl ? rewriteManifestUrls(manifest, publicUrl) : manifest);
  }
  return outDir;
}

/**
 * The service's entry points, each bundled to dist/server/<out>.js. The worker pool's thread
 * entry is its own bundle, beside main.js: server/pool/pool.ts starts `worker.js` next to
 * the file it is compiled into.
 */
export const SERVICE_ENTRIES: readonly { in: string; out: string }[] = [
  { in: 'server/main.ts', out: 'main' },
  { in: 'server/pool/worker.ts', out: 'worker' },
];

export async function buildService(outDir = path.join(root, 'dist', 'server')): Promise<string> {
  await build({
    entryPoints: SERVICE_ENTRIES.map((entry) => ({ in: path.join(root, entry.in), out: entry.out })),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual (native better-sqlite3, highs' wasm).
    packages: 'external',
    // A module imported with import() becomes a chunk of its own, so what it needs (pg,
    // exceljs) loads on first use instead of at every start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: true,
    logLevel: 'warning',
  });
  return outDir;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [service, addin] = await Promise.all([buildService(), buildAddin()]);
  process.stdout.write(`service built into ${path.relative(root, service)}, add-in into ${path.relative(root, addin)}\n`);
  const wps = await buildWps(addin);
  process.stdout.write(`WPS add-in built into ${path.relative(root, wps.addin)}${wps.offline ? `, offline package ${path.relative(root, wps.offline)}` : ''}\n`);
  const oxt = await buildOxt();
  if (oxt) process.stdout.write(`LibreOffice extension built: ${path.relative(root, oxt)}\n`);
}
