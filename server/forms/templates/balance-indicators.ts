/**
 * 优质均衡指标达标情况表: the seven resource indicators of the national assessment of
 * high-quality balanced compulsory education (《县域义务教育优质均衡发展督导评估办法》,
 * 教督〔2017〕6号) per school, whether each school passes, and the 差异系数 per indicator.
 *
 *   序号 | 学校名称 | 学段 | 在校生数 | 资源配置指标 ①…⑦ | 达标情况: 达标项数 | 未达标项（达成度） | 结论
 *   标准值（小学 / 初中）rows, then 差异系数（小学 / 初中）rows when the payload gives them.
 *
 * The rule (教督〔2017〕6号 第八条): a school passes when at least 6 of the 7 indicators
 * reach the standard and the others reach at least 85% of it; both numbers are payload
 * fields with those defaults. Every comparison is exact on the decimals as typed (a value
 * of 0.9 against a standard of 0.9 is met). 达成度 is printed rounded down to 0.1%, so a
 * printed 85.0% is never really 84.96%. The standards and the CVs come in the payload
 * (from the workbook's EDU functions and the county's profile), so the printed form states
 * what it was judged against.
 */
import { z } from 'zod';
import { compare, div, floor, mul, rationalOf } from '../../../formulas/core/exact.js';
import { rowLabel } from '../../../formulas/core/row-label.js';
import { count, defineForm, formPayload, nameText, type FootRow } from '../template.js';

export const INDICATORS = [
  { key: 'i1', mark: '①', header: '①高于规定学历教师（人/百名学生）' },
  { key: 'i2', mark: '②', header: '②县级及以上骨干教师（人/百名学生）' },
  { key: 'i3', mark: '③', header: '③体育、艺术专任教师（人/百名学生）' },
  { key: 'i4', mark: '④', header: '④教学及辅助用房（平方米/生）' },
  { key: 'i5', mark: '⑤', header: '⑤体育运动场馆（平方米/生）' },
  { key: 'i6', mark: '⑥', header: '⑥教学仪器设备值（元/生）' },
  { key: 'i7', mark: '⑦', header: '⑦网络多媒体教室（间/百名学生）' },
] as const;

const seven = () => z.array(z.number().min(0).max(1e9)).length(7);
const stage = z.enum(['primary', 'junior', '小学', '初中']).transform((s) => (s === 'primary' || s === '小学' ? 'primary' : 'junior'));
const standard = z.strictObject({ thresholds: z.array(z.number().positive().max(1e9)).length(7), cvLimit: z.number().positive().max(10) });

const schema = formPayload({
  standards: z.strictObject({ primary: standard.optional(), junior: standard.optional() }),
  minMet: z.number().int().min(0).max(7).default(6),
  floorShare: z.number().min(0).max(1).default(0.85),
  schools: z
    .array(z.strictObject({ name: nameText(), stage, enrolment: count(), values: seven() }))
    .min(1)
    .max(2000),
  cv: z.strictObject({ primary: seven().optional(), junior: seven().optional() }).optional(),
});

const STAGE_NAMES = { primary: '小学', junior: '初中' } as const;

/** floor(1000 * value / threshold) as "91.2%". */
function attainment(value: number, threshold: number): string {
  const permille = floor(div(mul(rationalOf(value), { n: 1000n, d: 1n }), rationalOf(threshold)));
  return `${permille / 10n}.${permille % 10n}%`;
}

