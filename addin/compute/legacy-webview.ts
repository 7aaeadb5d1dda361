/**
 * What Internet Explorer 11 lacks, loaded before the pane. Volume-licensed Excel 2016 and
 * Excel 2019 show add-ins in IE11's webview ("Trident"; Microsoft Learn, "Browsers and
 * webview controls used by Office Add-ins", docs/excel-behaviour.md), which has neither
 * fetch nor AbortController and only part of ES2015's library and of today's DOM. The build
 * lowers the syntax to ES5 (addin/build/compute-bundle.ts); these fill in the rest: core-js
 * (the ES library: Symbol and iterators, Map/Set, Array/Object/String methods, URL, NodeList
 * iteration), whatwg-fetch (fetch over XMLHttpRequest), abortcontroller-polyfill (fetch's
 * time-outs) and dom4 (append, prepend, classList and the other DOM4 methods the pane's
 * helpers call). office.js itself sets window.Promise when the webview has none.
 */
import 'core-js/stable';
import 'whatwg-fetch';
import 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only';
import 'dom4';

// replaceChildren (DOM 2020) is newer than dom4: the same as removing every child, then append().
// Written without rest arguments: this file is built as ES5 as it is (addin/build/compute-bundle.ts).
if (typeof Element.prototype.replaceChildren !== 'function') {
  Element.prototype.replaceChildren = function replaceChildren(this: Element): void {
    while (this.lastChild) this.removeChild(this.lastChild);
    Element.prototype.append.apply(this, arguments as unknown as (Node | string)[]);
  };
}
