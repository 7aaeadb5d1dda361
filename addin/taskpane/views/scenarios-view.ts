/**
 * 情景 Scenarios: save the picked named ranges and tables as a new version on the service,
 * load a version back (after a confirmation listing exactly what is overwritten), compare
 * two or more side by side in a new sheet with a chart, and list a scenario's versions.
 */
import type { ScenarioHistory, ScenarioPage, ScenarioSaved, ScenarioSummary, ScenarioVersion } from '../../../contracts/records.js';
import { HostError } from '../excel/host-error.js';
import type { SourceInfo } from '../excel/host.js';
import { buildComparison, quantitiesOf, type ScenarioValues } from '../logic/compare.js';
import { comparisonGrid } from '../logic/comparison-grid.js';
import { guardCounts } from '../logic/formula-guard.js';
import { readSaved, sizeText, type SavedSource } from '../logic/saved-values.js';
import { confirmInPane } from '../ui/confirm.js';
import { $, bi, h, localTime, option } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import { requireHost, stamp, type ViewContext } from './context.js';

type Use = '' | 'input' | 'result';

const KIND_ZH = { range: '命名区域', table: '表格' } as const;
const KIND_EN = { range: 'named range', table: 'table' } as const;

export function scenariosView(ctx: ViewContext): { open(): Promise<void> } {
  let scenarios: ScenarioSummary[] = [];
  let sources: SourceInfo[] = [];
  const uses = new Map<string, Use>();
  const versionCache = new Map<string, Promise<ScenarioVersion>>();
  const panelControls = () => Array.from(document.querySelectorAll<HTMLButtonElement>('#panel-scenarios button'));
  const saveStatus = new Status($('scn-save-status'), panelControls);
  const loadStatus = new Status($('scn-load-status'), panelControls);
  const compareStatus = new Status($('scn-compare-status'), panelControls);
  const historyStatus = new Status($('scn-history-status'), () => []);
  const refreshStatus = new Status($('scn-refresh-status'), panelControls);
  const selectionStatus = new Status($('scn-selection-status'), panelControls);

  const fetchVersion = (id: string, version: number): Promise<ScenarioVersion> => {
    const key = `${id}@${version}`;
    let p = versionCache.get(key);
    if (!p) {
      p = ctx.api.call('scenarioVersion', { params: { id, n: version } });
      p.catch(() => versionCache.delete(key));
      versionCache.set(key, p);
    }
    return p;
  };

  function versionOptions(select: HTMLSelectElement, s: ScenarioSummary | undefined): void {
    select.replaceChildren(
      ...(s ? Array.from({ length: s.latestVersion }, (_, i) => s.latestVersion - i).map((v) => option(String(v), v === s.latestVersion ? `第 ${v} 版（最新）` : `第 ${v} 版`)) : []),
    );
  }

  function scenarioOptions(select: HTMLSelectElement): void {
    const keep = select.value;
    select.replaceChildren(...scenarios.map((s) => option(s.id, `${s.name}（${s.latestVersion} 个版本）`)));
    if (scenarios.some((s) => s.id === keep)) select.value = keep;
  }

  // ---- sources (what can be saved) ----
  function renderSources(): void {
    const body = $('scn-sources').querySelector('tbody')!;
    if (sources.length === 0) {
      const td = bi('td', '工作簿中没有命名区域或表格：先在“公式 > 名称管理器”定义名称，或用“插入 > 表格”创建表格', 'The workbook has no named ranges or tables: define names (Formulas > Name Manager) or insert a table');
      td.setAttribute('colspan', '3');
      td.className = 'muted';
      body.replaceChildren(h('tr', {}, td));
      return;
    }
    body.replaceChildren(
      ...sources.map((s, i) => {
        const select = h('select', { className: 'use', attrs: { id: `scn-use-${i}`, 'aria-label': `${s.name} 用作 use as` } }, option('', '不保存'), option('input', '输入'), option('result', '结果'));
        select.value = uses.get(s.name) ?? '';
        select.addEventListener('change', () => uses.set(s.name, select.value as Use));
        const name = h('td', {}, h('strong', { text: s.name }), h('br'), h('span', { className: 'muted small', text: `${KIND_ZH[s.kind]} ${KIND_EN[s.kind]}` }));
        const where = h('td', { className: 'small' }, `${s.sheet}!${s.address}`, h('br'), h('span', { className: 'muted', text: `${s.rows} 行 × ${s.columns} 列` }));
        return h('tr', {}, name, where, h('td', {}, select));
      }),
    );
  }

  async function refreshSources(): Promise<void> {
    if (!ctx.host) {
      $('scn-workbook').textContent = '—';
      sources = [];
      renderSources();
      return;
    }
    const [name, list] = await Promise.all([ctx.host.workbookName(), ctx.host.listSources()]);
    $('scn-workbook').textContent = name;
    sources = list;
    renderSources();
  }

  /** A plain selected range becomes a named range, listed and marked as an input. */
  async function nameSelection(): Promise<void> {
    const named = await selectionStatus.run('正在为选区命名…', 'Naming the selection…', async () => {
      const result = await requireHost(ctx).nameSelection($<HTMLInputElement>('scn-selection-name').value);
      uses.set(result.name, 'input');
      await refreshSources();
      return result;
    });
    if (!named) return;
    $<HTMLInputElement>('scn-selection-name').value = '';
    selectionStatus.ok(
      `已把选区 ${named.sheet}!${named.address} 命名为“${named.name}”，并设为“输入”：可在上表中改为“结果”`,
      `Named ${named.sheet}!${named.address} "${named.name}" and marked it as an input (change it above)`,
    );
  }

  // ---- scenario list ----
  async function refreshScenarios(): Promise<void> {
    // The most recent 1000 (the service pages the list); the total says when there are more.
    const page = await ctx.api.call('scenarios', { query: { limit: 1000 } });
    scenarios = page.scenarios;
    $('scn-names').replaceChildren(...scenarios.map((s) => option(s.name, s.name)));
    for (const id of ['scn-load-name', 'scn-history-name']) scenarioOptions($<HTMLSelectElement>(id));
    versionOptions($<HTMLSelectElement>('scn-load-version'), scenarios.find((s) => s.id === $<HTMLSelectElement>('scn-load-name').value));
    renderCompareList();
    const shown = page.total > scenarios.length ? `（共 ${page.total} 个，显示最近的 ${scenarios.length} 个）` : '';
    refreshStatus.info(`已保存方案 ${scenarios.length} 个${shown} · 可选区域和表格 ${sources.length} 个`, `${page.total} scenarios (${scenarios.length} shown) · ${sources.length} ranges/tables`);
    const empty = scenarios.length === 0;
    for (const id of ['scn-load-empty', 'scn-compare-empty', 'scn-history-empty']) $(id).hidden = !empty;
    if (!empty) await showHistory();
    else $('scn-history').querySelector('tbody')!.replaceChildren();
  }

  // ---- save ----
  async function save(): Promise<void> {
    const name = $<HTMLInputElement>('scn-name').value.trim();
    if (!name) {
      saveStatus.error(new HostError('请先填写方案名称', 'Enter a name for the scenario first'));
      $('scn-name').focus();
      return;
    }
    const picked = sources.filter((s) => uses.get(s.name));
    if (picked.length === 0) {
      saveStatus.error(new HostError('请至少把一个命名区域或表格设为“输入”或“结果”', 'Set at least one named range or table to "input" or "result"'));
      return;
    }
    const result = await saveStatus.run('正在读取工作簿中的数值…', 'Reading the values from the workbook…', async () => {
      const host = requireHost(ctx);
      const values = await host.readSources(picked, (d, t) => saveStatus.progress(d, t), { formulas: $<HTMLInputElement>('scn-save-formulas').checked });
      const inputs: Record<string, SavedSource> = {};
      const results: Record<string, SavedSource> = {};
      for (const s of picked) (uses.get(s.name) === 'input' ? inputs : results)[s.name] = values[s.name]!;
      saveStatus.busy('正在保存到服务…', 'Saving to the service…');
      const workbook = await host.workbookName();
      const personal = $<HTMLInputElement>('scn-personal').checked;
      return ctx.api.call('saveScenario', { body: { name, workbook, inputs, results, personal } }, { once: true });
    });
    if (!result) return;
    const personalNote = result.personal ? [{ zh: '含个人信息：只有人事和管理员可以查看内容', en: 'Holds personal information: only personnel and administrators may read it' }] : [];
    saveStatus.ok(`已保存“${result.name}”第 ${result.version} 版（${localTime(result.createdAt)}）`, `Saved "${result.name}" as version ${result.version}`, personalNote);
    $('scn-save-status').dataset.version = String(result.version);
    await refreshScenarios().catch((err) => refreshStatus.error(err));
  }

  // ---- load ----
  async function load(): Promise<void> {
    const s = scenarios.find((x) => x.id === $<HTMLSelectElement>('scn-load-name').value);
    if (!s) return loadStatus.error(new HostError('还没有保存的方案', 'There are no saved scenarios yet'));
    const version = Number($<HTMLSelectElement>('scn-load-version').value);
    const prepared = await loadStatus.run('正在取回方案并检查工作簿…', 'Fetching the scenario and checking the workbook…', async () => {
      const host = requireHost(ctx);
      const v = await fetchVersion(s.id, version);
      const saved: Record<string, SavedSource> = {};
      const unreadable: string[] = [];
      for (const [name, raw] of Object.entries(v.inputs ?? {})) {
        const value = readSaved(raw);
        if (value) saved[name] = value;
        else unreadable.push(name);
      }
      return { v, saved, unreadable, checks: await host.checkTargets(saved) };
    });
    if (!prepared) return;
    const { v, saved, unreadable, checks } = prepared;
    const savedFormulas: string[] = [];
    const writable = checks.filter((c) => c.found && !c.refused);
    const items = checks.map((c) => {
      const what = `${c.name}（${KIND_ZH[c.kind]} ${KIND_EN[c.kind]}）`;
      if (!c.found) return bi('li', `${what}：工作簿中没有，跳过`, 'not in this workbook; skipped', 'skip');
      if (c.refused) return bi('li', `${what}：${c.refused.zh}`, c.refused.en, 'skip');
      const size = sizeText(saved[c.name]!);
      const li = bi('li', `${what}：覆盖 ${c.writes}（${size.zh}）`, `overwrites ${c.writes} (${size.en})`, 'overwrite');
      if (c.current) li.append(bi('div', `大小改变：现为 ${c.current}`, `size changes: now ${c.current}`, 'small warn'));
      if (c.formulas > 0) li.append(bi('div', `其中 ${c.formulas} 个单元格现有公式，将被数值替换`, `${c.formulas} cells now hold formulas that will become values`, 'small warn'));
      const guard = guardCounts(saved[c.name]!.values, saved[c.name]!.formulas);
      if (guard.asText > 0) li.append(bi('div', `${guard.asText} 个以 = + - @ 开头的文字按文字写入，不会成为公式`, `${guard.asText} strings starting with = + - @ are written as text, never as formulas`, 'small'));
      savedFormulas.push(...guard.formulas);
      return li;
    });
    for (const name of unreadable) items.push(bi('li', `${name}：保存的内容不是区域或表格，跳过`, 'not a range or table; skipped', 'skip'));
    if (writable.length === 0) {
      loadStatus.error(
        new HostError(
          `“${v.name}”第 ${v.version} 版的输入在这个工作簿中都找不到对应的名称或表格：请打开保存时的工作簿（${v.workbook || '未记录'}）`,
          `None of version ${v.version}'s inputs has a matching name or table in this workbook: open the workbook it was saved from (${v.workbook || 'not recorded'})`,
        ),
        items,
      );
      return;
    }
    loadStatus.info('请确认要覆盖的区域', 'Confirm what will be overwritten');
    const body = h('div', {}, bi('p', `将把“${v.name}”第 ${v.version} 版（${v.author}，${localTime(v.createdAt)}）的输入写回工作簿：`, `Version ${v.version} of "${v.name}" will be written back:`), h('ul', { className: 'confirm-list' }, ...items));
    // Saved formulas come back only when the user ticks this (off by default) after seeing them.
    const restore = h('input', { attrs: { type: 'checkbox', id: 'scn-restore-formulas' } });
    if (savedFormulas.length > 0) {
      const shown = savedFormulas.slice(0, 5).join('  ');
      body.append(
        h('label', { className: 'inline check', attrs: { for: 'scn-restore-formulas' } }, restore, `恢复保存时有意保存的 ${savedFormulas.length} 个公式 Restore the ${savedFormulas.length} formulas saved on purpose`),
        h('p', { className: 'small muted' }, h('code', { text: shown + (savedFormulas.length > 5 ? ' …' : '') })),
      );
    }
    const yes = await confirmInPane($('scn-confirm'), { zh: '覆盖这些区域？', en: 'Overwrite these ranges?' }, body, { zh: '确定覆盖', en: 'Overwrite' });
    if (!yes) return loadStatus.info('已取消，工作簿没有改动', 'Cancelled; the workbook is unchanged');
    const restoreFormulas = (restore as HTMLInputElement).checked;
    const toWrite = Object.fromEntries(writable.map((c) => [c.name, saved[c.name]!]));
    const written = await loadStatus.run('正在写入工作簿…', 'Writing into the workbook…', () =>
      requireHost(ctx).writeSources(toWrite, (d, t) => loadStatus.progress(d, t), { restoreFormulas }),
    );
    if (!written) return;
    loadStatus.ok(`已载入“${v.name}”第 ${v.version} 版：写入 ${written.length} 个区域（${written.join('、')}）`, `Loaded version ${v.version} of "${v.name}": ${written.length} written`);
  }

  // ---- compare ----
  function renderCompareList(): void {
    const list = $('scn-compare-list');
    const before = new Map(Array.from(list.querySelectorAll<HTMLInputElement>('input[type=checkbox]')).map((c) => [c.value, c.checked]));
    list.replaceChildren(
      ...scenarios.map((s, i) => {
        const box = h('input', { attrs: { type: 'checkbox', id: `scn-cmp-${i}`, value: s.id } });
        box.checked = before.get(s.id) ?? false;
        const versions = h('select', { attrs: { id: `scn-cmp-v-${i}`, 'aria-label': `${s.name} 的版本 version` } });
        versionOptions(versions, s);
        box.addEventListener('change', () => void updateMainChoices());
        versions.addEventListener('change', () => void updateMainChoices());
        const label = h('label', { className: 'inline', attrs: { for: `scn-cmp-${i}` } }, s.name);
        return h('div', { className: 'compare-row' }, box, label, h('span', { className: 'base-tag', attrs: { 'data-base': '' } }), versions);
      }),
    );
    void updateMainChoices();
  }

  function chosen(): { s: ScenarioSummary; version: number; row: HTMLElement }[] {
    return scenarios.flatMap((s, i) => {
      const box = document.getElementById(`scn-cmp-${i}`) as HTMLInputElement | null;
      if (!box?.checked) return [];
      return [{ s, version: Number((document.getElementById(`scn-cmp-v-${i}`) as HTMLSelectElement).value), row: box.parentElement! }];
    });
  }

  async function chosenValues(): Promise<ScenarioValues[]> {
    const picked = chosen();
    const versions = await Promise.all(picked.map((p) => fetchVersion(p.s.id, p.version)));
    return versions.map((v) => ({ label: `${v.name} v${v.version}`, inputs: v.inputs ?? {}, results: v.results ?? {} }));
  }

  async function updateMainChoices(): Promise<void> {
    const picked = chosen();
    for (const tag of Array.from(document.querySelectorAll<HTMLElement>('#scn-compare-list [data-base]'))) tag.textContent = '';
    const baseTag = picked[0]?.row.querySelector<HTMLElement>('[data-base]');
    if (baseTag) baseTag.textContent = '基准 base';
    const select = $<HTMLSelectElement>('scn-main');
    if (picked.length < 2) {
      select.replaceChildren(option('', '（先勾选两个或更多方案 tick two or more）'));
      return;
    }
    try {
      const values = await chosenValues();
      const keep = select.value;
      const quantities = quantitiesOf(values, $<HTMLInputElement>('scn-compare-inputs').checked);
      select.replaceChildren(...quantities.map((q) => option(q.key, q.title)));
      if (quantities.some((q) => q.key === keep)) select.value = keep;
    } catch (err) {
      compareStatus.error(err);
    }
  }

  async function compare(): Promise<void> {
    if (chosen().length < 2) return compareStatus.error(new HostError('请勾选两个或更多方案（第一个勾选的是基准）', 'Tick two or more scenarios (the first ticked is the base)'));
    const done = await compareStatus.run('正在取回方案…', 'Fetching the scenarios…', async () => {
      const host = requireHost(ctx);
      const values = await chosenValues();
      const comparison = buildComparison(values, { includeInputs: $<HTMLInputElement>('scn-compare-inputs').checked, mainKey: $<HTMLSelectElement>('scn-main').value || undefined });
      if (comparison.blocks.length === 0) return { empty: true as const };
      compareStatus.busy('正在写入对比工作表…', 'Writing the comparison sheet…');
      const { grid, extras } = comparisonGrid(comparison, stamp(ctx.now()));
      const written = await host.writeGrid(grid, extras, (d, t) => compareStatus.progress(d, t));
      return { written, comparison };
    });
    if (!done) return;
    if ('empty' in done) return compareStatus.info('所选方案没有可对比的结果：保存方案时请把结果区域设为“结果”', 'The chosen scenarios have no results to compare: mark result ranges as "result" when saving');
    const skipped = done.comparison.skipped.map((n) => ({ zh: `“${n}”不是区域或表格，未对比`, en: `"${n}" is not a range or table; not compared` }));
    compareStatus.ok(`已写入新工作表“${done.written.sheet}”：${done.comparison.blocks.length} 组数据，含差额、变化率和图表`, `Wrote the new sheet "${done.written.sheet}" with differences and a chart`, [...skipped, ...done.written.notes]);
  }

  // ---- history ----
  async function showHistory(): Promise<void> {
    const id = $<HTMLSelectElement>('scn-history-name').value;
    if (!id) return;
    const history = await historyStatus.run('正在取回历史版本…', 'Fetching the versions…', () => ctx.api.call('scenarioVersions', { params: { id } }));
    if (!history) return;
    historyStatus.info(`“${history.name}”共 ${history.versions.length} 个版本`, `${history.versions.length} version(s)`);
    $('scn-history')
      .querySelector('tbody')!
      .replaceChildren(
        ...[...history.versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => h('tr', {}, h('td', { className: 'nowrap', text: `第 ${v.version} 版` }), h('td', { text: v.author }), h('td', { className: 'nowrap small', text: localTime(v.createdAt) }), h('td', { className: 'small', text: v.workbook || '—' }))),
      );
  }

  $('scn-name-selection').addEventListener('click', () => void nameSelection());
  $('scn-save').addEventListener('click', () => void save());
  $('scn-load').addEventListener('click', () => void load());
  $('scn-compare').addEventListener('click', () => void compare());
  $('scn-compare-inputs').addEventListener('change', () => void updateMainChoices());
  $('scn-load-name').addEventListener('change', () => versionOptions($<HTMLSelectElement>('scn-load-version'), scenarios.find((s) => s.id === $<HTMLSelectElement>('scn-load-name').value)));
  $('scn-history-name').addEventListener('change', () => void showHistory());
  $('scn-refresh').addEventListener('click', () => void open());

  async function open(): Promise<void> {
    await refreshStatus.run('正在读取方案列表和工作簿…', 'Reading the scenarios and the workbook…', async () => {
      await refreshSources();
      await refreshScenarios();
    });
  }
  return { open };
}