export const balanceIndicators = defineForm({
  id: 'balance-indicators',
  title: '义务教育优质均衡发展资源配置指标达标情况表',
  summary: {
    zh: '每所学校7项资源配置指标的数值、达标项数、未达标项的达成度和结论，以及各指标的差异系数',
    en: 'Each school’s 7 resource indicators, how many are met, how close the others come, pass or fail, and each indicator’s coefficient of variation',
  },
  orientation: 'landscape',
  bodySize: 10.5,
  fields: {
    standards: { zh: '标准值', en: 'standards' },
    primary: { zh: '小学', en: 'primary' },
    junior: { zh: '初中', en: 'junior' },
    thresholds: { zh: '7项指标标准值', en: 'the 7 thresholds' },
    cvLimit: { zh: '差异系数上限', en: 'CV limit' },
    minMet: { zh: '至少达标项数', en: 'indicators to meet' },
    floorShare: { zh: '其余项最低达成比例', en: 'floor share for the others' },
    schools: { zh: '学校', en: 'schools' },
    name: { zh: '学校名称', en: 'school name' },
    stage: { zh: '学段', en: 'stage' },
    enrolment: { zh: '在校生数', en: 'enrolment' },
    values: { zh: '7项指标值', en: 'the 7 values' },
    cv: { zh: '差异系数', en: 'coefficients of variation' },
  },
  schema,
  // Illustrative schools. The CVs are the enrolment-weighted ones of these values
  // (X̄ = ΣPᵢXᵢ/P, S = √(ΣPᵢ(Xᵢ−X̄)²/P), CV = S/X̄), to three decimals; the test recomputes them.
  example: {
    documentLine: '（标准依据《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号））',
    standards: {
      primary: { thresholds: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], cvLimit: 0.5 },
      junior: { thresholds: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4], cvLimit: 0.45 },
    },
    schools: [
      { name: '城关第一小学', stage: '小学', enrolment: 2400, values: [5.1, 1.3, 1.0, 4.8, 5.9, 2650, 2.6] },
      { name: '城关第二小学', stage: '小学', enrolment: 1800, values: [4.6, 1.1, 0.95, 4.6, 7.8, 2300, 2.5] },
      { name: '长寿镇中心小学', stage: '小学', enrolment: 900, values: [4.4, 1.0, 0.8, 5.2, 9.6, 2100, 2.4] },
      { name: '木金乡中心小学', stage: '小学', enrolment: 350, values: [4.3, 0.9, 1.2, 6.1, 12.5, 2080, 2.9] },
      { name: '龙门镇中心小学', stage: '小学', enrolment: 420, values: [3.9, 0.8, 1.0, 5.5, 11.0, 1950, 2.4] },
      { name: '县实验中学', stage: '初中', enrolment: 2100, values: [5.6, 1.2, 1.0, 5.9, 8.4, 2700, 2.5] },
      { name: '南江镇中学', stage: '初中', enrolment: 800, values: [5.4, 1.0, 0.9, 6.3, 11.5, 2600, 2.6] },
      { name: '板江乡中学', stage: '初中', enrolment: 380, values: [5.0, 1.1, 1.0, 7.2, 14.0, 2550, 2.8] },
    ],
    cv: {
      primary: [0.079, 0.141, 0.093, 0.08, 0.257, 0.105, 0.047],
      junior: [0.035, 0.075, 0.044, 0.068, 0.204, 0.022, 0.038],
    },
    remarks: ['示例数据，仅作演示：学校及其指标值均为虚构。'],
  },
  build(payload) {
    const missing = payload.schools.findIndex((s) => !payload.standards[s.stage]);
    if (missing >= 0) {
      const s = payload.schools[missing]!;
      return {
        problem: {
          zh: `学校${rowLabel(missing).zh}（${s.name}）是${STAGE_NAMES[s.stage]}，但没有给出${STAGE_NAMES[s.stage]}的标准值：请在 standards.${s.stage} 中填写 7 项标准值和差异系数上限`,
          en: `School ${rowLabel(missing).en} (${s.name}) is ${s.stage}, but there are no ${s.stage} standards: give standards.${s.stage} with the 7 thresholds and the CV limit`,
        },
      };
    }
    const floorShare = rationalOf(payload.floorShare);
    const rows = payload.schools.map((s, i) => {
      const { thresholds } = payload.standards[s.stage]!;
      const unmet = s.values.flatMap((v, k) => (compare(rationalOf(v), rationalOf(thresholds[k]!)) < 0 ? [k] : []));
      const floorHeld = unmet.every((k) => compare(rationalOf(s.values[k]!), mul(floorShare, rationalOf(thresholds[k]!))) >= 0);
      const passed = 7 - unmet.length >= payload.minMet && floorHeld;
      return {
        no: String(i + 1),
        name: s.name,
        stage: STAGE_NAMES[s.stage],
        enrolment: s.enrolment,
        ...Object.fromEntries(INDICATORS.map((ind, k) => [ind.key, s.values[k]!])),
        metCount: 7 - unmet.length,
        unmet: unmet.length > 0 ? unmet.map((k) => `${INDICATORS[k]!.mark} ${attainment(s.values[k]!, thresholds[k]!)}`).join('\n') : null,
        verdict: passed ? '达标' : '未达标',
      };
    });
    const rule = `至少${payload.minMet}项达标，其余不低于${shareText(payload.floorShare)}`;
    const footRows: FootRow[] = [];
    for (const key of ['primary', 'junior'] as const) {
      const std = payload.standards[key];
      if (!std || !payload.schools.some((s) => s.stage === key)) continue;
      footRows.push({
        cells: [
          { column: 'no', span: 4, value: `标准值（${STAGE_NAMES[key]}）`, kind: 'center' },
          ...INDICATORS.map((ind, k) => ({ column: ind.key, value: std.thresholds[k]! })),
          { column: 'metCount', span: 3, value: rule, kind: 'text' },
        ],
      });
    }
    for (const key of ['primary', 'junior'] as const) {
      const cvs = payload.cv?.[key];
      const std = payload.standards[key];
      if (!cvs || !std) continue;
      const over = cvs.flatMap((c, k) => (compare(rationalOf(c), rationalOf(std.cvLimit)) > 0 ? [INDICATORS[k]!.mark] : []));
      footRows.push({
        cells: [
          { column: 'no', span: 4, value: `差异系数（${STAGE_NAMES[key]}）`, kind: 'center' },
          ...INDICATORS.map((ind, k) => ({ column: ind.key, value: cvs[k]!, kind: 'decimal3' as const })),
          { column: 'metCount', span: 3, value: `≤${twoPlacesAtLeast(std.cvLimit)}：${over.length === 0 ? '达标' : `未达标（${over.join('')}）`}`, kind: 'text' },
        ],
      });
    }
    return {
      columns: [
        { key: 'no', header: '序号', width: 5, kind: 'center' },
        { key: 'name', header: '学校名称', width: 17, kind: 'text' },
        { key: 'stage', header: '学段', width: 6, kind: 'center' },
        { key: 'enrolment', header: '在校生数', width: 8, kind: 'integer' },
        { header: '资源配置指标', children: INDICATORS.map((ind) => ({ key: ind.key, header: ind.header, width: 11, kind: 'decimal2' as const })) },
        {
          header: '达标情况',
          children: [
            { key: 'metCount', header: '达标项数', width: 7, kind: 'integer' },
            { key: 'unmet', header: '未达标项及达成度', width: 13, kind: 'text' },
            { key: 'verdict', header: '结论', width: 8, kind: 'center' },
          ],
        },
      ],
      rows,
      footRows,
    };
  },
});

/** 0.85 -> "85%", exactly as typed. */
function shareText(share: number): string {
  const r = rationalOf(share);
  const hundredths = mul(r, { n: 100n, d: 1n });
  return `${Number(hundredths.n) / Number(hundredths.d)}%`;
}

/** 0.5 -> "0.50", 0.455 -> "0.455": the limit as typed, never rounded. */
function twoPlacesAtLeast(x: number): string {
  const places = String(x).split('.')[1]?.length ?? 0;
  return places >= 2 ? String(x) : x.toFixed(2);
}
