/**
 * "教师编号 ← 工号" lines: which column of a table was taken for each field a view needs,
 * and which required fields were not found. Plans and forms show the same list.
 */
import { mapColumns, type FieldSpec, type TableData } from '../logic/column-map.js';
import { bi, h } from './dom.js';

export function mappingList(table: TableData, fields: readonly FieldSpec[]): HTMLElement {
  const { columns } = mapColumns(table.headers, fields);
  return h(
    'ul',
    { className: 'mapping' },
    ...fields.map((f) => {
      const at = columns[f.key];
      if (at !== undefined) return h('li', { className: 'found' }, h('span', { text: `${f.zh} ${f.en}` }), ' ← ', h('code', { text: table.headers[at] ?? '' }));
      return h('li', { className: f.required ? 'missing' : 'absent' }, h('span', { text: `${f.zh} ${f.en}` }), f.required ? bi('span', '：缺少（必需）', 'missing (required)', 'warn') : bi('span', '：未提供（可选）', 'not given (optional)', 'muted'));
    }),
  );
}

