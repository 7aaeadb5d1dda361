/**
 * What Internet Explorer 11 lacks, loaded before the pane. Volume-licensed Excel 2016 and
 * Excel 2019 show add-ins in IE11's webview ("Trident"; Microsoft Learn, "Browsers and
 * webview controls used by Office Add-ins", docs/excel-behaviour.md), which has neither
 * fetch nor AbortController and only part of ES2015's library. The build lowers the syntax
 * to ES5 (addin/build/compute-bundle.ts); these fill in the library: core-js (the ES library:
 * Symbol and iterators, Map/Set, Array/Object/String methods), whatwg-fetch (fetch over
 * XMLHttpRequest) and abortcontroller-polyfill (fetch's time-outs). office.js itself sets
 * window.Promise when the webview has none.
 */
import 'core-js/stable';
import 'whatwg-fetch';
import 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only';
