/**
 * The plans as sheets. The rotation plan becomes 教师交流轮岗计划表 in the forms' printed
 * look: the list of who goes where, a 合计 row, then each sending school's quota against
 * what the plan does and each receiving school's needs against what it gets. The
 * consolidation plan arrives with its rows laid out by the service (sheet.rows, with the
 * title, section and header rows named); here it gets styles, borders and print settings.
 */
import type { ConsolidationPlan } from '../../../formulas/balance/consolidation-schema.js';
import { yesNoText } from '../../../formulas/core/cells.js';
import { UNPLACED_TEXT } from '../../../formulas/rotation/plan-sheet.js';
import type { PlanProblem, PlanResult, PlanRow, PlanRule } from '../../../formulas/rotation/plan-types.js';
import { rangeAddress } from '../excel/a1.js';
import { a4Print, fitRowHeights, paneStyles, type PaneGrid } from '../excel/pane-grid.js';

type Cell = PaneGrid['cells'][number][number];

class Sheet {
  readonly cells: Cell[][] = [];
  readonly merges: PaneGrid['merges'] = [];
  constructor(readonly width: number) {}
  row(values: Cell[]): number {
    const padded = [...values];
    while (padded.length < this.width) padded.push({ value: null, style: 'blank' });
    this.cells.push(padded);
    return this.cells.length - 1;
  }
  full(value: string, style: string): number {
    const r = this.row([{ value, style }, ...Array.from({ length: this.width - 1 }, () => ({ value: null, style }))]);
    this.merges.push({ top: r, left: 0, bottom: r, right: this.width - 1 });
    return r;
  }
  blank(): number {
    return this.row([]);
  }
}

