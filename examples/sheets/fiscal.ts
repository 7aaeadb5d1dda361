/**
 * 教育经费保障检查: the fiscal guarantees of seeds 003 and 004 checked year on year with
 * EDU.FISCALCHECK. The wording is the seeds'; every figure is illustrative.
 *  - 两个只增不减 (辰教小组发〔2022〕10号, seed 004; 眉政发〔2023〕13号, seed 003);
 *  - 教师平均工资不低于当地公务员平均工资 (seed 003);
 *  - 三个增长: education spending grows faster than recurrent revenue (教育法 第五十五条).
 */
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

const YUAN = '#,##0.00';
const COUNT = '#,##0';

/** Illustrative: [year, spending, pupils, recurrent revenue, teachers' pay, civil servants' pay]. */
export const FISCAL_YEARS: readonly (readonly [number, number, number, number, number, number])[] = [
  [2020, 520_000_000, 41_000, 3_100_000_000, 98_000, 96_000],
  [2021, 545_000_000, 41_500, 3_230_000_000, 101_000, 100_000],
  [2022, 560_000_000, 42_800, 3_330_000_000, 103_500, 104_000],
  [2023, 598_000_000, 42_600, 3_440_000_000, 108_000, 107_000],
  [2024, 610_000_000, 42_100, 3_560_000_000, 111_000, 110_500],
];
export const F0 = 6;
export const F1 = F0 + FISCAL_YEARS.length - 1;
export const CHECK_ROW = F1 + 3;
export const FISCALCHECK_FORMULA = `=EDU.FISCALCHECK(A${F0}:A${F1},B${F0}:B${F1},C${F0}:C${F1},D${F0}:D${F1},E${F0}:E${F1},F${F0}:F${F1})`;

const header = (row: number, titles: readonly string[]): ExampleCell[] =>
  titles.map((t, i) => ({ ref: `${String.fromCharCode(65 + i)}${row}`, value: t, style: 'header' as const }));

export const fiscalSheets: ExampleSheet[] = [
  {
    name: '教育经费保障检查',
    columns: { A: 10, B: 20, C: 16, D: 20, E: 18, F: 20, G: 16 },
    merges: ['A1:G1', 'A2:G2', 'A3:G3'],
    cells: [
      { ref: 'A1', value: '教育经费保障检查：两个只增不减、教师工资不低于公务员、三个增长', style: 'title' },
      { ref: 'A2', value: '各年数字均为示意数据，仅作演示。 / Every figure is illustrative.', style: 'note' },
      {
        ref: 'A3',
        value:
          '“确保财政一般公共预算教育支出逐年只增不减，确保按在校学生人数平均的一般公共预算教育支出逐年只增不减”（辰教小组发〔2022〕10号）；“确保教育经费‘三个增长’‘两个只增不减’达到要求……确保教师平均工资不低于当地公务员平均工资”（眉政发〔2023〕13号）；三个增长：教育财政拨款的增长高于财政经常性收入的增长（教育法第五十五条）。比较按输入的数精确进行。',
        style: 'note',
      },
      ...header(F0 - 1, ['年份', '一般公共预算教育支出（元）', '在校学生数', '财政经常性收入（元）', '教师平均工资（元）', '公务员平均工资（元）']),
      ...FISCAL_YEARS.flatMap(([year, spending, pupils, revenue, teacher, civil], i): ExampleCell[] => {
        const r = F0 + i;
        return [
          { ref: `A${r}`, value: year, style: 'input' },
          { ref: `B${r}`, value: spending, style: 'illustrative', numberFormat: YUAN },
          { ref: `C${r}`, value: pupils, style: 'illustrative', numberFormat: COUNT },
          { ref: `D${r}`, value: revenue, style: 'illustrative', numberFormat: YUAN },
          { ref: `E${r}`, value: teacher, style: 'illustrative', numberFormat: YUAN },
          { ref: `F${r}`, value: civil, style: 'illustrative', numberFormat: YUAN },
        ];
      }),
      ...header(CHECK_ROW - 1, ['年份', '支出比上年增减（元）', '生均支出增减（元）', '总额只增不减', '生均只增不减', '教师工资不低于公务员', '三个增长']),
      { ref: `A${CHECK_ROW}`, formula: FISCALCHECK_FORMULA, style: 'result' },
    ],
  },
];
