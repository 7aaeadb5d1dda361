/**
 * EDU.URBANPUPILS(total, urban, targetRate): the pupils to place in town schools to raise the
 * urbanisation rate of compulsory education (义务教育城区化率) to a target. Seed 001 (会府办字
 * 〔2023〕62号) raises it from 40% to 60% and builds 3,500 junior and 6,000 primary places.
 *
 * The target share is "at least": ⌈targetRate × total⌉ pupils in town, computed on exact
 * fractions of the rate as typed (0.6 is 3/5, not the binary double), less those in town now;
 * never below 0.
 */
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { valueError } from '../core/errors.js';
import { ceil, mul, rationalOf } from '../core/exact.js';

export const urbanPupils = defineFormula({
  id: 'URBANPUPILS',
  category: 'balance',
  summary: {
    zh: '要使义务教育城区化率达到目标，还需在城区安置的学生数',
    en: 'Pupils still to place in town schools for the urbanisation rate of compulsory education to reach a target',
  },
  rounding: {
    zh: '目标“不低于”，向上取整：⌈目标比例 × 在校生总数⌉ − 现有城区学生数，按输入的小数精确计算；已达到目标为 0',
    en: 'The target is "at least", so it rounds up: ⌈target × total⌉ − pupils in town now, on the exact decimals as typed; 0 once the target is met',
  },
  params: [
    param({
      name: 'total',
      summary: { zh: '全县（或规划年）义务教育在校生总数', en: 'All compulsory-education pupils of the county (in the planning year)' },
      dimensionality: 'scalar',
      type: 'number',
      hint: { zh: '请填写不小于 0 的整数', en: 'Enter a whole number of at least 0' },
      schema: z.number().int().min(0),
    }),
    param({
      name: 'urban',
      summary: { zh: '其中现在城区学校就读的学生数', en: 'Of them, the pupils in town schools now' },
      dimensionality: 'scalar',
      type: 'number',
      hint: { zh: '请填写不小于 0 的整数，不超过在校生总数', en: 'Enter a whole number of at least 0, at most the total' },
      schema: z.number().int().min(0),
    }),
    param({
      name: 'targetRate',
      summary: { zh: '目标城区化率，如 60% 或 0.6', en: 'Target urbanisation rate, e.g. 60% or 0.6' },
      dimensionality: 'scalar',
      type: 'number',
      hint: { zh: '请填写 0 到 1 之间的比例，如 0.6 表示 60%', en: 'Enter a share between 0 and 1, e.g. 0.6 for 60%' },
      schema: z.number().min(0).max(1),
    }),
  ],
  result: { dimensionality: 'scalar', type: 'number', summary: { zh: '还需在城区安置的学生数', en: 'Pupils still to place in town' } },
  pure: true,
  examples: [
    { formula: '=EDU.URBANPUPILS(47500, 19000, 60%)', args: [47500, 19000, 0.6], result: 9500 },
    { formula: '=EDU.URBANPUPILS(1001, 400, 0.6)', args: [1001, 400, 0.6], result: 201 },
    { formula: '=EDU.URBANPUPILS(1000, 700, 0.6)', args: [1000, 700, 0.6], result: 0 },
  ],
  compute({ total, urban, targetRate }) {
    if (urban > total) {
      return valueError(`城区学生数 ${urban} 多于在校生总数 ${total}：请核对`, `Pupils in town (${urban}) exceed the total (${total}): check the figures`);
    }
    const needed = Number(ceil(mul(rationalOf(targetRate), { n: BigInt(total), d: 1n })));
    return Math.max(0, needed - urban);
  },
});
