/**
 * EDU.ROTATIONQUOTA(eligible, [rate], [backboneShare], [backboneBase], [backboneEligible]):
 * per school, how many teachers must rotate this school year and how many of them must be
 * backbone teachers (骨干教师).
 *
 * 教师〔2014〕4号 and the county texts (眉政发〔2023〕13号, 辰教小组发〔2022〕10号): each year
 * urban and high-quality schools rotate at least 10% of the teachers eligible to rotate, and
 * backbone teachers are at least 20% of those who rotate (some provinces: 20% of the
 * eligible). "At least" rounds up, exactly: 10% of 11 eligible is 1.1, so 2 must rotate.
 * The backbone teachers are among those who rotate, so where the backbone minimum is the
 * larger (20% of the eligible against 10% of them) the number who rotate is raised to it.
 */
import { rowStart } from '../core/cell-names.js';
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, formulaError, valueError } from '../core/errors.js';
import { type Rational, ceil, mul, rationalOf } from '../core/exact.js';
import { type ResultCell } from '../core/excel-values.js';
import { numberVector } from '../core/number-cells.js';
import { type BackboneBase, backboneBaseSchema, rotationDefaults } from './rotation-profile.js';

export interface QuotaRule {
  rate: Rational;
  backboneShare: Rational;
  backboneBase: BackboneBase;
}

export interface Quota {
  /** How many must rotate: at least rate × eligible, and at least the backbone minimum. */
  rotating: number;
  /** How many of them must be backbone teachers. */
  backbone: number;
}

/** The least whole number not below `share` × `count` (exact; "不低于" rounds up). */
export function atLeast(share: Rational, count: number): number {
  return Number(ceil(mul(share, { n: BigInt(count), d: 1n })));
}

/**
 * The quota of a school with `eligible` eligible teachers. With rate and share in [0, 1] the
 * result never exceeds `eligible`: ⌈r·E⌉ ≤ E and ⌈s·E⌉ ≤ E.
 */
export function rotationQuota(eligible: number, rule: QuotaRule): Quota {
  const byRate = atLeast(rule.rate, eligible);
  const base = rule.backboneBase === 'rotating' ? byRate : eligible;
  const backbone = atLeast(rule.backboneShare, base);
  return { rotating: Math.max(byRate, backbone), backbone };
}

const share = () => z.number().min(0).max(1);

