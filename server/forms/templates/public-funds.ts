/**
 * 公用经费分配表: each centre's share of the county's yearly public funds by driver
 * (平办发〔2023〕22号: 160万元 a year, "按人数、分类别、分层次配额"), its lump sum, and a
 * 合计 row that must equal the budget to the fen.
 *
 *   序号 | 单位名称 | 人数 | 分配金额（元）: driver 1 | driver 2 | ... | 合计（元）
 *
 * Amounts are read into integer fen; each row's 合计 and the 合计 row are integer sums.
 * If the lump sums do not add up to the budget the form is refused (422) with the
 * difference, rather than printed with a total that is not the budget.
 */
import { z } from 'zod';
import { count, defineForm, formPayload, nameText } from '../template.js';
import { formatYuan } from '../../../formulas/core/money.js';
import { rowLabel } from '../../../formulas/core/row-label.js';
import { moneyFen, sumFen, yuan } from '../money.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { factorSplit } from '../../../formulas/funding/factor-split.js';

/**
 * The example is one EDU.FACTORSPLIT call on the seed's 1,600,000 yuan (平办发〔2023〕22号):
 * 按人数 50% by the 48 posts (9/6/6/6/5/6/5/5), 分类别 30% by the townships each centre
 * covers (seed 000: 4/4/3/3/2/4/3/2), 分层次 20% by a tier coefficient (第一学区, the county
 * town, 1.5; the others 1). The worked figures (第一学区 283,270.58) are in
 * test/formulas/funding/factor-split.test.ts.
 */
const EXAMPLE_CENTRES = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'];
const EXAMPLE_FACTORS = [[9, 4, 1.5], [6, 4, 1], [6, 3, 1], [6, 3, 1], [5, 2, 1], [6, 4, 1], [5, 3, 1], [5, 2, 1]];

function exampleRows(): { name: string; headcount: number; shares: string[] }[] {
  const detail = invoke(factorSplit, [1600000, EXAMPLE_FACTORS, [[0.5, 0.3, 0.2]], null, null, null, true], { profiles: shippedProfileSource });
  if (!Array.isArray(detail)) throw new Error(`the 公用经费分配表 example does not split: ${JSON.stringify(detail)}`);
  // Detail columns: lump sum, the three factor parts, adjustment, total.
  return detail.map((row, i) => ({
    name: `${EXAMPLE_CENTRES[i]}学区教育事务中心`,
    headcount: EXAMPLE_FACTORS[i]![0]!,
    shares: row.slice(1, 4).map((x) => (x as number).toFixed(2)),
  }));
}

const schema = formPayload({
  budget: moneyFen(),
  drivers: z.array(z.strictObject({ name: nameText(20) })).min(1).max(8),
  rows: z
    .array(
      z.strictObject({
        name: nameText(),
        headcount: count().optional(),
        shares: z.array(moneyFen()).min(1).max(8),
      }),
    )
    .min(1)
    .max(200),
});

export const publicFunds = defineForm({
  id: 'public-funds',
  title: '公用经费分配表',
  summary: {
    zh: '各单位按分配因素（按人数、分类别、分层次等）的公用经费额度、各单位合计与总额；合计须与预算分毫不差',
    en: 'Public funds per unit by driver (headcount, category, tier ...), each unit’s lump sum and the total, which must equal the budget to the fen',
  },
  orientation: 'portrait',
  bodySize: 12,
  fields: {
    budget: { zh: '预算总额', en: 'budget' },
    drivers: { zh: '分配因素', en: 'drivers' },
    rows: { zh: '单位', en: 'units' },
    name: { zh: '名称', en: 'name' },
    headcount: { zh: '人数', en: 'headcount' },
    shares: { zh: '分配金额', en: 'shares' },
  },
  schema,
  example: {
    title: '学区教育事务中心公用经费分配表',
    documentLine: '（据平办发〔2023〕22号：县财政每年安排学区教育事务中心公用经费160万元，按人数、分类别、分层次配额）',
    budget: 1600000,
    drivers: [{ name: '按人数' }, { name: '分类别' }, { name: '分层次' }],
    rows: exampleRows(),
    remarks: [
      '示例数据，仅作演示：按人数、分类别、分层次的比例（50%、30%、20%），以辖区乡镇（街道）数代表“类别”、以第一学区层次系数 1.5 代表“层次”，均为假设，非政策规定；实际比例由县教育局、财政局确定。',
    ],
  },
  build(payload) {
    const drivers = payload.drivers;
    const bad = payload.rows.findIndex((r) => r.shares.length !== drivers.length);
    if (bad >= 0) {
      const row = payload.rows[bad]!;
      return {
        problem: {
          zh: `单位${rowLabel(bad).zh}（${row.name}）有 ${row.shares.length} 个分配金额，但分配因素有 ${drivers.length} 个（${drivers.map((d) => d.name).join('、')}）：请每个因素填一个金额，没有的填 0`,
          en: `Unit ${rowLabel(bad).en} (${row.name}) has ${row.shares.length} shares but there are ${drivers.length} drivers (${drivers.map((d) => d.name).join(', ')}): give one amount per driver, 0 where none`,
        },
      };
    }
    const lumps = payload.rows.map((r) => sumFen(r.shares));
    const total = sumFen(lumps);
    if (total !== payload.budget) {
      const diff = total - payload.budget;
      return {
        problem: {
          zh: `各单位合计 ${formatYuan(total)} 元，与预算总额 ${formatYuan(payload.budget)} 元${diff > 0n ? '多' : '少'} ${formatYuan(diff < 0n ? -diff : diff)} 元：分配结果必须与预算分毫不差，请核对各单位金额（用 EDU 分配函数可保证合计等于预算）`,
          en: `The units add up to ${formatYuan(total)} yuan, ${formatYuan(diff < 0n ? -diff : diff)} yuan ${diff > 0n ? 'more' : 'less'} than the budget of ${formatYuan(payload.budget)}: the split must equal the budget to the fen; check the amounts (the EDU split functions guarantee it)`,
        },
      };
    }
    const withHeadcount = payload.rows.some((r) => r.headcount !== undefined);
    const driverTotals = drivers.map((_, k) => sumFen(payload.rows.map((r) => r.shares[k]!)));
    const headcountTotal = payload.rows.reduce((sum, r) => sum + (r.headcount ?? 0), 0);
    return {
      columns: [
        { key: 'no', header: '序号', width: 6, kind: 'center' },
        { key: 'name', header: '单位名称', width: 26, kind: 'text' },
        ...(withHeadcount ? [{ key: 'headcount', header: '人数', width: 7, kind: 'integer' as const }] : []),
        { header: '分配金额（元）', children: drivers.map((d, k) => ({ key: `share${k}`, header: d.name, width: 14, kind: 'money' as const })) },
        { key: 'lump', header: '合计（元）', width: 15, kind: 'money' },
      ],
      rows: payload.rows.map((r, i) => ({
        no: String(i + 1),
        name: r.name,
        headcount: r.headcount ?? null,
        ...Object.fromEntries(r.shares.map((fen, k) => [`share${k}`, yuan(fen)])),
        lump: yuan(lumps[i]!),
      })),
      footRows: [
        {
          cells: [
            { column: 'no', span: 2, value: '合 计', kind: 'center' },
            ...(withHeadcount ? [{ column: 'headcount', value: headcountTotal }] : []),
            ...driverTotals.map((fen, k) => ({ column: `share${k}`, value: yuan(fen) })),
            { column: 'lump', value: yuan(total) },
          ],
        },
      ],
      unitLine: `预算总额：${formatYuan(payload.budget)} 元　　单位：元`,
    };
  },
});
