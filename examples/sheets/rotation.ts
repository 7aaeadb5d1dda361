/**
 * The rotation family's sheet of the example workbook: an illustrative teacher list of three
 * urban schools, who is eligible to rotate (EDU.ROTATIONELIGIBLE: 6 years at the school, the
 * 5-year exemption before statutory retirement as of the start of the rotation year), the
 * eligible counted per school with COUNTIFS, and each school's quota (EDU.ROTATIONQUOTA) with
 * the backbone share taken of those who rotate and, beside it, of the eligible. Every school
 * has enough eligible backbone teachers for both bases, so the sheet prints without an error
 * value (issue 13 §3); the note says what a row shows when there are too few.
 */
import { yesNoText } from '../../formulas/core/cells.js';
import { toExcelSerial } from '../../formulas/core/dates.js';
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

interface Teacher {
  name: string;
  school: string;
  subject: string;
  backbone: boolean;
  years: number;
  born: string;
  category: '男' | '女干部' | '女工人';
}

const t = (name: string, school: string, subject: string, backbone: boolean, years: number, born: string, category: Teacher['category']): Teacher => ({
  name,
  school,
  subject,
  backbone,
  years,
  born,
  category,
});

/** 城关一小: 11 eligible (3 backbone), one new (4 years), one within 5 years of retirement. */
export const ROTATION_TEACHERS: readonly Teacher[] = [
  t('张明', '城关一小', '数学', false, 20, '1979-04-12', '男'),
  t('李静', '城关一小', '语文', true, 18, '1980-09-03', '女干部'),
  t('王芳', '城关一小', '英语', false, 15, '1983-01-22', '女干部'),
  t('赵磊', '城关一小', '体育', true, 14, '1984-06-30', '男'),
  t('钱丽', '城关一小', '数学', true, 12, '1985-11-08', '女干部'),
  t('孙强', '城关一小', '科学', false, 11, '1982-02-17', '男'),
  t('周敏', '城关一小', '语文', false, 10, '1988-07-25', '女干部'),
  t('吴刚', '城关一小', '音乐', false, 9, '1986-12-01', '男'),
  t('郑洁', '城关一小', '美术', false, 8, '1990-03-14', '女干部'),
  t('冯涛', '城关一小', '数学', false, 7, '1991-05-09', '男'),
  t('陈红', '城关一小', '英语', false, 6, '1992-10-20', '女干部'),
  t('褚亮', '城关一小', '语文', false, 4, '1995-08-16', '男'),
  t('卫国', '城关一小', '数学', true, 25, '1966-03-10', '男'),
  t('蒋平', '城关二小', '语文', true, 16, '1981-03-05', '女干部'),
  t('沈华', '城关二小', '数学', false, 13, '1983-08-19', '男'),
  t('韩梅', '城关二小', '英语', false, 11, '1987-01-11', '女干部'),
  t('杨帆', '城关二小', '体育', false, 9, '1989-04-27', '男'),
  t('朱琳', '城关二小', '数学', false, 8, '1990-12-30', '女干部'),
  t('秦岭', '城关二小', '语文', false, 6, '1993-06-06', '男'),
  t('尤佳', '城关二小', '数学', true, 7, '1994-02-14', '女干部'),
  t('许可', '实验小学', '数学', true, 17, '1978-05-21', '男'),
  t('何蕾', '实验小学', '语文', true, 15, '1982-10-10', '女干部'),
  t('吕杰', '实验小学', '英语', false, 14, '1984-01-31', '男'),
  t('施雨', '实验小学', '数学', false, 12, '1986-09-09', '女干部'),
  t('孔亮', '实验小学', '科学', true, 10, '1985-03-03', '男'),
  t('曹颖', '实验小学', '语文', false, 9, '1989-07-07', '女干部'),
  t('严伟', '实验小学', '体育', false, 8, '1987-11-23', '男'),
  t('华婷', '实验小学', '音乐', false, 7, '1991-04-18', '女工人'),
  t('金鑫', '实验小学', '数学', false, 6, '1993-12-12', '男'),
  t('魏然', '实验小学', '英语', false, 6, '1992-08-08', '女干部'),
];

export const ROTATION_SCHOOLS = ['城关一小', '城关二小', '实验小学'] as const;

/** The start of the rotation year the exemption is judged on. */
export const ROTATION_AS_OF = '2025-09-01';

const FIRST = 6;
const LAST = FIRST + ROTATION_TEACHERS.length - 1;
const serial = (iso: string): number => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return toExcelSerial({ year, month, day });
};

