/**
 * 报表 Forms: the service's official forms. The data comes from the form's example or from
 * a table / the selection in the workbook (logic/form-fill.ts) and is shown for checking;
 * "写入新工作表" writes the laid-out form (POST /forms/{id}/layout) into a new sheet ready
 * to print, "下载 .xlsx" saves the service's own file (POST /forms/{id}).
 */
import type { FormSummary } from '../../../contracts/forms.js';
import { expectedColumns, payloadFromTable, rowFieldSpecs, withHeaderFields, type FormDetail } from '../logic/form-fill.js';
import { mappingList } from '../ui/mapping-list.js';
import { needsOutsideDownload, openOutside, saveFile } from '../ui/download.js';
import { $, bi, h, option } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import { HostError } from '../excel/host-error.js';
import { requireHost, sourceLabel, type ViewContext } from './context.js';

export function formsView(ctx: ViewContext): { open(): Promise<void> } {
  let forms: FormSummary[] = [];
  const details = new Map<string, Promise<FormDetail>>();
  const status = new Status($('form-status'), () => Array.from(document.querySelectorAll<HTMLButtonElement>('#panel-forms button')));
  const select = $<HTMLSelectElement>('form-id');
  const payloadBox = $<HTMLTextAreaElement>('form-payload');

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
    payloadBox.value = '';
    $('form-download-link').replaceChildren();
    $('form-columns').replaceChildren();
    if (f) void showColumns(f.id);
  }

  /** The columns the chosen form expects, so the clerk can name the table's columns to match. */
  async function showColumns(id: string): Promise<void> {
    const detail = await detailOf(id).catch(() => undefined);
    if (!detail || current()?.id !== id) return;
    $('form-columns').replaceChildren(
      h(
        'ul',
        { className: 'mapping' },
        ...expectedColumns(detail).map((c) => h('li', { className: 'expected' }, h('span', { text: `${c.zh} ${c.en}` }), c.required ? bi('span', '（必需）', 'required', 'muted') : bi('span', '（可选）', 'optional', 'muted'))),
      ),
    );
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

  async function fill(): Promise<Record<string, unknown> | undefined> {
    const f = current();
    if (!f) return undefined;
    const result = await status.run('正在准备数据…', 'Preparing the data…', async () => {
      const detail = await detailOf(f.id);
      if (sourceChoice() === 'example') return { payload: detail.example, notes: [{ zh: '示例数据仅作演示', en: 'The example data is illustrative only' }] };
      const chosen = $<HTMLSelectElement>('form-table').value;
      const table = await requireHost(ctx).readTable(chosen === 'selection' ? { kind: 'selection' } : { kind: 'table', name: chosen });
      $('form-columns').replaceChildren(mappingList(table, rowFieldSpecs(detail)));
      const prepared = payloadFromTable(detail, table);
      if (!prepared.ok) throw Object.assign(new HostError('无法从所选数据填写报表', 'The form cannot be filled from the chosen data'), { items: prepared.problems });
      return { payload: prepared.body, notes: prepared.notes };
    });
    if (!result) return undefined;
    payloadBox.value = JSON.stringify(result.payload, null, 2);
    ($('form-data') as HTMLDetailsElement).open = true;
    status.ok('数据已填入下方，可核对修改后写入或下载', 'The data is below: check or edit it, then write or download', result.notes);
    return result.payload;
  }

  async function payload(): Promise<Record<string, unknown> | undefined> {
    if (!payloadBox.value.trim()) {
      const filled = await fill();
      return filled && withHeaderFields(filled, headerFields());
    }
    try {
      return withHeaderFields(JSON.parse(payloadBox.value) as Record<string, unknown>, headerFields());
    } catch (err) {
      status.error(new HostError('下方的数据不是有效的 JSON：请检查引号、逗号和括号，或重新“填入数据”', `The data below is not valid JSON (${err instanceof Error ? err.message : String(err)}): check quotes, commas and brackets, or fill it in again`));
      payloadBox.focus();
      return undefined;
    }
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
  $('form-fill').addEventListener('click', () => void fill());
  $('form-write').addEventListener('click', () => void write());
  $('form-download').addEventListener('click', () => void download());
  // A new source means new data: the shown data is cleared so it is not written by mistake.
  for (const id of ['form-source-example', 'form-source-workbook']) {
    $(id).addEventListener('change', () => {
      $<HTMLSelectElement>('form-table').disabled = sourceChoice() !== 'workbook';
      payloadBox.value = '';
    });
  }
  $('form-table').addEventListener('change', () => (payloadBox.value = ''));

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
