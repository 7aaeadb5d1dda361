/**
 * help.html, the SupportUrl of the manifest: the function reference as a page, generated
 * from the same catalog as docs/functions.md.
 */
import type { CatalogEntry } from '../../formulas/catalog.js';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function helpPage(entries: readonly CatalogEntry[]): string {
  const sections = entries.map((e) => {
    const signature = `${e.name}(${e.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
    const params = e.params
      .map((p) => `<li><code>${esc(p.name)}</code>${p.optional ? '（可选 optional）' : ''}：${esc(p.summary.zh)} <span class="en">${esc(p.summary.en)}</span></li>`)
      .join('');
    const examples = e.examples.map((x) => `<li><code>${esc(x.formula)}</code></li>`).join('');
    return `<section id="${e.id.toLowerCase()}"><h2><code>${esc(signature)}</code></h2><p>${esc(e.summary.zh)} <span class="en">${esc(e.summary.en)}</span></p><ul>${params}</ul><p><strong>取整 Rounding：</strong>${esc(e.rounding.zh)} <span class="en">${esc(e.rounding.en)}</span></p>${examples ? `<ul>${examples}</ul>` : ''}</section>`;
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>EDU 函数参考 · Function reference</title><link rel="stylesheet" href="taskpane.css"></head><body><header class="app-header"><h1>EDU 函数参考 <span class="en">Function reference</span></h1></header><main>${sections.map((s) => `<div class="card">${s}</div>`).join('')}</main></body></html>\n`;
}
