/**
 * Funding sheets of the example workbook:
 *  - 公用经费分配: seed 000 (平办发〔2023〕22号) gives the 8 district education centres
 *    1,600,000 yuan of public funds a year "按人数、分类别、分层次配额". 5% is kept for
 *    teacher training (眉政发〔2023〕13号, seed 003); the rest is split by EDU.FUNDSPLIT with a
 *    lump sum by tier (centres with 10,000+ pupils may be set up at deputy-section level),
 *    a share by the 48 posts of the seed's table and a share by pupils per category, with a
 *    floor and a cap per centre. The pupil counts, tier amounts, weights, floors and caps are
 *    illustrative; the posts and the 1,600,000 are the seed's.
 *  - 生均公用经费测算: EDU.PUBLICFUNDS on a few illustrative schools at the national rates
 *    in force on the day the sheet is calculated (720 / 940 from 2023, special education
 *    7,000 from 2025), with the mental-health amount of seed 004.
 */
import { columnLetter as col } from '../../formulas/core/a1.js';
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

const YUAN = '#,##0.00';
const COUNT = '#,##0';

const header = (row: number, first: number, titles: readonly string[]): ExampleCell[] =>
  titles.map((t, i) => ({ ref: `${col(first + i)}${row}`, value: t, style: 'header' as const }));

// ---------------------------------------------------------------- 公用经费分配

export const CENTRES = ['第一学区', '第二学区', '第三学区', '第四学区', '第五学区', '第六学区', '第七学区', '第八学区'];
/** The seed's post table (小计): 9/6/6/6/5/6/5/5 = 48. */
export const SEED_POSTS = [9, 6, 6, 6, 5, 6, 5, 5];
/**
 * Illustrative pupils per centre by category (primary, junior, kindergarten); the totals are
 * those of the staffing sheet (28,000 / 17,000 / …), the split by category is made up.
 */
export const ILLUSTRATIVE_PUPILS: readonly (readonly [number, number, number])[] = [
  [15400, 8400, 4200],
  [9350, 5100, 2550],
  [9240, 5040, 2520],
  [9460, 5160, 2580],
  [5390, 2940, 1470],
  [9295, 5070, 2535],
  [5610, 3060, 1530],
  [5445, 2970, 1485],
];
export const BUDGET = 1_600_000;
/** Illustrative: relative weight of one post, one primary, junior and kindergarten pupil. */
export const WEIGHTS = [500, 1, 1.3, 0.8];
/** Illustrative tier bands: [lower pupil bound, tier name, lump sum]. */
export const TIERS: readonly (readonly [number, string, number])[] = [
  [0, '一般', 30000],
  [10000, '副科级（1 万人以上）', 40000],
];
export const FLOOR = 135000;
export const CAP = 300000;

/** First and last data rows of the centre table. */
export const C0 = 13;
export const C1 = C0 + CENTRES.length - 1;
const CT = C1 + 1;

/** The FUNDSPLIT call as typed (anchor K13, spilling K13:Q20). */
export const FUNDSPLIT_FORMULA = `=EDU.FUNDSPLIT(B8,C${C0}:F${C1},C11:F11,H${C0}:H${C1},I${C0}:I${C1},J${C0}:J${C1},TRUE)`;

