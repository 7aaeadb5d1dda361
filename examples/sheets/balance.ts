/**
 * The balance family's sheet of the example workbook: the seven resource indicators of
 * 教督〔2017〕6号 for six illustrative primary schools, checked school by school
 * (EDU.BALANCECHECK), what each failing school still needs (EDU.GAPTOPASS), the weighted
 * CV of each indicator (EDU.BALANCECV, with the unweighted figure beside it to show the
 * difference) and class sizes at the band edges (EDU.CLASSBAND).
 */
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

const SCHOOLS: readonly { name: string; pupils: number; indicators: readonly number[] }[] = [
  { name: '城关第一小学', pupils: 1800, indicators: [4.6, 1.2, 1.0, 4.8, 7.8, 2300, 2.5] },
  { name: '城关第二小学', pupils: 1500, indicators: [4.3, 1.0, 0.95, 4.5, 6.5, 2100, 2.4] },
  { name: '镇中心小学', pupils: 900, indicators: [4.0, 1.1, 0.8, 5.2, 9.0, 1900, 2.3] },
  { name: '乡中心小学', pupils: 600, indicators: [5.0, 0.7, 1.2, 6.0, 12.0, 2600, 3.0] },
  { name: '河口村小学', pupils: 320, indicators: [3.6, 0.9, 0.9, 4.4, 15.0, 2000, 2.2] },
  { name: '山背小学', pupils: 160, indicators: [6.7, 0.6, 1.9, 8.0, 20.0, 3500, 1.9] },
];

const INDICATOR_HEADERS = [
  '高于规定学历教师（每百名学生）',
  '县级以上骨干教师（每百名学生）',
  '体育艺术专任教师（每百名学生）',
  '生均教学及辅助用房（㎡）',
  '生均体育运动场馆（㎡）',
  '生均教学仪器设备值（元）',
  '网络多媒体教室（每百名学生）',
];

const ADDITION_HEADERS = ['高于规定学历教师（人）', '骨干教师（人）', '体育艺术教师（人）', '教学及辅助用房（㎡）', '体育运动场馆（㎡）', '仪器设备（元）', '多媒体教室（间）'];

/** Pupils and classes at the band edges: 45/46, 55/56, 65/66, and 91 in 2 classes (average 45.5). */
const CLASSES: readonly { name: string; pupils: number; classes: number }[] = [
  { name: '一年级', pupils: 270, classes: 6 },
  { name: '二年级', pupils: 276, classes: 6 },
  { name: '三年级', pupils: 91, classes: 2 },
  { name: '四年级', pupils: 330, classes: 6 },
  { name: '五年级', pupils: 336, classes: 6 },
  { name: '六年级', pupils: 396, classes: 6 },
];

const COLUMNS = ['C', 'D', 'E', 'F', 'G', 'H', 'I'];
const FIRST = 5;
const LAST = FIRST + SCHOOLS.length - 1;

