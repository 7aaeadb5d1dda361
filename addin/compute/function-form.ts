/**
 * The form of the compute pane: pick a function (every registry function, by category),
 * then for each parameter a range or name, a table, a typed value, or nothing (optional
 * ones), each with its Chinese and English description; then the output cell.
 */
import { bi, bilingual, h, option, $ } from '../taskpane/ui/dom.js';
import type { ComputeHost } from './excel11-host.js';
import type { PaneFunction, PaneParam } from './pane-function.js';
import type { ArgSource } from './records.js';

type Kind = 'range' | 'table' | 'value' | 'omit';

const KIND_LABELS: Record<Kind, string> = {
  range: '区域或名称 Range or name',
  table: '表格 Table',
  value: '数值或文字 Value',
  omit: '留空（取默认） Leave out (default)',
};

/** A typed value as Excel would hold it: a number, TRUE/FALSE, or the text as written. */
export function typedValue(text: string): ArgSource {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  if (t !== '' && Number.isFinite(Number(t))) return { kind: 'value', value: Number(t) };
  return { kind: 'value', value: t };
}

export interface FunctionForm {
  selected(): PaneFunction;
  /** Each parameter's source; ranges are resolved against the workbook (names, tables, sheet of an address). */
  sources(host: ComputeHost): Promise<ArgSource[]>;
  refreshTables(names: readonly string[]): void;
}

export function functionForm(functions: readonly PaneFunction[], host: ComputeHost | undefined): FunctionForm {
  const select = $<HTMLSelectElement>('fn');
  const categories = [...new Set(functions.map((f) => f.category))];
  select.replaceChildren(
    ...categories.map((c) => {
      const group = h('optgroup', { attrs: { label: c } });
      group.append(...functions.filter((f) => f.category === c).map((f) => option(f.id, `${f.name} · ${f.summary.zh}`)));
      return group;
    }),
  );
  let tables: readonly string[] = [];
  const selected = (): PaneFunction => functions.find((f) => f.id === select.value) ?? functions[0]!;

  function paramRow(p: PaneParam, i: number): HTMLElement {
    const kinds: Kind[] = p.optional ? ['omit', 'range', 'table', 'value'] : ['range', 'table', 'value'];
    const kind = h('select', { className: 'kind', attrs: { 'aria-label': `${p.zh} 来源 source` } }, ...kinds.map((k) => option(k, KIND_LABELS[k])));
    const ref = h('input', { className: 'ref', attrs: { type: 'text', 'aria-label': `${p.zh} ${p.name}`, autocomplete: 'off' } });
    const table = h('select', { className: 'table', attrs: { 'aria-label': `${p.zh} 表格 table` } }, ...tables.map((t) => option(t, t)));
    const use = bi('button', '用所选区域', 'Use selection', 'btn btn-small use');
    use.setAttribute('type', 'button');
    const show = () => {
      ref.hidden = kind.value === 'table' || kind.value === 'omit';
      table.hidden = kind.value !== 'table';
      use.hidden = kind.value !== 'range';
      ref.placeholder = kind.value === 'value' ? String(p.default ?? '') : '如 B2:B9、预算!B2:B9 或名称';
    };
    kind.addEventListener('change', show);
    use.addEventListener('click', () => {
      void host?.selection().then((address) => {
        ref.value = address;
        kind.value = 'range';
        show();
      });
    });
    show();
    const title = h('label', { attrs: { for: `param-${i}-ref` } }, `${p.zh} `, h('code', { text: p.name }), p.optional ? ' （可选 optional）' : '');
    ref.id = `param-${i}-ref`;
    const hint = bi('p', p.summary.zh, p.default === undefined ? p.summary.en : `${p.summary.en} (default ${JSON.stringify(p.default)})`, 'hint');
    return h('div', { className: 'param', attrs: { id: `param-${i}`, 'data-name': p.name } }, title, hint, h('div', { className: 'row param-row' }, kind, ref, table, use));
  }

  function render(): void {
    const fn = selected();
    bilingual($('fn-summary'), fn.summary.zh, fn.summary.en);
    bilingual($('fn-rounding'), `取整：${fn.rounding.zh}`, `Rounding: ${fn.rounding.en}`);
    bilingual($('fn-result'), `结果：${fn.result.summary.zh}`, `Result: ${fn.result.summary.en}`);
    $('params').replaceChildren(...fn.params.map(paramRow));
  }
  select.addEventListener('change', render);
  render();

  return {
    selected,
    refreshTables(names) {
      tables = names;
      for (const el of Array.from(document.querySelectorAll<HTMLSelectElement>('#params select.table'))) {
        const keep = el.value;
        el.replaceChildren(...names.map((t) => option(t, t)));
        if (names.includes(keep)) el.value = keep;
      }
    },
    async sources(workbook) {
      const fn = selected();
      const out: ArgSource[] = [];
      for (const [i, p] of fn.params.entries()) {
        const row = $(`param-${i}`);
        const kind = row.querySelector<HTMLSelectElement>('select.kind')!.value as Kind;
        const text = row.querySelector<HTMLInputElement>('input.ref')!.value;
        if (kind === 'omit') out.push({ kind: 'omit' });
        else if (kind === 'table') {
          const name = row.querySelector<HTMLSelectElement>('select.table')!.value;
          if (!name) throw Object.assign(new Error('no table'), { zh: `参数“${p.zh}”：工作簿中没有表格可选，请先插入表格或改选区域`, en: `Argument ${p.name}: the workbook has no table to choose; insert one or choose a range` });
          out.push({ kind: 'table', name });
        } else if (kind === 'value') out.push(typedValue(text));
        else if (text.trim() === '') throw Object.assign(new Error('no range'), { zh: `请为参数“${p.zh}”（${p.name}）选择区域`, en: `Choose a range for argument ${p.name}` });
        else out.push(await workbook.resolveRange(text));
      }
      return out;
    },
  };
}
