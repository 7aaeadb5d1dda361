/**
 * Builds the WPS 表格 add-in from the registry (part of `npm run build`):
 * - dist/addin/wps/: the add-in as WPS loads it — index.html + main.js (functions, ribbon),
 *   ribbon.xml, taskpane.html + pane.js + taskpane.css (the pane), help.html, images. The
 *   service serves this folder at /wps/, so a jsplugins.xml entry `jspluginonline` pointing
 *   there is the online installation (always current, same origin as the service);
 * - dist/wps/edu_county_planning.7z: the offline package, made by `wpsjs build` (wpsjs
 *   2.2.3, WPS's own tool) choosing 离线插件; also copied into dist/addin/wps/ so the
 *   service can hand it to desktops through a `jsplugin` entry; and dist/wps/jsplugins.xml,
 *   an example list for both ways (docs/wps.md).
 *
 * `wpsjs build` only asks one question (在线插件 / 离线插件), on stdin: it is answered by
 * writing the arrow-down key and Enter to its input, so the build runs without a terminal.
 * Without wpsjs (npm install --omit=dev) the build says so in one line and skips the package.
 */
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { catalog } from '../../formulas/catalog.js';
import { runtimeFunctionList } from '../build/functions-json.js';
import { helpPage } from '../build/help-page.js';
import { iconPng } from '../build/icons.js';
import { indexHtml, jspluginsXml, PLUGIN_NAME, PLUGIN_TYPE, ribbonXml, wpsFunctionList, wpsTaskpaneHtml } from './wps-files.js';

const root = path.resolve(import.meta.dirname, '..', '..');
export const WPSJS_CLI = path.join(root, 'node_modules', 'wpsjs', 'src', 'index.js');
export const OFFLINE_PACKAGE = `${PLUGIN_NAME}.7z`;

/** Writes the add-in folder; `service` is the address baked in as the default (EDU_PUBLIC_URL). */
export async function buildWpsAddin(outDir: string, service = ''): Promise<string> {
  const entries = catalog();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.join(outDir, 'images'), { recursive: true });
  const define = {
    __EDU_FUNCTIONS__: JSON.stringify(runtimeFunctionList(entries)),
    __EDU_WPS_FUNCTIONS__: JSON.stringify(wpsFunctionList(entries)),
    __EDU_WPS_SERVICE__: JSON.stringify(service.replace(/\/+$/, '')),
  };
  await build({
    entryPoints: [
      { in: path.join(import.meta.dirname, 'main.ts'), out: 'main' },
      { in: path.join(import.meta.dirname, 'pane-main.ts'), out: 'pane' },
    ],
    outdir: outDir,
    bundle: true,
    format: 'iife',
    // WPS's add-in pages run in its built-in Chromium; es2017 also covers older 信创 builds.
    target: 'es2017',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    define,
  });
  const pane = path.join(root, 'addin', 'taskpane');
  writeFileSync(path.join(outDir, 'index.html'), indexHtml());
  writeFileSync(path.join(outDir, 'ribbon.xml'), ribbonXml());
  writeFileSync(path.join(outDir, 'taskpane.html'), wpsTaskpaneHtml(readFileSync(path.join(pane, 'taskpane.html'), 'utf8')));
  copyFileSync(path.join(pane, 'taskpane.css'), path.join(outDir, 'taskpane.css'));
  writeFileSync(path.join(outDir, 'help.html'), helpPage(entries));
  writeFileSync(path.join(outDir, 'images', 'pane-32.png'), iconPng(32, 'pane'));
  writeFileSync(path.join(outDir, 'images', 'recalc-32.png'), iconPng(32, 'recalc'));
  return outDir;
}

function run(cli: string, cwd: string, answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(answer);
  });
}

/**
 * 7zip-bin ships its Linux 7za without the execute bit in the npm tarball, so wpsjs's
 * packing step fails with EACCES on Linux; the bit is set before wpsjs runs.
 */
function make7zaExecutable(): void {
  const { path7za } = createRequire(WPSJS_CLI)('7zip-bin') as { path7za: string };
  try {
    accessSync(path7za, constants.X_OK);
  } catch {
    chmodSync(path7za, 0o755);
  }
}

/** Runs `wpsjs build` (离线插件) on a copy of the add-in folder; answers the .7z's path. */
export async function packOffline(addinDir: string, outDir: string, version: string): Promise<string | undefined> {
  if (!existsSync(WPSJS_CLI)) {
    process.stdout.write('dist/wps offline package skipped: needs the wpsjs devDependency — npm install\n');
    return undefined;
  }
  make7zaExecutable();
  const stage = mkdtempSync(path.join(os.tmpdir(), 'edu-wpsjs-'));
  try {
    cpSync(addinDir, stage, { recursive: true });
    // wpsjs reads name and version (the package's folder is <name>_<version>) and the add-in type.
    writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: PLUGIN_NAME, version, addonType: PLUGIN_TYPE }, null, 2));
    // The one question, "选择 WPS 加载项发布类型": the second choice, 离线插件.
    const { code, output } = await run(WPSJS_CLI, stage, '\u001b[B\n');
    const packed = path.join(stage, 'wps-addon-build', OFFLINE_PACKAGE);
    if (code !== 0 || !existsSync(packed)) throw new Error(`wpsjs build failed (exit ${code}):\n${output}`);
    mkdirSync(outDir, { recursive: true });
    const target = path.join(outDir, OFFLINE_PACKAGE);
    copyFileSync(packed, target);
    return target;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The whole WPS part of `npm run build`. */
export async function buildWps(addinRoot = path.join(root, 'dist', 'addin'), outDir = path.join(root, 'dist', 'wps'), publicUrl = process.env.EDU_PUBLIC_URL ?? ''): Promise<{ addin: string; offline?: string }> {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const addin = await buildWpsAddin(path.join(addinRoot, 'wps'), publicUrl);
  const offline = await packOffline(addin, outDir, version);
  if (offline) copyFileSync(offline, path.join(addin, OFFLINE_PACKAGE));
  const base = `${(publicUrl || 'http://edu.example.gov.cn').replace(/\/+$/, '')}/wps/`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'jsplugins.xml'), jspluginsXml({ online: base, ...(offline ? { offline: { url: `${base}${OFFLINE_PACKAGE}`, version } } : {}) }));
  return { addin, ...(offline ? { offline } : {}) };
}