const splitSheet: ExampleSheet = {
  name: '公用经费分配',
  columns: { A: 12, B: 12, C: 10, D: 11, E: 11, F: 11, G: 20, H: 12, I: 12, J: 12, K: 13, L: 13, M: 13, N: 13, O: 13, P: 14, Q: 14 },
  merges: ['A1:Q1', 'A2:Q2', 'A3:Q3', 'A4:Q4'],
  cells: [
    { ref: 'A1', value: '学区教育事务中心公用经费分配（平办发〔2023〕22号：县财政每年安排 160 万元，按人数、分类别、分层次配额到 8 个学区）', style: 'title' },
    {
      ref: 'A2',
      value:
        '学生数、层次基数、权重、保底和封顶均为示意数据（文件未给出），仅作演示；核定编制取自文件岗位设置表（9/6/6/6/5/6/5/5 = 48）。 / Pupil counts, tier amounts, weights, floors and caps are illustrative; the posts are the seed\'s.',
      style: 'note',
    },
    {
      ref: 'A3',
      value:
        '先按年度公用经费预算总额的 5% 提取教师培训经费（国发〔2012〕41号，眉政发〔2023〕13号重申）；其余先给层次基数（学生数 1 万人以上的学区可申报副科级，LOOKUP 按学生数段取层次），再按编制和分类别学生数加权分配，低于保底的补足、高于封顶的封顶，余款在其他学区间再分配。',
      style: 'note',
    },
    {
      ref: 'A4',
      value: 'EDU.FUNDSPLIT 以分为单位精确计算，合计恰等于分配额；尾差的分按余数从大到小分配（余数相同给加权驱动量较大者，再相同给靠前的行）。',
      style: 'note',
    },
    { ref: 'A5', value: '年度公用经费（元）', style: 'header' },
    { ref: 'B5', value: BUDGET, style: 'input', numberFormat: YUAN },
    { ref: 'A6', value: '教师培训提取比例', style: 'header' },
    { ref: 'B6', formula: '=EDU.PROFILE("cn-national","funding.teacherTraining.share")', style: 'result', numberFormat: '0%' },
    { ref: 'A7', value: '教师培训经费（元）', style: 'header' },
    { ref: 'B7', formula: '=ROUND(B5*B6,2)', style: 'result', numberFormat: YUAN },
    { ref: 'A8', value: '分配给各学区（元）', style: 'header' },
    { ref: 'B8', formula: '=B5-B7', style: 'result', numberFormat: YUAN },
    ...header(5, 3, ['层次', '学生数下限', '层次基数（元）']),
    ...TIERS.flatMap(([lower, name, lump], i): ExampleCell[] => [
      { ref: `D${6 + i}`, value: name },
      { ref: `E${6 + i}`, value: lower, style: 'input', numberFormat: COUNT },
      { ref: `F${6 + i}`, value: lump, style: 'illustrative', numberFormat: YUAN },
    ]),
    { ref: 'A11', value: '权重（小学生 = 1）', style: 'header' },
    ...WEIGHTS.map((w, j): ExampleCell => ({ ref: `${col(2 + j)}11`, value: w, style: 'illustrative' })),
    ...header(12, 0, [
      '学区',
      '学生合计',
      '核定编制',
      '小学生',
      '初中生',
      '幼儿园',
      '层次',
      '层次基数',
      '保底',
      '封顶',
      '一次性拨款',
      '编制份额',
      '小学生份额',
      '初中生份额',
      '幼儿园份额',
      '保底/封顶调整',
      '合计',
    ]),
    ...CENTRES.flatMap((name, i): ExampleCell[] => {
      const r = C0 + i;
      const [primary, junior, kindergarten] = ILLUSTRATIVE_PUPILS[i]!;
      return [
        { ref: `A${r}`, value: name },
        { ref: `B${r}`, formula: `=SUM(D${r}:F${r})`, style: 'result', numberFormat: COUNT },
        { ref: `C${r}`, value: SEED_POSTS[i]!, style: 'input' },
        { ref: `D${r}`, value: primary, style: 'illustrative', numberFormat: COUNT },
        { ref: `E${r}`, value: junior, style: 'illustrative', numberFormat: COUNT },
        { ref: `F${r}`, value: kindergarten, style: 'illustrative', numberFormat: COUNT },
        { ref: `G${r}`, formula: `=LOOKUP(B${r},$E$6:$E$7,$D$6:$D$7)`, style: 'result' },
        { ref: `H${r}`, formula: `=LOOKUP(B${r},$E$6:$E$7,$F$6:$F$7)`, style: 'result', numberFormat: YUAN },
        { ref: `I${r}`, value: FLOOR, style: 'illustrative', numberFormat: YUAN },
        { ref: `J${r}`, value: CAP, style: 'illustrative', numberFormat: YUAN },
        ...(i === 0 ? [{ ref: `K${r}`, formula: FUNDSPLIT_FORMULA, style: 'result' as const, numberFormat: YUAN }] : []),
      ];
    }),
    { ref: `A${CT}`, value: '合计', style: 'total' },
    ...['B', 'C', 'D', 'E', 'F', 'H', 'K', 'L', 'M', 'N', 'O', 'P', 'Q'].map(
      (c): ExampleCell => ({ ref: `${c}${CT}`, formula: `=SUM(${c}${C0}:${c}${C1})`, style: 'total', numberFormat: 'BCDEF'.includes(c) ? COUNT : YUAN }),
    ),
    { ref: `A${CT + 1}`, value: '合计等于分配额？', style: 'header' },
    { ref: `B${CT + 1}`, formula: `=Q${CT}=B8`, style: 'result' },
    { ref: `A${CT + 2}`, value: '连同教师培训经费', style: 'header' },
    { ref: `B${CT + 2}`, formula: `=Q${CT}+B7`, style: 'result', numberFormat: YUAN },
  ],
};

// ---------------------------------------------------------------- 生均公用经费测算

/** Illustrative schools: [name, primary, junior, boarders, special, rural]. */
export const SCHOOLS: readonly (readonly [string, number, number, number, number, boolean])[] = [
  ['城关第一小学', 1200, 0, 0, 3, false],
  ['县实验中学', 0, 1500, 300, 2, false],
  ['镇中心学校（九年一贯）', 600, 400, 200, 4, true],
  ['村完全小学', 45, 0, 0, 0, true],
  ['教学点', 12, 0, 0, 1, true],
  ['农村初中', 0, 80, 60, 0, true],
];
export const S0 = 14;
export const S1 = S0 + SCHOOLS.length - 1;
const ST = S1 + 1;

