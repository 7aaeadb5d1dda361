/**
 * The forms view's column map, shown and editable before anything is filled: for each column
 * the form expects, the table column it takes (a list pre-set to the one found by header,
 * "（不填）" for none; a required one left unset is marked), and for the form's number list the
 * columns it may take, each ticked or not. The number columns a money list is never offered
 * (their headers do not say yuan) are named with what to do. Every change calls `onChange`
 * with the new choice; the view then draws the map again.
 */
import type { Bilingual } from '../../../formulas/core/errors.js';
import type { FieldSpec, TableData } from '../logic/column-map.js';
import type { ColumnChoice } from '../logic/form-fill.js';
import { bi, h, option } from './dom.js';

export interface NumberColumns {
  /** What the ticked columns become, e.g. 各项金额 / amounts. */
  label: Bilingual;
  offered: number[];
  notMoney: number[];
}

const NONE = '';

const columnLabel = (table: TableData, c: number): string => `${String(table.headers[c] ?? '').trim() || `第 ${c + 1} 列`}`;

export function columnChooser(table: TableData, fields: readonly FieldSpec[], numbers: NumberColumns | undefined, choice: ColumnChoice, onChange: (next: ColumnChoice) => void): HTMLElement {
  const rows = fields.map((f) => {
    const select = h('select', { attrs: { 'data-key': f.key, 'aria-label': `${f.zh} ${f.en}` } }, option(NONE, '（不填 none）'), ...table.headers.map((_, c) => option(String(c), columnLabel(table, c))));
    const at = choice.columns[f.key];
    select.value = at === undefined ? NONE : String(at);
    select.addEventListener('change', () => onChange({ ...choice, columns: { ...choice.columns, [f.key]: select.value === NONE ? undefined : Number(select.value) } }));
    const state = at !== undefined ? 'found' : f.required ? 'missing' : 'absent';
    const note = at !== undefined ? [] : f.required ? [bi('span', '缺少（必需）', 'missing (required)', 'warn')] : [bi('span', '未提供（可选）', 'not given (optional)', 'muted')];
    return h('li', { className: state }, h('span', { text: `${f.zh} ${f.en}` }), ' ← ', select, ...note);
  });
  const parts: HTMLElement[] = [h('ul', { className: 'mapping' }, ...rows)];
  if (numbers) {
    const boxes = numbers.offered.map((c) => {
      const box = h('input', { attrs: { type: 'checkbox', 'data-column': String(c) } });
      box.checked = choice.numbers.includes(c);
      box.addEventListener('change', () => {
        const ticked = box.checked ? [...choice.numbers, c] : choice.numbers.filter((x) => x !== c);
        onChange({ ...choice, numbers: numbers.offered.filter((x) => ticked.includes(x)) });
      });
      return h('label', { className: 'inline check' }, box, ` ${columnLabel(table, c)}`);
    });
    parts.push(
      bi('p', `${numbers.label.zh}取自这些列（从左到右）：`, `${numbers.label.en} from these columns (left to right):`, 'label'),
      boxes.length > 0 ? h('div', { className: 'number-columns' }, ...boxes) : bi('p', '（没有可用的列）', '(no column can be used)', 'warn'),
    );
    if (numbers.notMoney.length > 0) {
      const names = numbers.notMoney.map((c) => columnLabel(table, c));
      parts.push(
        bi('p', `数字列 ${names.join('、')} 的列名不表示金额，不会当作金额；若是金额，请把列名改为如“${names[0]}（元）”后重新读取`, `The number columns ${names.join(', ')} are not money by their headers and are never taken as money; if they are, rename them e.g. "${names[0]}（元）" and read the table again`, 'hint'),
      );
    }
  }
  return h('div', { className: 'column-chooser' }, ...parts);
}
