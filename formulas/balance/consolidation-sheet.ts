/**
 * The consolidation plan in words and as a sheet: the seed's own summary sentence and the rows
 * the task pane writes to a new sheet (rectangular, padded with "", with the rows to style).
 */
import type { ConsolidationInput, ConsolidationPlan, MergeRow, NotMergedReason, NotMergedRow, ReceiverRow, SheetCell, StageSummary } from './consolidation-schema.js';

export function stageLabel(input: ConsolidationInput, threshold: number): { zh: string; en: string } {
  return input.thresholdRule === 'atMost'
    ? { zh: `${threshold}人以下`, en: `${threshold} pupils or fewer` }
    : { zh: `不足${threshold}人`, en: `fewer than ${threshold} pupils` };
}

type Totals = Omit<ConsolidationPlan['summary'], 'stages' | 'text'>;

/** The seed's own sentence: "优化10人以下学校104所，30人以下学校11所，安置学生363人，分流教师74人，安置临聘人员22人". */
export function summaryText(input: ConsolidationInput, stages: StageSummary[], t: Totals): { zh: string; en: string } {
  const zh = [
    `优化${stages.map((s) => `${stageLabel(input, s.threshold).zh}学校${s.schoolsMerged}所`).join('，')}`,
    `安置学生${t.pupilsPlaced}人`,
    `分流教师${t.teachersRedeployed}人`,
    `安置临聘人员${t.temporaryStaffRedeployed}人`,
  ];
  const en = [
    `Merges ${stages.map((s) => `${s.schoolsMerged} schools of ${stageLabel(input, s.threshold).en}`).join(', ')}`,
    `places ${t.pupilsPlaced} pupils`,
    `redeploys ${t.teachersRedeployed} teachers`,
    `and ${t.temporaryStaffRedeployed} temporary staff`,
  ];
  if (t.seatsAdded > 0) {
    zh.push(`接收学校新增学位${t.seatsAdded}个`);
    en.push(`receiving schools add ${t.seatsAdded} seats`);
  }
  if (t.keptSchools > 0) {
    zh.push(`保留${t.keptSchools}所（群众不同意或条件暂不成熟）`);
    en.push(`${t.keptSchools} schools kept (families disagree or conditions not ready)`);
  }
  if (t.unplacedSchools > 0) {
    zh.push(`${t.unplacedSchools}所暂无法安置${t.seatsShort > 0 ? `（尚缺学位${t.seatsShort}个）` : ''}`);
    en.push(`${t.unplacedSchools} schools cannot be placed yet${t.seatsShort > 0 ? ` (${t.seatsShort} seats short)` : ''}`);
  }
  return { zh: `${zh.join('，')}。`, en: `${en.join(', ')}.` };
}

const REASON_TEXT: Readonly<Record<NotMergedReason, string>> = {
  kept: '保留（群众不同意或条件暂不成熟）',
  outOfRange: '距离范围内没有接收学校',
  noSeats: '接收学校学位不足',
};

export function sheetRows(
  input: ConsolidationInput,
  summary: ConsolidationPlan['summary'],
  merges: readonly MergeRow[],
  receivers: readonly ReceiverRow[],
  notMerged: readonly NotMergedRow[],
): ConsolidationPlan['sheet'] {
  const rows: SheetCell[][] = [];
  const titleRows: number[] = [];
  const sectionRows: number[] = [];
  const headerRows: number[] = [];
  const push = (row: SheetCell[], mark?: number[]): void => {
    mark?.push(rows.length);
    rows.push(row);
  };
  push(['义务教育学校布局调整方案（测算）'], titleRows);
  push([summary.text.zh]);
  push([]);
  push(['一、撤并学校'], sectionRows);
  push(['阶段', '撤并学校编号', '撤并学校', '学生数', '教师数', '临聘人员数', '接收学校编号', '接收学校', '距离（公里）', '新增学位'], headerRows);
  for (const m of merges) {
    push([stageLabel(input, m.threshold).zh, m.schoolId, m.schoolName, m.pupils, m.teachers, m.temporaryStaff, m.receiverId, m.receiverName, m.distanceKm ?? '', m.seatsAdded]);
  }
  push(['合计', '', `${summary.schoolsMerged}所`, summary.pupilsPlaced, summary.teachersRedeployed, summary.temporaryStaffRedeployed, '', '', '', summary.seatsAdded]);
  push([]);
  push(['二、接收学校'], sectionRows);
  push(['接收学校编号', '接收学校', '学位数', '原有学生', '安置学生', '调整后学生', '新增学位', '剩余学位', '尚缺学位'], headerRows);
  for (const r of receivers) {
    push([r.id, r.name, r.capacity, r.pupilsBefore, r.pupilsPlaced, r.pupilsAfter, r.seatsAdded, r.freeSeatsAfter, r.seatsShort]);
  }
  push([]);
  push(['三、未撤并的小规模学校'], sectionRows);
  push(['阶段', '学校编号', '学校', '学生数', '原因', '最近的接收学校', '缺少学位'], headerRows);
  for (const u of notMerged) {
    push([stageLabel(input, u.threshold).zh, u.schoolId, u.schoolName, u.pupils, REASON_TEXT[u.reason], u.nearestReceiverId ?? '', u.seatsShort]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name: input.sheetName,
    rows: rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]),
    titleRows,
    sectionRows,
    headerRows,
  };
}
