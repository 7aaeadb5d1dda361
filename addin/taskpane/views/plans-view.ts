/**
 * 计划 Plans: the teacher rotation plan and the school consolidation plan, each from Excel
 * tables the user picks. Columns are found by their headers; the pane shows which column
 * it took for what, sends the request and writes the plan to a new sheet. When the rules
 * cannot all be met, the reasons are listed by school and rule.
 */
import { ClientError } from '../../../client/index.js';
import type { RouteAnswer } from '../../../contracts/routes.js';
import type { SourceInfo } from '../excel/host.js';
import { mapColumns, type FieldSpec, type TableData } from '../logic/column-map.js';
import { mappingList } from '../ui/mapping-list.js';
import { CONSOLIDATION_FIELDS, DISTANCE_FIELDS, SCHOOL_FIELDS, TEACHER_FIELDS } from '../logic/plan-fields.js';
import { consolidationRequest, parseThresholds, rotationRequest, type RotationParameters } from '../logic/plan-requests.js';
import { consolidationGrid, describePlanProblem, rotationPlanGrid } from '../logic/plan-grids.js';
import { $, bi, h, option } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import { HostError } from '../excel/host-error.js';
import { requireHost, sourceLabel, type ViewContext } from './context.js';

const PLAN_TIMEOUT_MS = 120_000;

function optionalNumber(id: string, scale = 1): number | undefined {
  const raw = $<HTMLInputElement>(id).value.trim();
  if (raw === '') return undefined;
  const n = Number(raw.normalize('NFKC'));
  if (!Number.isFinite(n) || n < 0) {
    const label = document.querySelector(`label[for="${id}"]`)?.textContent?.trim() ?? id;
    throw new HostError(`“${label}”应为不小于 0 的数字，现在是“${raw}”`, `"${label}" must be a number of at least 0, not "${raw}"`);
  }
  return n / scale;
}

