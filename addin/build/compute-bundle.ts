/**
 * compute.js, the compute-into-cells pane for Excel without custom functions, built so it
 * runs in Internet Explorer 11's webview (what volume-licensed Excel 2016 and 2019 use,
 * docs/excel-behaviour.md), in two parts:
 * - the polyfills (addin/compute/legacy-webview.ts: core-js, whatwg-fetch,
 *   abortcontroller-polyfill, dom4), already ES5, bundled by esbuild with target es5, which
 *   refuses any newer syntax;
 * - the pane, bundled by esbuild as ES2020 and lowered to ES5 by TypeScript (esbuild cannot
 *   lower classes, let/const or generators to ES5). TypeScript is not run over the polyfills:
 *   it mis-lowers dom4's for-loop of closures.
 * test/addin/compute/compute-bundle.test.ts parses the result as ES5.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import ts from 'typescript';
import type { CatalogEntry } from '../../formulas/catalog.js';
import { paneFunctions } from './pane-functions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Both parts are browser scripts run as they are (no module loader). */
const SCRIPT = { bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' } as const;

export async function computeBundle(entries: readonly CatalogEntry[]): Promise<string> {
  const polyfills = await build({ ...SCRIPT, entryPoints: [path.join(root, 'addin', 'compute', 'legacy-webview.ts')], target: 'es5', minify: true });
  const pane = await build({
    ...SCRIPT,
    entryPoints: [path.join(root, 'addin', 'compute', 'main.ts')],
    target: 'es2020',
    define: { __EDU_PANE_FUNCTIONS__: JSON.stringify(paneFunctions(entries)) },
  });
  const es5 = ts.transpileModule(pane.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, downlevelIteration: true, allowJs: true, removeComments: true },
    fileName: 'compute.js',
  }).outputText;
  const minified = await transform(es5, { target: 'es5', minify: true, loader: 'js' });
  return `${polyfills.outputFiles[0]!.text}${minified.code}`;
}