export const PUBLICFUNDS_FORMULA = `=EDU.PUBLICFUNDS(B${S0}:B${S1},C${S0}:C${S1},D${S0}:D${S1},E${S0}:E${S1},"cn-national",F${S0}:F${S1})`;

const PROFILE_ROWS: readonly (readonly [string, string, string])[] = [
  ['小学基准定额（元/生·年）', 'funding.publicFunds.primary', YUAN],
  ['初中基准定额（元/生·年）', 'funding.publicFunds.junior', YUAN],
  ['寄宿生补助（元/生·年）', 'funding.publicFunds.boarder', YUAN],
  ['特殊教育（元/生·年）', 'funding.publicFunds.special', YUAN],
  ['农村规模较小学校按（人）核定', 'funding.publicFunds.smallSchoolPupils', COUNT],
  ['心理健康教育经费（元/生·年）', 'funding.mentalHealth.perPupil', YUAN],
  ['教师培训提取比例', 'funding.teacherTraining.share', '0%'],
];

const perPupilSheet: ExampleSheet = {
  name: '生均公用经费测算',
  columns: { A: 30, B: 10, C: 10, D: 10, E: 10, F: 10, G: 16, H: 16, I: 16 },
  merges: ['A1:I1', 'A2:I2', 'A3:I3'],
  cells: [
    { ref: 'A1', value: '生均公用经费测算（今天有效的国家基准定额：2023 年春季学期起小学 720 元、初中 940 元，寄宿生 300 元；2025 年春季学期起特教 7000 元）', style: 'title' },
    {
      ref: 'A2',
      value: '学校名称和各类学生数均为示意数据，仅作演示。 / School names and pupil counts are illustrative.',
      style: 'note',
    },
    {
      ref: 'A3',
      value:
        '定额取自政策配置 cn-national 在计算当天有效的值（出处见 docs/policy-watch.md；2016—2022 年为 650/850 元，写 "cn-national@2022-09-01" 可算往年）。农村不足 100 人的学校按 100 人核定（国发〔2015〕67号）：缺额按小学、初中人数比例补足，金额最后向上取整到分。教师培训按公用经费的 5%（国发〔2012〕41号）；心理健康教育经费按生均 10 元（县级规定：辰教小组发〔2022〕10号）。',
      style: 'note',
    },
    ...PROFILE_ROWS.flatMap(([label, key, format], i): ExampleCell[] => [
      { ref: `A${5 + i}`, value: label, style: 'header' },
      { ref: `B${5 + i}`, formula: `=EDU.PROFILE("cn-national","${key}")`, style: 'result', numberFormat: format },
    ]),
    ...header(S0 - 1, 0, ['学校', '小学生', '初中生', '寄宿生', '特教学生', '农村学校', '公用经费（元）', '其中教师培训（元）', '心理健康教育经费（元）']),
    ...SCHOOLS.flatMap(([name, primary, junior, boarders, special, rural], i): ExampleCell[] => {
      const r = S0 + i;
      return [
        { ref: `A${r}`, value: name },
        { ref: `B${r}`, value: primary, style: 'illustrative', numberFormat: COUNT },
        { ref: `C${r}`, value: junior, style: 'illustrative', numberFormat: COUNT },
        { ref: `D${r}`, value: boarders, style: 'illustrative', numberFormat: COUNT },
        { ref: `E${r}`, value: special, style: 'illustrative', numberFormat: COUNT },
        { ref: `F${r}`, value: rural, style: 'illustrative' },
        ...(i === 0 ? [{ ref: `G${r}`, formula: PUBLICFUNDS_FORMULA, style: 'result' as const, numberFormat: YUAN }] : []),
        { ref: `H${r}`, formula: `=ROUND(G${r}*$B$11,2)`, style: 'result', numberFormat: YUAN },
        { ref: `I${r}`, formula: `=(B${r}+C${r}+E${r})*$B$10`, style: 'result', numberFormat: YUAN },
      ];
    }),
    { ref: `A${ST}`, value: '合计', style: 'total' },
    ...['B', 'C', 'D', 'E', 'G', 'H', 'I'].map(
      (c): ExampleCell => ({ ref: `${c}${ST}`, formula: `=SUM(${c}${S0}:${c}${S1})`, style: 'total', numberFormat: 'BCDE'.includes(c) ? COUNT : YUAN }),
    ),
  ],
};

export const fundingSheets: ExampleSheet[] = [splitSheet, perPupilSheet];