function rowCells(r: PlanRow, key: string): Cell {
  switch (key) {
    case 'seq':
      return { value: r.seq, style: 'centerNumber' };
    case 'toSchool':
      return { value: r.toSchool ?? UNPLACED_TEXT, style: 'text' };
    case 'backbone':
      return { value: yesNoText(r.backbone), style: 'center' };
    case 'yearsAtSchool':
      return { value: r.yearsAtSchool, style: 'integer' };
    case 'distance':
      return { value: r.distance, style: 'general' };
    case 'fillsNeed':
      return { value: r.toSchool === null ? '—' : yesNoText(r.fillsNeed), style: 'center' };
    case 'teacherId':
    case 'name':
    case 'subject':
      return { value: String(r[key as keyof PlanRow] ?? ''), style: 'center' };
    default:
      return { value: String(r[key as keyof PlanRow] ?? ''), style: 'text' };
  }
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** The service's columns of the plan, and whether the teacher fills a stated subject need. */
const FILLS_NEED = { key: 'fillsNeed', zh: '填补学科需求', en: 'Fills a need' } as const;

export function rotationPlanGrid(plan: PlanResult): PaneGrid {
  const columns: { key: string; zh: string }[] = [...plan.form.columns, FILLS_NEED];
  // Two columns for school names in the summaries below, then eight numbers.
  const width = Math.max(columns.length, 10);
  const sheet = new Sheet(width);
  const p = plan.parameters;
  const t = plan.totals;
  sheet.full(plan.form.title, 'title');
  sheet.full(
    `交流比例不低于符合条件教师的 ${pct(p.rate)}，骨干教师不低于${p.backboneBase === 'eligible' ? '符合条件教师' : '交流人数'}的 ${pct(p.backboneShare)}；在同一学校任教满 ${p.minYears} 年者符合交流条件${p.exemptYears !== null ? `，距法定退休不足 ${p.exemptYears} 年者免于交流` : ''}（依据：${p.profile}）`,
    'subtitle',
  );
  const header = sheet.row([...columns.map((c): Cell => ({ value: c.zh, style: 'header' })), ...Array.from({ length: width - columns.length }, (): Cell => ({ value: null, style: 'header' }))]);
  for (const r of plan.rows) sheet.row([...columns.map((c) => rowCells(r, c.key)), ...Array.from({ length: width - columns.length }, (): Cell => ({ value: null, style: 'text' }))]);
  const total = sheet.row([
    { value: '合 计', style: 'total' },
    { value: null, style: 'total' },
    { value: null, style: 'total' },
    {
      value: `交流 ${t.rotating} 人，其中骨干教师 ${t.backboneRotating} 人；学科需求 ${t.needs} 人，已安排 ${t.needsFilled} 人${t.unplaced > 0 ? `；${t.unplaced} 人${UNPLACED_TEXT}` : ''}${t.travel !== null ? `；总距离 ${t.travel}` : ''}`,
      style: 'text',
    },
    ...Array.from({ length: width - 4 }, () => ({ value: null, style: 'text' })),
  ]);
  sheet.merges.push({ top: total, left: 0, bottom: total, right: 2 }, { top: total, left: 3, bottom: total, right: width - 1 });
  const listEnd = total;

  // School names take columns A:B (merged) in the summaries; the numbers follow.
  const schoolRow = (name: string, rest: Cell[], style = 'text'): void => {
    const r = sheet.row([{ value: name, style }, { value: null, style }, ...rest, ...Array.from({ length: width - 2 - rest.length }, (): Cell => ({ value: null, style: 'blank' }))]);
    sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
  };
  const headers = (names: string[]): Cell[] => names.map((value) => ({ value, style: 'header' }));

  sheet.blank();
  sheet.full('一、派出学校交流任务完成情况', 'section');
  schoolRow('学校', headers(['教师数', '符合交流条件', '其中临近退休免交流', '符合条件的骨干教师', '应交流人数', '骨干应交流', '实际交流', '其中骨干']), 'header');
  for (const s of plan.sending) {
    schoolRow(
      s.school || s.schoolId,
      [s.teachers, s.eligible, s.exempt, s.eligibleBackbone, s.quota, s.backboneQuota, s.rotating, s.backboneRotating].map((value): Cell => ({ value, style: 'integer' })),
    );
  }
  if (plan.receiving.length > 0) {
    sheet.blank();
    sheet.full('二、接收学校学科需求安排情况', 'section');
    schoolRow('学校', headers(['学科', '需求人数', '已安排', '尚缺', '接收总人数']), 'header');
    for (const r of plan.receiving) {
      const needs = r.needs.length > 0 ? r.needs : [{ subject: '—', need: 0, filled: 0 }];
      needs.forEach((n, i) => {
        schoolRow(i === 0 ? r.school || r.schoolId : '', [
          { value: n.subject, style: 'center' },
          { value: n.need, style: 'integer' },
          { value: n.filled, style: 'integer' },
          { value: Math.max(0, n.need - n.filled), style: 'integer' },
          { value: i === 0 ? r.received : '', style: 'integer' },
        ]);
      });
    }
  }
  for (const w of plan.warnings) sheet.full(`说明：${w.zh}`, 'note');

  const grid: PaneGrid = {
    title: plan.form.title,
    sheetName: plan.form.title,
    columns: [...columns.map((c) => ({ width: c.key === 'fromSchool' || c.key === 'toSchool' ? 20 : c.key === 'seq' ? 7 : c.key === 'name' || c.key === 'teacherId' ? 10 : 11 })), ...Array.from({ length: width - columns.length }, () => ({ width: 11 }))],
    cells: sheet.cells,
    merges: sheet.merges,
    styles: paneStyles('official'),
    bodyStart: header + 1,
    print: a4Print('landscape', { first: header + 1, last: header + 1 }, rangeAddress(0, 0, Math.max(listEnd, sheet.cells.length - 1), width - 1)),
  };
  grid.rows = fitRowHeights(grid);
  return grid;
}

/** Excel character units a text needs at 11 pt: a CJK character about 2.2, others about 1.2. */
const unitsOf = (text: string): number => [...text].reduce((n, ch) => n + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2.2 : 1.2), 0);