function cells(): ExampleCell[] {
  const out: ExampleCell[] = [
    { ref: 'A1', value: '教师交流轮岗：符合条件的教师与各校名额', style: 'title' },
    {
      ref: 'A2',
      value: '说明：本表教师姓名、学校和数字均为示意（illustrative），不是任何学校的真实数据。规则：教师〔2014〕4号，交流不低于符合条件教师的10%，骨干不低于20%；本校任教满6年符合条件，距法定退休不足5年者免于交流（地方规定，示意）。',
      style: 'note',
    },
    { ref: 'A3', value: '免交流判断日期', style: 'header' },
    { ref: 'B3', value: serial(ROTATION_AS_OF), style: 'input', numberFormat: 'yyyy-mm-dd' },
    { ref: 'C3', value: '免交流年限', style: 'header' },
    { ref: 'D3', value: 5, style: 'input' },
    ...['姓名', '学校', '学科', '骨干教师', '本校任教年限', '出生日期', '退休类别', '符合交流条件'].map((text, i): ExampleCell => ({ ref: `${'ABCDEFGH'[i]}5`, value: text, style: 'header' })),
  ];
  ROTATION_TEACHERS.forEach((teacher, i) => {
    const row = FIRST + i;
    out.push(
      { ref: `A${row}`, value: teacher.name, style: 'illustrative' },
      { ref: `B${row}`, value: teacher.school, style: 'illustrative' },
      { ref: `C${row}`, value: teacher.subject, style: 'illustrative' },
      { ref: `D${row}`, value: yesNoText(teacher.backbone), style: 'illustrative' },
      { ref: `E${row}`, value: teacher.years, style: 'illustrative' },
      { ref: `F${row}`, value: serial(teacher.born), style: 'illustrative', numberFormat: 'yyyy-mm-dd' },
      { ref: `G${row}`, value: teacher.category, style: 'illustrative' },
    );
  });
  out.push({
    ref: `H${FIRST}`,
    formula: `=EDU.ROTATIONELIGIBLE(E${FIRST}:E${LAST},6,F${FIRST}:F${LAST},G${FIRST}:G${LAST},B3,D3)`,
    style: 'result',
  });

  out.push(
    { ref: 'J4', value: '各校名额（骨干比例以交流人数为基数）', style: 'header' },
    { ref: 'P4', value: '对照：骨干比例以符合条件人数为基数', style: 'header' },
    ...['学校', '符合条件人数', '其中骨干', '须交流人数', '其中骨干教师'].map((text, i): ExampleCell => ({ ref: `${'JKLMN'[i]}5`, value: text, style: 'header' })),
    { ref: 'P5', value: '须交流人数', style: 'header' },
    { ref: 'Q5', value: '其中骨干教师', style: 'header' },
  );
  const range = (col: string) => `${col}$${FIRST}:${col}$${LAST}`;
  ROTATION_SCHOOLS.forEach((school, s) => {
    const row = FIRST + s;
    out.push(
      { ref: `J${row}`, value: school, style: 'illustrative' },
      { ref: `K${row}`, formula: `=COUNTIFS(${range('$B')},J${row},${range('$H')},TRUE)` },
      { ref: `L${row}`, formula: `=COUNTIFS(${range('$B')},J${row},${range('$H')},TRUE,${range('$D')},"是")` },
    );
  });
  const last = FIRST + ROTATION_SCHOOLS.length - 1;
  out.push(
    { ref: `M${FIRST}`, formula: `=EDU.ROTATIONQUOTA(K${FIRST}:K${last},0.1,0.2,"rotating",L${FIRST}:L${last})`, style: 'result' },
    { ref: `P${FIRST}`, formula: `=EDU.ROTATIONQUOTA(K${FIRST}:K${last},0.1,0.2,"eligible",L${FIRST}:L${last})`, style: 'result' },
    {
      ref: `J${last + 2}`,
      value:
        '以符合条件人数为基数时骨干名额更多（城关一小 11 人的 20% 向上取整为 3 人）。若某校符合条件的骨干教师少于须交流的骨干人数，该行显示错误值，提示须几人、现有几人，其他学校照常给出名额。 / With the eligible as the base more backbone teachers must rotate; a school with too few eligible backbone teachers shows an error value saying how many are needed and how many there are.',
      style: 'note',
    },
  );
  return out;
}

export const rotationSheets: ExampleSheet[] = [
  {
    name: '交流轮岗名额',
    columns: { A: 8, B: 10, C: 8, D: 9, E: 12, F: 12, G: 10, H: 12, J: 10, K: 12, L: 9, M: 11, N: 12, P: 11, Q: 12 },
    merges: ['A1:Q1', 'A2:Q2'],
    cells: cells(),
  },
];
