/**
 * 报表 Forms: the service's official forms. The view lists the columns the chosen form
 * expects. The data is the form's example, or a table / the selection in the workbook: "读取列"
 * reads it and shows the column map (ui/column-chooser.ts), found by header names
 * (logic/form-fill.ts) and editable column by column, before anything is filled; 填报单位, 日期
 * and 文号 are fields. "写入新工作表" writes the laid-out form (POST /forms/{id}/layout) into
 * a new sheet ready to print, "下载 .xlsx" saves the service's own file (POST /forms/{id}).
 */
import type { FormSummary } from '../../../contracts/forms.js';
import type { TableData } from '../logic/column-map.js';
import { type ColumnChoice, expectedColumns, numberColumns, numberListName, payloadFromTable, rowFieldSpecs, suggestedChoice, withHeaderFields, type FormDetail } from '../logic/form-fill.js';
import { columnChooser } from '../ui/column-chooser.js';
import { needsOutsideDownload, openOutside, saveFile } from '../ui/download.js';
import { $, bi, h, option } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import { HostError } from '../excel/host-error.js';
import { requireHost, sourceLabel, type ViewContext } from './context.js';

/** A table read for a form, and how its columns feed that form. */
interface Mapped {
  formId: string;
  table: TableData;
  choice: ColumnChoice;
}

