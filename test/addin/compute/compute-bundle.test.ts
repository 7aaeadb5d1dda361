/**
 * compute.js runs in Internet Explorer 11's webview (volume-licensed Excel 2016/2019): the
 * built bundle must be ES5 syntax (acorn parses it as ECMAScript 5) and carry the library
 * polyfills the pane needs there (fetch, AbortController, Symbol iterators, URL). Not run in
 * IE11 itself: there is none on these machines (docs/excel-behaviour.md says so).
 */
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeBundle } from '../../../addin/build/compute-bundle.js';
import { catalog } from '../../../formulas/catalog.js';

describe('the compute pane bundle', () => {
  let code: string;
  beforeAll(async () => {
    code = await computeBundle(catalog());
  }, 120_000);

  it('is ECMAScript 5: no arrow functions, classes, let/const, template strings or generators', () => {
    expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();
  });

  it('brings fetch, AbortController, the ES library and the DOM methods IE11 lacks, and every registry function', () => {
    // whatwg-fetch (fetch over XMLHttpRequest, marked .polyfill), abortcontroller-polyfill, core-js (its version), dom4 (DOMTokenList).
    for (const marker of ['XMLHttpRequest', '.polyfill=!0', '__FORCE_INSTALL_ABORTCONTROLLER_POLYFILL', 'version:"3.', 'DOMTokenList', 'replaceChildren']) expect(code).toContain(marker);
    for (const entry of catalog()) expect(code).toContain(`"${entry.id}"`);
  });
});