export function plansView(ctx: ViewContext): { open(): Promise<void> } {
  const controls = () => Array.from(document.querySelectorAll<HTMLButtonElement>('#panel-plans button'));
  const rotStatus = new Status($('rot-status'), controls);
  const conStatus = new Status($('con-status'), controls);
  let tables: SourceInfo[] = [];

  /**
   * Fills a table list and, unless the user already chose, picks the table whose headers
   * match the most of `fields` (required ones count double), so the usual choice is made.
   * `avoid` is the table already picked for the other role: one table never serves both.
   */
  function fillSelect(id: string, optional: boolean, fields: readonly FieldSpec[], avoid = ''): void {
    const select = $<HTMLSelectElement>(id);
    const keep = select.value;
    select.replaceChildren(...(optional ? [option('', '（不使用 none）')] : []), ...tables.map((t) => option(t.name, sourceLabel(t))));
    if (keep !== '' && keep !== avoid && tables.some((t) => t.name === keep)) {
      select.value = keep;
      return;
    }
    const score = (t: SourceInfo) => {
      const { columns, missing } = mapColumns(t.headers ?? [], fields);
      return missing.length > 0 ? 0 : fields.reduce((sum, f) => sum + (f.key in columns ? (f.required ? 2 : 1) : 0), 0);
    };
    const best = tables
      .filter((t) => t.name !== avoid)
      .map((t) => ({ t, s: score(t) }))
      .sort((a, b) => b.s - a.s)[0];
    if (best && best.s > 0) select.value = best.t.name;
  }

  async function refreshTables(): Promise<void> {
    tables = ctx.host ? (await ctx.host.listSources()).filter((s) => s.kind === 'table') : [];
    fillSelect('rot-teachers', false, TEACHER_FIELDS);
    fillSelect('rot-schools', false, SCHOOL_FIELDS, $<HTMLSelectElement>('rot-teachers').value);
    fillSelect('con-schools', false, CONSOLIDATION_FIELDS);
    fillSelect('con-distances', true, DISTANCE_FIELDS, $<HTMLSelectElement>('con-schools').value);
    $('plans-empty').hidden = tables.length > 0;
  }

  const readTable = (name: string): Promise<TableData> => {
    if (!name) throw new HostError('请先选择表格：工作簿中需要有 Excel 表格（插入 > 表格）', 'Choose a table first: the workbook needs Excel tables (Insert > Table)');
    return requireHost(ctx).readTable({ kind: 'table', name });
  };

  /** The teacher and school tables, read after checking they are two different tables. */
  async function rotationTables(): Promise<[TableData, TableData]> {
    const teacherName = $<HTMLSelectElement>('rot-teachers').value;
    const schoolName = $<HTMLSelectElement>('rot-schools').value;
    if (teacherName !== '' && teacherName === schoolName) {
      throw new HostError(
        `教师表和学校表选了同一个表格“${teacherName}”：教师名单与学校名单应是两个表格，请在“学校表”中另选一个`,
        `The teacher table and the school table are the same table "${teacherName}": the teacher list and the school list are two tables; choose another school table`,
      );
    }
    return Promise.all([readTable(teacherName), readTable(schoolName)]);
  }

  function rotationParameters(): RotationParameters {
    const p: RotationParameters = {};
    const rate = optionalNumber('rot-rate', 100);
    const share = optionalNumber('rot-share', 100);
    const minYears = optionalNumber('rot-min-years');
    const exempt = optionalNumber('rot-exempt');
    if (rate !== undefined) p.rate = rate;
    if (share !== undefined) p.backboneShare = share;
    if (minYears !== undefined) p.minYears = minYears;
    if (exempt !== undefined) p.exemptYears = Math.round(exempt);
    const base = $<HTMLSelectElement>('rot-base').value;
    if (base === 'rotating' || base === 'eligible') p.backboneBase = base;
    const asOf = $<HTMLInputElement>('rot-asof').value;
    if (asOf) p.asOf = asOf;
    return p;
  }

  async function checkRotation(): Promise<void> {
    const shown = await rotStatus.run('正在读取表格…', 'Reading the tables…', async () => {
      const [teachers, schools] = await rotationTables();
      $('rot-mapping').replaceChildren(bi('h3', `教师表 ${teachers.name}`, 'teachers'), mappingList(teachers, TEACHER_FIELDS), bi('h3', `学校表 ${schools.name}`, 'schools'), mappingList(schools, SCHOOL_FIELDS));
      return true;
    });
    if (shown) rotStatus.info('下面是识别出的列', 'These are the columns found');
  }

  async function planRotation(): Promise<void> {
    const done = await rotStatus.run('正在读取表格…', 'Reading the tables…', async () => {
      const parameters = rotationParameters();
      const [teachers, schools] = await rotationTables();
      const prepared = rotationRequest(teachers, schools, parameters);
      if (!prepared.ok) throw Object.assign(new HostError('表格中有需要先改正的地方', 'The tables need correcting first'), { items: prepared.problems });
      rotStatus.busy(`正在编制计划（${prepared.body.teachers.length} 名教师，${prepared.body.schools.length} 所学校）…`, `Solving the plan (${prepared.body.teachers.length} teachers, ${prepared.body.schools.length} schools)…`);
      let plan: RouteAnswer<'rotationPlan'>;
      try {
        plan = await ctx.api.call('rotationPlan', { body: prepared.body }, { timeoutMs: PLAN_TIMEOUT_MS });
      } catch (err) {
        if (err instanceof ClientError && err.items.length > 0) {
          const count = err.items.length + err.more;
          const headline =
            err.code === 'ROTATION_INFEASIBLE'
              ? new HostError(`有 ${count} 条规则无法满足，未编制计划：请按下列各条调整后重试`, `${count} rule(s) cannot be met, so no plan was made: adjust as listed and try again`)
              : new HostError(`表格数据有 ${count} 处问题，未编制计划：请按下列各条改正后重试`, `The tables have ${count} problem(s), so no plan was made: correct them as listed and try again`);
          throw Object.assign(headline, {
            items: [
              ...err.items.map((p) => {
                const d = describePlanProblem(p);
                return h('span', {}, h('strong', { text: d.where || '—' }), ` · ${d.rule.zh} `, h('span', { className: 'en', text: d.rule.en }), h('br'), `${d.zh} `, h('span', { className: 'en', text: d.en }));
              }),
              ...(err.more > 0 ? [bi('span', `另有 ${err.more} 条未列出：改正以上各条后再试`, `${err.more} more not listed: fix the above and try again`)] : []),
            ],
          });
        }
        throw err;
      }
      rotStatus.busy('正在写入《教师交流轮岗计划表》…', 'Writing the rotation plan sheet…');
      const written = await requireHost(ctx).writeGrid(rotationPlanGrid(plan), undefined, (d, t) => rotStatus.progress(d, t));
      return { plan, written, notes: prepared.notes };
    });
    if (!done) return;
    const t = done.plan.totals;
    rotStatus.ok(
      `已写入新工作表“${done.written.sheet}”：交流 ${t.rotating} 人，其中骨干 ${t.backboneRotating} 人；学科需求 ${t.needs} 人，已安排 ${t.needsFilled} 人`,
      `Wrote "${done.written.sheet}": ${t.rotating} rotate, ${t.backboneRotating} backbone; ${t.needsFilled} of ${t.needs} subject needs filled`,
      [...done.notes, ...done.plan.warnings, ...done.written.notes],
    );
  }

  async function checkConsolidation(): Promise<void> {
    const shown = await conStatus.run('正在读取表格…', 'Reading the tables…', async () => {
      const schools = await readTable($<HTMLSelectElement>('con-schools').value);
      const distanceName = $<HTMLSelectElement>('con-distances').value;
      const parts: HTMLElement[] = [bi('h3', `学校表 ${schools.name}`, 'schools'), mappingList(schools, CONSOLIDATION_FIELDS)];
      if (distanceName) {
        const distances = await readTable(distanceName);
        parts.push(bi('h3', `距离表 ${distances.name}`, 'distances'), mappingList(distances, DISTANCE_FIELDS));
      }
      $('con-mapping').replaceChildren(...parts);
      return true;
    });
    if (shown) conStatus.info('下面是识别出的列', 'These are the columns found');
  }

  async function planConsolidation(): Promise<void> {
    const done = await conStatus.run('正在读取表格…', 'Reading the tables…', async () => {
      const thresholds = parseThresholds($<HTMLInputElement>('con-thresholds').value);
      if (!thresholds) throw new HostError('“人数线”应为从小到大的整数，用逗号分开，如 10, 30', 'The pupil thresholds must be whole numbers in ascending order, e.g. 10, 30');
      const maxDistanceKm = optionalNumber('con-max-km');
      const schools = await readTable($<HTMLSelectElement>('con-schools').value);
      const distanceName = $<HTMLSelectElement>('con-distances').value;
      const distances = distanceName ? await readTable(distanceName) : undefined;
      const prepared = consolidationRequest(schools, distances, {
        thresholds,
        thresholdRule: $<HTMLSelectElement>('con-rule').value === 'below' ? 'below' : 'atMost',
        expansion: $<HTMLInputElement>('con-expansion').checked,
        ...(maxDistanceKm !== undefined && maxDistanceKm > 0 ? { maxDistanceKm } : {}),
      });
      if (!prepared.ok) throw Object.assign(new HostError('表格中有需要先改正的地方', 'The tables need correcting first'), { items: prepared.problems });
      conStatus.busy('正在编制布局调整方案…', 'Making the consolidation plan…');
      const plan = await ctx.api.call('consolidationPlan', { body: prepared.body }, { timeoutMs: PLAN_TIMEOUT_MS });
      conStatus.busy('正在写入方案工作表…', 'Writing the plan sheet…');
      const written = await requireHost(ctx).writeGrid(consolidationGrid(plan), undefined, (d, t) => conStatus.progress(d, t));
      return { plan, written };
    });
    if (!done) return;
    const s = done.plan.summary;
    const reasons = done.plan.notMerged
      .filter((n) => n.reason !== 'kept')
      .slice(0, 10)
      .map((n) =>
        n.reason === 'noSeats'
          ? { zh: `${n.schoolName || n.schoolId}：最近的接收学校学位不足，还缺 ${n.seatsShort} 个`, en: `${n.schoolName || n.schoolId}: the nearest receiving school is ${n.seatsShort} seats short` }
          : { zh: `${n.schoolName || n.schoolId}：限定距离内没有接收学校`, en: `${n.schoolName || n.schoolId}: no receiving school within the distance limit` },
      );
    conStatus.ok(`已写入新工作表“${done.written.sheet}”。${s.text.zh}`, s.text.en, [...reasons, ...done.written.notes]);
  }

  // A teacher table chosen by hand moves the school table off it when they coincide.
  $('rot-teachers').addEventListener('change', () => {
    if ($<HTMLSelectElement>('rot-schools').value === $<HTMLSelectElement>('rot-teachers').value) {
      $<HTMLSelectElement>('rot-schools').value = '';
      fillSelect('rot-schools', false, SCHOOL_FIELDS, $<HTMLSelectElement>('rot-teachers').value);
    }
  });
  $('rot-check').addEventListener('click', () => void checkRotation());
  $('rot-plan').addEventListener('click', () => void planRotation());
  $('con-check').addEventListener('click', () => void checkConsolidation());
  $('con-plan').addEventListener('click', () => void planConsolidation());
  $('plans-refresh').addEventListener('click', () => void open());

  async function open(): Promise<void> {
    await refreshTables().catch((err) => rotStatus.error(err));
  }
  return { open };
}
