/**
 * The compute-into-cells pane (compute.html), for Excel 2016, Excel 2019 and any Excel
 * without custom functions (manifest-taskpane.xml). No live formulas: the clerk picks a
 * function, its inputs and an output cell, and the pane writes the values. Each call is
 * recorded in the workbook (records.ts); 重新计算 runs every recorded call again.
 *
 * It uses the one client core (client/): the batching client, the settings (service
 * address, sign-in token, kept in the add-in's localStorage) and the connection check; from
 * the Office pane it takes the connection view and the status line.
 */
import { createClient } from '../../client/index.js';
import { bi, bilingual, h, $ } from '../taskpane/ui/dom.js';
import { Status } from '../taskpane/ui/status.js';
import { connectionView } from '../taskpane/views/connection-view.js';
import { excel11Host, type ComputeHost } from './excel11-host.js';
import { functionForm } from './function-form.js';
import { paneFunctionList } from './pane-function.js';
import { readRecords, saveRecords, withRecord, type ComputeRecord, type DocumentSettings } from './records.js';
import { runRecords, type RunResult } from './run-records.js';

const functions = paneFunctionList();
const edu = createClient({ store: window.localStorage, defaultUrl: window.location.origin, pure: new Set(functions.filter((f) => f.pure).map((f) => f.id)) });

const hasExcel = (): boolean => typeof Excel !== 'undefined' && typeof Excel.run === 'function';
const documentSettings = (): DocumentSettings | undefined => (typeof Office !== 'undefined' ? (Office.context?.document?.settings as DocumentSettings | undefined) : undefined);

function describe(record: ComputeRecord): string {
  const fn = functions.find((f) => f.id === record.fn);
  return `EDU.${record.fn} → ${record.written ?? record.output}${fn ? ` · ${fn.summary.zh}` : ''}`;
}

function start(): void {
  const host: ComputeHost | undefined = hasExcel() ? excel11Host() : undefined;
  const settings = documentSettings();
  const form = functionForm(functions, host);
  const computeStatus = new Status($('compute-status'), () => [$<HTMLButtonElement>('compute')]);
  const recalcStatus = new Status($('recalc-status'), () => [$<HTMLButtonElement>('recalc')]);
  const supported = typeof Office === 'undefined' || !Office.context?.requirements || Office.context.requirements.isSetSupported('ExcelApi', '1.1');
  $('no-excel').hidden = host !== undefined && settings !== undefined && supported;

  const records = (): ComputeRecord[] => (settings ? readRecords(settings).records : []);

  function showRecords(): void {
    const list = records();
    $('records').replaceChildren(
      ...list.map((record, i) => {
        const remove = bi('button', '删除记录', 'Remove', 'btn btn-small');
        remove.setAttribute('type', 'button');
        remove.addEventListener('click', () => void saveRecords(settings!, list.filter((_, j) => j !== i)).then(showRecords));
        return h('li', { attrs: { 'data-output': record.output } }, h('code', { text: describe(record) }), ' ', remove);
      }),
    );
    bilingual($('records-count'), `本工作簿记录了 ${list.length} 次计算。`, `${list.length} recorded calls in this workbook.`);
    const unreadable = settings ? readRecords(settings).unreadable : 0;
    if (unreadable > 0) $('records-count').append(` （${unreadable} 条记录无法识别，已跳过 / ${unreadable} unreadable records skipped）`);
  }

  const problems = (results: readonly RunResult[]) => results.filter((r) => r.problem).map((r) => ({ zh: `${r.record.output}：${r.problem!.zh}`, en: `${r.record.output}: ${r.problem!.en}` }));

  $('output-use').addEventListener('click', () => void host?.selection().then((a) => ($<HTMLInputElement>('output').value = a)));

  $('compute').addEventListener('click', () => {
    if (!host || !settings) return computeStatus.error({ zh: '请在 Excel 中打开本面板', en: 'Open this pane in Excel' });
    void computeStatus.run('正在计算并写入…', 'Computing and writing…', async () => {
      const fn = form.selected();
      const args = await form.sources(host);
      const typed = $<HTMLInputElement>('output').value;
      if (!typed.trim()) throw Object.assign(new Error('no output'), { zh: '请选择输出单元格（结果从这里向下、向右写）', en: 'Choose the output cell (the result is written down and right from it)' });
      const output = await host.resolveCell(typed);
      const previous = records().find((r) => r.output.toLowerCase() === output.toLowerCase());
      const [result] = await runRecords([{ fn: fn.id, args, output, ...(previous?.written ? { written: previous.written } : {}) }], host, edu.functions, functions);
      await saveRecords(settings, withRecord(records(), result!.record));
      showRecords();
      if (result!.problem) computeStatus.error(result!.problem);
      else computeStatus.ok(`已写入 ${result!.record.written}，并记入本工作簿。`, `Written to ${result!.record.written} and recorded in this workbook.`);
    });
  });

  $('recalc').addEventListener('click', () => {
    if (!host || !settings) return recalcStatus.error({ zh: '请在 Excel 中打开本面板', en: 'Open this pane in Excel' });
    void recalcStatus.run('正在重新计算全部记录…', 'Recalculating every recorded call…', async () => {
      // Cached answers may be stale after a policy profile changed: this is the pane's "recalculate everything".
      edu.functions.clearCache();
      const results = await runRecords(records(), host, edu.functions, functions);
      await saveRecords(settings, results.map((r) => r.record));
      showRecords();
      const bad = problems(results);
      if (bad.length > 0) recalcStatus.error({ zh: `${results.length} 次计算中有 ${bad.length} 次出错，错误已写在其输出单元格中：`, en: `${bad.length} of ${results.length} calls failed; each error is written in its output cell:`, items: bad });
      else recalcStatus.ok(`已重新计算 ${results.length} 次计算。`, `Recalculated ${results.length} calls.`);
    });
  });

  if (host) void host.tables().then((t) => form.refreshTables(t), () => undefined);
  showRecords();
  void connectionView(edu, () => undefined).refresh();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady(() => start());
else start();