export function consolidationGrid(plan: ConsolidationPlan): PaneGrid {
  const { rows, titleRows, sectionRows, headerRows } = plan.sheet;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const titles = new Set(titleRows);
  const sections = new Set(sectionRows);
  const headers = new Set(headerRows);
  const merges: PaneGrid['merges'] = [];
  const widths = Array.from({ length: width }, () => 8);
  // A header row starts a bordered table as wide as its headers, running to the next blank row.
  let tableWidth = 0;
  const cells = rows.map((row, r) => {
    const blank = row.every((v) => v === '');
    const lastUsed = row.reduce<number>((last, v, c) => (v !== '' ? c : last), -1);
    if (headers.has(r)) tableWidth = lastUsed + 1;
    else if (blank || titles.has(r) || sections.has(r)) tableWidth = 0;
    // Rows outside a table with only their first cell filled are lines of text (the summary).
    if (titles.has(r) || sections.has(r) || (tableWidth === 0 && !blank && lastUsed === 0)) {
      merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
      const style = titles.has(r) ? 'title' : sections.has(r) ? 'section' : 'subtitle';
      return Array.from({ length: width }, (_, c) => ({ value: c === 0 ? (row[0] ?? '') : null, style }));
    }
    return Array.from({ length: width }, (_, c) => {
      const v = row[c] ?? '';
      const value = v === '' ? null : v;
      if (c >= tableWidth) return { value, style: 'blank' };
      // Headers wrap onto two lines; body cells set the width (at most 20, plus the indent).
      widths[c] = Math.max(widths[c]!, Math.min(20, Math.ceil(unitsOf(String(v)) * (headers.has(r) ? 0.5 : 1)) + 3));
      if (headers.has(r)) return { value, style: 'header' };
      return { value, style: typeof v === 'number' ? 'integer' : 'text' };
    });
  });
  const firstHeader = headerRows[0] ?? 0;
  const grid: PaneGrid = {
    title: rows[0]?.[0] ? String(rows[0][0]) : plan.sheet.name,
    sheetName: plan.sheet.name,
    columns: widths.map((w) => ({ width: w })),
    cells,
    merges,
    styles: paneStyles('official'),
    bodyStart: firstHeader + 1,
    print: a4Print('landscape', { first: firstHeader + 1, last: firstHeader + 1 }, rangeAddress(0, 0, Math.max(0, cells.length - 1), width - 1)),
  };
  grid.rows = fitRowHeights(grid);
  return grid;
}

const RULE_NAMES: Record<PlanRule, { zh: string; en: string }> = {
  quota: { zh: '交流比例', en: 'rotation quota' },
  backbone: { zh: '骨干教师比例', en: 'backbone share' },
  'quota-below-policy': { zh: '指定交流人数低于政策下限', en: 'assigned quota below the policy minimum' },
  'backbone-quota-below-policy': { zh: '指定骨干人数低于政策下限', en: 'assigned backbone quota below the policy minimum' },
  'backbone-above-quota': { zh: '骨干人数多于交流人数', en: 'backbone quota above the quota' },
  'duplicate-teacher': { zh: '教师编号重复', en: 'duplicate teacher id' },
  'duplicate-school': { zh: '学校编号重复', en: 'duplicate school id' },
  'unknown-school': { zh: '找不到教师所在学校', en: 'unknown school' },
  'unknown-distance-school': { zh: '距离指向未知学校', en: 'distance to an unknown school' },
  'missing-distance': { zh: '缺少距离', en: 'missing distance' },
  'missing-as-of': { zh: '缺少计算日期', en: 'missing as-of date' },
  'invalid-as-of': { zh: '计算日期无效', en: 'invalid as-of date' },
  'invalid-birthdate': { zh: '出生日期无效', en: 'invalid birthdate' },
  'invalid-retire-category': { zh: '退休类别无效', en: 'invalid retirement category' },
  profile: { zh: '政策参数', en: 'policy profile' },
};

/** A plan problem as the pane lists it: which school (or teacher), which rule, and the service's words. */
export function describePlanProblem(p: Partial<PlanProblem> & { zh: string; en: string }): { where: string; rule: { zh: string; en: string }; zh: string; en: string } {
  const where = p.school ? `${p.school}${p.schoolId && p.schoolId !== p.school ? `（${p.schoolId}）` : ''}` : p.teacherId ? `教师 ${p.teacherId}` : '';
  return { where, rule: (p.rule && RULE_NAMES[p.rule]) || { zh: '规则', en: 'rule' }, zh: p.zh, en: p.en };
}