function cells(): ExampleCell[] {
  const out: ExampleCell[] = [
    { ref: 'A1', value: '义务教育优质均衡：资源配置七项指标（小学）', style: 'title' },
    {
      ref: 'A2',
      value: '说明：本表学校名称和数字均为示意（illustrative），不是任何县的真实数据；标准取自教督〔2017〕6号，请换成本县数据后使用。',
      style: 'note',
    },
    { ref: 'A4', value: '学校', style: 'header' },
    { ref: 'B4', value: '在校生数', style: 'header' },
    ...INDICATOR_HEADERS.map((text, i): ExampleCell => ({ ref: `${COLUMNS[i]}4`, value: text, style: 'header' })),
    { ref: 'K4', value: '达标项数', style: 'header' },
    { ref: 'L4', value: '是否达到要求', style: 'header' },
    { ref: 'M4', value: '未达标项（达到标准的百分比）', style: 'header' },
  ];
  SCHOOLS.forEach((school, s) => {
    const row = FIRST + s;
    out.push({ ref: `A${row}`, value: school.name, style: 'illustrative' });
    out.push({ ref: `B${row}`, value: school.pupils, style: 'illustrative', numberFormat: '#,##0' });
    school.indicators.forEach((v, i) => {
      out.push({ ref: `${COLUMNS[i]}${row}`, value: v, style: 'illustrative', numberFormat: i === 5 ? '#,##0' : '0.00' });
    });
  });
  out.push({ ref: `K${FIRST}`, formula: `=EDU.BALANCECHECK(C${FIRST}:I${LAST},"小学")`, style: 'result' });

  const cvRow = LAST + 2;
  out.push(
    { ref: `A${cvRow}`, value: '校际差异系数（按在校生数加权）', style: 'header' },
    { ref: `C${cvRow}`, formula: `=EDU.BALANCECV(C${FIRST}:I${LAST},B${FIRST}:B${LAST},"小学",TRUE)`, style: 'result', numberFormat: '0.000' },
    { ref: `A${cvRow + 1}`, value: '是否 ≤ 0.50', style: 'header' },
    { ref: `A${cvRow + 2}`, value: '对照：不加权的差异系数（不是督导口径）', style: 'note' },
  );
  COLUMNS.forEach((c) => {
    out.push({ ref: `${c}${cvRow + 2}`, formula: `=STDEV.P(${c}${FIRST}:${c}${LAST})/AVERAGE(${c}${FIRST}:${c}${LAST})`, style: 'note', numberFormat: '0.000' });
  });

  const gapTitle = cvRow + 4;
  out.push(
    { ref: `A${gapTitle}`, value: '达到要求最少还需增加（先改动最少的指标项，再使增量占标准的比例之和最小）', style: 'header' },
    { ref: `A${gapTitle + 1}`, value: '学校', style: 'header' },
    ...ADDITION_HEADERS.map((text, i): ExampleCell => ({ ref: `${COLUMNS[i]}${gapTitle + 1}`, value: text, style: 'header' })),
  );
  SCHOOLS.forEach((_, s) => {
    out.push({ ref: `A${gapTitle + 2 + s}`, formula: `=A${FIRST + s}` });
  });
  out.push({ ref: `C${gapTitle + 2}`, formula: `=EDU.GAPTOPASS(C${FIRST}:I${LAST},B${FIRST}:B${LAST},"小学")`, style: 'result', numberFormat: '#,##0' });

  const classTitle = gapTitle + 2 + SCHOOLS.length + 1;
  const classFirst = classTitle + 2;
  const classLast = classFirst + CLASSES.length - 1;
  out.push(
    { ref: `A${classTitle}`, value: '班额（城关第一小学各年级，示意）：标准 45 人，56–65 人为大班额，66 人及以上为超大班额', style: 'header' },
    { ref: `A${classTitle + 1}`, value: '年级', style: 'header' },
    { ref: `B${classTitle + 1}`, value: '学生数', style: 'header' },
    { ref: `C${classTitle + 1}`, value: '班级数', style: 'header' },
    { ref: `D${classTitle + 1}`, value: '平均班额', style: 'header' },
    { ref: `E${classTitle + 1}`, value: '最大的班至少', style: 'header' },
    { ref: `F${classTitle + 1}`, value: '班额类别', style: 'header' },
  );
  CLASSES.forEach((grade, g) => {
    const row = classFirst + g;
    out.push(
      { ref: `A${row}`, value: grade.name, style: 'illustrative' },
      { ref: `B${row}`, value: grade.pupils, style: 'illustrative' },
      { ref: `C${row}`, value: grade.classes, style: 'illustrative' },
    );
  });
  out.push({ ref: `D${classFirst}`, formula: `=EDU.CLASSBAND(B${classFirst}:B${classLast},C${classFirst}:C${classLast},"小学")`, style: 'result', numberFormat: '0.0' });
  return out;
}

export const balanceSheets: ExampleSheet[] = [
  {
    name: '优质均衡指标',
    columns: { A: 16, B: 10, C: 14, D: 14, E: 14, F: 14, G: 14, H: 14, I: 14, K: 10, L: 12, M: 48 },
    merges: ['A1:M1', 'A2:M2'],
    cells: cells(),
  },
];