export const rotationQuotaFormula = defineFormula({
  id: 'ROTATIONQUOTA',
  category: 'rotation',
  summary: {
    zh: '各校每学年须交流轮岗的教师人数及其中骨干教师人数（不低于符合条件教师的 10%，骨干不低于 20%）',
    en: 'Per school, how many teachers must rotate this year and how many of them must be backbone teachers (at least 10% of the eligible; backbone at least 20%)',
  },
  rounding: {
    zh: '“不低于”按精确分数向上取整：11 人的 10% 为 1.1，取 2 人；骨干人数同样向上取整。骨干教师计入交流人数，骨干下限更大时交流人数随之提高；结果不超过符合条件人数。',
    en: '"At least" rounds up on exact fractions: 10% of 11 is 1.1, so 2; the backbone number likewise. Backbone teachers count among those who rotate, so a larger backbone minimum raises the number who rotate; never more than the eligible.',
  },
  params: [
    param({
      name: 'eligible',
      summary: { zh: '各校符合交流条件的教师人数（一列或一行）', en: 'Eligible teachers per school (a column or a row)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择各校符合交流条件教师人数所在的一列，每格为不小于 0 的整数', en: 'Select the column of eligible teachers per school, whole numbers of 0 or more' },
      schema: numberVector({ min: 0, integer: true }),
    }),
    param({
      name: 'rate',
      summary: { zh: '交流比例下限；省略取政策配置 rotation.quota.rate（国家 10%）', en: 'Least share who rotate; omitted: profile rotation.quota.rate (national 10%)' },
      dimensionality: 'scalar',
      type: 'number',
      optional: true,
      hint: { zh: '请填写 0 到 1 之间的比例，如 0.1 表示 10%', en: 'Enter a share between 0 and 1, e.g. 0.1 for 10%' },
      schema: share(),
      zero: { advice: { zh: '请填写大于 0 的比例（如 0.1），或省略该参数取政策配置的比例', en: "enter a share above 0 (e.g. 0.1), or leave the argument out for the profile's rate" } },
    }),
    param({
      name: 'backboneShare',
      summary: { zh: '骨干教师比例下限；省略取政策配置 rotation.quota.backboneShare（20%）', en: 'Least backbone share; omitted: profile rotation.quota.backboneShare (20%)' },
      dimensionality: 'scalar',
      type: 'number',
      optional: true,
      hint: { zh: '请填写 0 到 1 之间的比例，如 0.2 表示 20%', en: 'Enter a share between 0 and 1, e.g. 0.2 for 20%' },
      schema: share(),
      zero: { advice: { zh: '不要求骨干教师比例请写 无；省略该参数取政策配置的比例', en: "for no backbone requirement write 无 (none); leave the argument out for the profile's share" }, none: 0 },
    }),
    param({
      name: 'backboneBase',
      summary: {
        zh: '骨干比例的基数："rotating"（交流轮岗教师总数）或 "eligible"（符合交流条件教师总数）；省略取政策配置',
        en: 'Base of the backbone share: "rotating" (those who rotate) or "eligible" (the eligible); omitted: the profile',
      },
      dimensionality: 'scalar',
      type: 'string',
      optional: true,
      hint: { zh: '请填写 "rotating"（交流总数）或 "eligible"（符合条件总数）', en: 'Enter "rotating" or "eligible"' },
      schema: backboneBaseSchema(),
    }),
    param({
      name: 'backboneEligible',
      summary: { zh: '各校符合交流条件的骨干教师人数（可选，用于核对骨干是否够数）', en: 'Eligible backbone teachers per school (optional: checks there are enough)' },
      dimensionality: 'matrix',
      type: 'number',
      optional: true,
      hint: { zh: '请选择与 eligible 等长的一列，每格为不小于 0 的整数', en: 'Select a column as long as eligible, whole numbers of 0 or more' },
      schema: numberVector({ min: 0, integer: true }),
      zero: {
        advice: { zh: '请选择与 eligible 等长的一列（空白格按 0 人），或省略该参数', en: 'select a column as long as eligible (a blank cell counts as 0), or leave the argument out' },
        wholeOnly: true,
      },
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每校一行两格：须交流人数、其中骨干教师人数（输入为一行时结果为两行）',
      en: 'One row of two cells per school: must rotate, of whom backbone (two rows when the input is a row)',
    },
  },
  pure: false,
  examples: [
    {
      formula: '=EDU.ROTATIONQUOTA({9;10;11;0})',
      args: [[[9], [10], [11], [0]], null, null, null, null],
      result: [
        [1, 1],
        [1, 1],
        [2, 1],
        [0, 0],
      ],
    },
    {
      formula: '=EDU.ROTATIONQUOTA({10;25}, 0.1, 0.2, "eligible")',
      args: [[[10], [25]], 0.1, 0.2, 'eligible', null],
      result: [
        [2, 2],
        [5, 5],
      ],
    },
    {
      formula: '=EDU.ROTATIONQUOTA({11;30}, , , , {1;0})',
      args: [[[11], [30]], null, null, null, [[1], [0]]],
      result: [
        [2, 1],
        [
          formulaError(
            'VALUE',
            '第 2 行：须交流骨干教师 1 人，但符合交流条件的骨干教师只有 0 人：请核对骨干教师名单，或报县教育局统筹调整',
            'Row 2: 1 backbone teacher must rotate but only 0 eligible backbone teachers exist: check the backbone list or ask the county bureau to adjust',
          ),
          formulaError(
            'VALUE',
            '第 2 行：须交流骨干教师 1 人，但符合交流条件的骨干教师只有 0 人：请核对骨干教师名单，或报县教育局统筹调整',
            'Row 2: 1 backbone teacher must rotate but only 0 eligible backbone teachers exist: check the backbone list or ask the county bureau to adjust',
          ),
        ],
      ],
    },
  ],
  compute({ eligible, rate, backboneShare, backboneBase, backboneEligible }, ctx) {
    const n = eligible.values.length;
    if (backboneEligible !== undefined && backboneEligible.values.length !== n) {
      return valueError(
        `backboneEligible 有 ${backboneEligible.values.length} 项，eligible 有 ${n} 项：两者须一一对应（每校一项）`,
        `backboneEligible has ${backboneEligible.values.length} items and eligible has ${n}: give one per school in both`,
      );
    }
    const defaults = rotationDefaults(ctx.profiles);
    if ('error' in defaults) return defaults;
    const r = rate ?? defaults.rate();
    if (typeof r !== 'number') return r;
    const s = backboneShare ?? defaults.backboneShare();
    if (typeof s !== 'number') return s;
    const base = backboneBase ?? defaults.backboneBase();
    if (typeof base !== 'string') return base;
    const rule: QuotaRule = { rate: rationalOf(r), backboneShare: rationalOf(s), backboneBase: base };

    const rows = eligible.values.map((e, i): ResultCell[] => {
      const quota = rotationQuota(e, rule);
      const existing = backboneEligible?.values[i];
      if (existing === undefined) return [quota.rotating, quota.backbone];
      const problem = backboneProblem(rowStart(ctx.cells, 'backboneEligible', i), e, existing, quota.backbone);
      return problem ? [problem, problem] : [quota.rotating, quota.backbone];
    });
    return eligible.orientation === 'column' ? rows : [rows.map((r) => r[0]!), rows.map((r) => r[1]!)];
  },
});

function backboneProblem(at: Bilingual, eligible: number, existing: number, required: number): FormulaError | undefined {
  if (existing > eligible) {
    return valueError(
      `${at.zh}符合条件的骨干教师 ${existing} 人多于符合条件的教师 ${eligible} 人：骨干教师是符合条件教师的一部分，请核对两列`,
      `${at.en}${existing} eligible backbone teachers exceed the ${eligible} eligible teachers: backbone teachers are among the eligible, check both columns`,
    );
  }
  if (existing >= required) return undefined;
  return valueError(
    `${at.zh}须交流骨干教师 ${required} 人，但符合交流条件的骨干教师只有 ${existing} 人：请核对骨干教师名单，或报县教育局统筹调整`,
    `${at.en}${required} backbone teacher${required === 1 ? '' : 's'} must rotate but only ${existing} eligible backbone teachers exist: check the backbone list or ask the county bureau to adjust`,
  );
}