export function formsView(ctx: ViewContext): { open(): Promise<void> } {
  let forms: FormSummary[] = [];
  let mapped: Mapped | undefined;
  const details = new Map<string, Promise<FormDetail>>();
  const status = new Status($('form-status'), () => Array.from(document.querySelectorAll<HTMLButtonElement>('#panel-forms button')));
  const select = $<HTMLSelectElement>('form-id');

  const current = (): FormSummary | undefined => forms.find((f) => f.id === select.value);

  const detailOf = (id: string): Promise<FormDetail> => {
    let p = details.get(id);
    if (!p) {
      p = Promise.all([ctx.api.call('form', { params: { id } }), ctx.api.call('formExample', { params: { id } })]).then(([d, example]) => ({ ...d, example }));
      p.catch(() => details.delete(id));
      details.set(id, p);
    }
    return p;
  };

  function showSummary(): void {
    const f = current();
    const el = $('form-summary');
    el.textContent = f ? `${f.summary.zh}（${f.orientation === 'landscape' ? '横向 landscape' : '纵向 portrait'}）` : '';
    if (f) el.title = f.summary.en;
    $('form-download-link').replaceChildren();
    forget();
  }

  /** A new form, source or table: the columns read before no longer apply; the expected columns are listed again. */
  function forget(): void {
    mapped = undefined;
    $('form-columns').replaceChildren();
    const f = current();
    if (f) void showColumns(f.id);
  }

  /** The columns the chosen form expects, so the clerk can name the table's columns to match. */
  async function showColumns(id: string): Promise<void> {
    const detail = await detailOf(id).catch(() => undefined);
    if (!detail || current()?.id !== id || mapped) return;
    $('form-columns').replaceChildren(
      h(
        'ul',
        { className: 'mapping' },
        ...expectedColumns(detail).map((c) => h('li', { className: 'expected' }, h('span', { text: `${c.zh} ${c.en}` }), c.required ? bi('span', '（必需）', 'required', 'muted') : bi('span', '（可选）', 'optional', 'muted'))),
      ),
    );
  }

  /** The editable column map of the table read for the current form. */
  function showMap(detail: FormDetail, m: Mapped): void {
    const taken = new Set(Object.values(m.choice.columns).filter((c): c is number => c !== undefined));
    const label = numberListName(detail);
    const numbers = label && { label, ...numberColumns(detail, m.table, taken) };
    $('form-columns').replaceChildren(
      columnChooser(m.table, rowFieldSpecs(detail), numbers, m.choice, (next) => {
        m.choice = next;
        showMap(detail, m);
        preview(detail, m);
      }),
    );
  }

  /** What the map gives: the rows and notes, or what is still missing. */
  function preview(detail: FormDetail, m: Mapped): void {
    const prepared = payloadFromTable(detail, m.table, m.choice);
    if (prepared.ok) {
      const list = Object.values(prepared.body).find(Array.isArray) as unknown[] | undefined;
      status.ok(`已读取“${m.table.name}”的 ${list?.length ?? 0} 行：请核对上面的列对应，再写入或下载`, `Read ${list?.length ?? 0} rows of "${m.table.name}": check the column map above, then write or download`, prepared.notes);
    } else {
      status.error(new HostError('按当前的列对应还不能填写报表', 'The form cannot be filled with the column map as it is'), prepared.problems);
    }
  }

  /** 填报单位, 日期 and 文号 as the clerk typed them. */
  const headerFields = () => ({ unit: $<HTMLInputElement>('form-unit').value, date: $<HTMLInputElement>('form-date').value, documentLine: $<HTMLInputElement>('form-docline').value });

  async function refreshTables(): Promise<void> {
    const list = $<HTMLSelectElement>('form-table');
    const keep = list.value;
    const tables = ctx.host ? (await ctx.host.listSources()).filter((s) => s.kind === 'table') : [];
    list.replaceChildren(option('selection', '当前选区（第一行为列名） the selection'), ...tables.map((t) => option(t.name, sourceLabel(t))));
    if (Array.from(list.options).some((o) => o.value === keep)) list.value = keep;
  }

  const sourceChoice = (): 'example' | 'workbook' => ($<HTMLInputElement>('form-source-workbook').checked ? 'workbook' : 'example');

  /** Reads the chosen table or selection and shows its column map; undefined when it could not be read. */
  async function readColumns(): Promise<Mapped | undefined> {
    const f = current();
    if (!f) return undefined;
    if (sourceChoice() === 'example') {
      status.info('示例数据不需要对应列：直接写入或下载', 'The example needs no column map: write or download it');
      return undefined;
    }
    const read = await status.run('正在读取表格…', 'Reading the table…', async () => {
      const detail = await detailOf(f.id);
      const chosen = $<HTMLSelectElement>('form-table').value;
      const table = await requireHost(ctx).readTable(chosen === 'selection' ? { kind: 'selection' } : { kind: 'table', name: chosen });
      return { detail, table };
    });
    if (!read || current()?.id !== f.id) return undefined;
    mapped = { formId: f.id, table: read.table, choice: suggestedChoice(read.detail, read.table) };
    showMap(read.detail, mapped);
    preview(read.detail, mapped);
    return mapped;
  }

  /** The payload to lay out: the example, or the table under its column map; with the header fields. */
  async function payload(): Promise<Record<string, unknown> | undefined> {
    const f = current();
    if (!f) return undefined;
    const detail = await status.run('正在准备数据…', 'Preparing the data…', () => detailOf(f.id));
    if (!detail) return undefined;
    if (sourceChoice() === 'example') return withHeaderFields(detail.example, headerFields());
    // The column map is shown before anything is filled: a table not read yet is read and its map shown, and the clerk then writes.
    if (mapped?.formId !== f.id) {
      await readColumns();
      return undefined;
    }
    const m = mapped;
    const prepared = payloadFromTable(detail, m.table, m.choice);
    if (!prepared.ok) {
      status.error(new HostError('按当前的列对应还不能填写报表：请在上面为缺少的列选一列', 'The form cannot be filled with the column map as it is: choose a column for each missing one above'), prepared.problems);
      return undefined;
    }
    return withHeaderFields(prepared.body, headerFields());
  }

  async function write(): Promise<void> {
    const f = current();
    const body = await payload();
    if (!f || !body) return;
    const done = await status.run('正在排版报表…', 'Laying out the form…', async () => {
      const host = requireHost(ctx);
      const grid = await ctx.api.call('formLayout', { params: { id: f.id }, body });
      status.busy('正在写入新工作表…', 'Writing the new sheet…');
      return host.writeGrid(grid, undefined, (d, t) => status.progress(d, t));
    });
    if (done) status.ok(`已写入新工作表“${done.sheet}”：A4、一页宽、表头每页重复`, `Wrote the new sheet "${done.sheet}": A4, one page wide, header repeated on each page`, done.notes);
  }

  async function download(): Promise<void> {
    const f = current();
    const body = await payload();
    if (!f || !body) return;
    if (needsOutsideDownload()) {
      const link = await status.run('正在生成下载链接…', 'Making a download link…', () =>
        ctx.api.call('formLink', { params: { id: f.id }, body }),
      );
      if (!link) return;
      const url = `${ctx.api.baseUrl()}${link.url}`;
      if (openOutside(url, link.fileName, $('form-download-link'))) {
        status.ok(`已在浏览器中打开“${link.fileName}”的下载链接，并记入审计日志`, `Opened the download of "${link.fileName}" in your browser; the export is in the audit log`);
      } else {
        status.ok('此版本的 Excel 不能打开浏览器：请把下方链接复制到浏览器中下载', 'This Excel cannot open a browser: copy the link below into a browser to download');
      }
      return;
    }
    const file = await status.run('正在生成 .xlsx…', 'Making the .xlsx…', () => ctx.api.file('formXlsx', `${f.title}.xlsx`, { params: { id: f.id }, body }));
    if (!file) return;
    saveFile(file.blob, file.fileName, $('form-download-link'));
    status.ok(`已生成“${file.fileName}”（${Math.ceil(file.blob.size / 1024)} KB），并记入审计日志`, `Made "${file.fileName}"; the export is in the audit log`);
  }

  select.addEventListener('change', showSummary);
  $('form-fill').addEventListener('click', () => void readColumns());
  $('form-write').addEventListener('click', () => void write());
  $('form-download').addEventListener('click', () => void download());
  // A new source means new data: the column map read before is dropped so it is not written by mistake.
  for (const id of ['form-source-example', 'form-source-workbook']) {
    $(id).addEventListener('change', () => {
      $<HTMLSelectElement>('form-table').disabled = sourceChoice() !== 'workbook';
      forget();
    });
  }
  $('form-table').addEventListener('change', forget);

  async function open(): Promise<void> {
    const loaded = await status.run('正在读取报表列表…', 'Reading the list of forms…', async () => {
      if (forms.length === 0) {
        forms = (await ctx.api.call('forms')).forms;
        select.replaceChildren(...forms.map((f) => option(f.id, f.title)));
        showSummary();
      }
      await refreshTables();
      return true;
    });
    if (loaded) status.info(`共 ${forms.length} 种报表`, `${forms.length} forms`);
    $<HTMLSelectElement>('form-table').disabled = sourceChoice() !== 'workbook';
  }
  return { open };
}
