/**
 * compute.js, the compute-into-cells pane for Excel without custom functions, built so it
 * runs in Internet Explorer 11's webview (what volume-licensed Excel 2016 and 2019 use,
 * docs/excel-behaviour.md): esbuild bundles the pane with its library polyfills
 * (addin/compute/legacy-webview.ts) as ES2020, then TypeScript lowers the syntax to ES5
 * (esbuild cannot lower classes, let/const or generators to ES5), and esbuild minifies the
 * ES5 without raising it. test/addin/compute/compute-bundle.test.ts parses the result as ES5.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import ts from 'typescript';
import type { CatalogEntry } from '../../formulas/catalog.js';
import { paneFunctions } from './pane-functions.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function computeBundle(entries: readonly CatalogEntry[]): Promise<string> {
  const bundled = await build({
    stdin: {
      contents: "import './addin/compute/legacy-webview.ts';\nimport './addin/compute/main.ts';\n",
      resolveDir: root,
      sourcefile: 'compute-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    logLevel: 'warning',
    define: { __EDU_PANE_FUNCTIONS__: JSON.stringify(paneFunctions(entries)) },
  });
  const es5 = ts.transpileModule(bundled.outputFiles[0]!.text, {
    compilerOptions: { target: ts.ScriptTarget.ES5, module: ts.ModuleKind.None, downlevelIteration: true, allowJs: true, removeComments: true },
    fileName: 'compute.js',
  }).outputText;
  return (await transform(es5, { target: 'es5', minify: true, loader: 'js' })).code;
}
