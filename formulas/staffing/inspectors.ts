/**
 * EDU.INSPECTORS(schoolsPerArea, [schoolsPerInspector], [minFullTimePerArea], [maxFullTimeShare]):
 * the inspectors (督学) of each responsibility area (督学责任区) under seed 002
 * (平办发〔2022〕30号 二(四)1): "按照督学与学校数 1:5 的比例配备督学。县级专职督学的比例
 * 不高于三分之一，每个责任区至少聘用 2 名专职督学，并根据工作需要，聘用兼职督学。"
 *
 * Per area: total = ⌈schools ÷ 5⌉ (each inspector covers at most 5 schools), full-time =
 * the minimum 2, part-time = the rest. The one-third cap is a county-level rule ("县级"), so
 * it is checked on the county total, which the function returns as a last row (合计).
 *
 * Where the rules cannot all hold, the cell says which rule gives way and by how much:
 * - an area whose ratio gives fewer inspectors than the full-time minimum (3 schools → 1
 *   inspector, but 2 full-time): that area's row is an error;
 * - a county whose full-time minimums exceed one third of its total: the county row is an
 *   error giving the part-time inspectors to add beyond the ratio (the seed's "根据工作需要
 *   聘用兼职督学") or, failing that, by how much the cap is exceeded.
 */
import type { CellNames } from '../core/cell-names.js';
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import { finiteNumber, type ResultCell } from '../core/excel-values.js';
import { numberVector } from '../core/number-cells.js';
import { ceil, div, floor, rationalOf, type Rational } from '../core/exact.js';
import { shareSchema } from '../core/share.js';

const showShare = (q: Rational): string => (q.n === 1n && q.d === 1n ? '1' : `${q.n}/${q.d}`);
const percent = (a: bigint, b: bigint): string => `${((Number(a) / Number(b)) * 100).toFixed(1)}%`;

/** "责任区（学校!B3）" / "The area at 学校!B3" when Excel gave the address, else "第 3 个责任区" / "Area 3". */
function areaName(cells: CellNames, i: number): Bilingual {
  const address = cells.address('schoolsPerArea', i);
  return address === undefined ? { zh: `第 ${i + 1} 个责任区`, en: `Area ${i + 1}` } : { zh: `责任区（${address}）`, en: `The area at ${address}` };
}

function areaConflict(area: Bilingual, schools: number, perInspector: number, ratioTotal: bigint, minFull: number): FormulaError {
  if (schools === 0) {
    return valueError(
      `${area.zh}没有学校：按 1:${perInspector} 不需配督学，但每个责任区至少 ${minFull} 名专职督学。若保留该责任区，比例让步 ${minFull} 名；否则请删去该责任区或并入相邻责任区`,
      `${area.en} has no schools: the 1:${perInspector} ratio needs no inspector but each area needs at least ${minFull} full-time. Keeping the area, the ratio gives way by ${minFull}; otherwise remove it or merge it with a neighbour`,
    );
  }
  const short = BigInt(minFull) - ratioTotal;
  return valueError(
    `${area.zh}有 ${schools} 所学校：按督学与学校数 1:${perInspector} 只配 ${ratioTotal} 名督学，但每个责任区至少 ${minFull} 名专职督学，两条不能同时满足。若保留“至少 ${minFull} 名专职”，1:${perInspector} 的比例让步，须多配 ${short} 名（共 ${minFull} 名，均为专职）；也可将该责任区并入相邻责任区，或把 minFullTimePerArea 改为 ${ratioTotal}`,
    `${area.en} has ${schools} schools: 1 inspector per ${perInspector} schools gives ${ratioTotal}, but each area needs at least ${minFull} full-time; both cannot hold. Keeping the full-time minimum, the ratio gives way by ${short} more inspector(s) (${minFull} in all, all full-time); or merge the area with a neighbour, or set minFullTimePerArea to ${ratioTotal}`,
  );
}

export const inspectors = defineFormula({
  id: 'INSPECTORS',
  category: 'staffing',
  summary: {
    zh: '按督学与学校数 1:5、每责任区至少 2 名专职、县级专职不高于三分之一，核定各责任区督学（总数、专职、兼职）',
    en: 'Inspectors per responsibility area (total, full-time, part-time): 1 per 5 schools, at least 2 full-time per area, full-time at most one third county-wide',
  },
  rounding: {
    zh: '每区督学数 = 学校数 ÷ schoolsPerInspector 向上取整（精确计算）；专职取每区最低数；三分之一按精确分数比较（=1/3 读作 1/3）',
    en: 'Inspectors per area = schools ÷ schoolsPerInspector rounded up (exact); full-time is the per-area minimum; the share is compared as an exact fraction (=1/3 is read as 1/3)',
  },
  params: [
    param({
      name: 'schoolsPerArea',
      summary: { zh: '各责任区学校数（一列或一行，应包括全县所有责任区）', en: 'Schools in each responsibility area (a column or row covering every area of the county)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写不小于 0 的整数学校数', en: 'Enter whole school counts of 0 or more' },
      schema: numberVector({ min: 0, integer: true }),
    }),
    param({
      name: 'schoolsPerInspector',
      summary: { zh: '可选：每名督学负责的学校数，默认 5（1:5）', en: 'Optional: schools per inspector, default 5 (1:5)' },
      dimensionality: 'scalar',
      type: 'number',
      optional: true,
      default: 5,
      hint: { zh: '请填写大于 0 的数，如 5', en: 'Enter a number above 0, such as 5' },
      schema: finiteNumber().positive(),
      zero: { advice: { zh: '请填写大于 0 的数，或省略该参数取默认 5', en: 'enter a number above 0, or leave the argument out for the default 5' } },
    }),
    param({
      name: 'minFullTimePerArea',
      summary: { zh: '可选：每个责任区至少的专职督学数，默认 2', en: 'Optional: the fewest full-time inspectors per area, default 2' },
      dimensionality: 'scalar',
      type: 'number',
      optional: true,
      default: 2,
      hint: { zh: '请填写不小于 0 的整数，如 2', en: 'Enter a whole number of 0 or more, such as 2' },
      schema: z.number().int().min(0),
      zero: { advice: { zh: '不设专职下限请写 无；省略该参数取默认 2', en: 'for no minimum write 无 (none); leave the argument out for the default 2' }, none: 0 },
    }),
    param({
      name: 'maxFullTimeShare',
      summary: { zh: '可选：全县专职督学占督学总数的上限，默认 1/3', en: 'Optional: the county-wide cap on the full-time share, default 1/3' },
      dimensionality: 'scalar',
      type: 'any',
      optional: true,
      default: '1/3',
      hint: { zh: '请填写 0 到 1 之间的数或分数文本，如 1/3', en: 'Enter a number from 0 to 1 or a fraction as text, such as 1/3' },
      schema: shareSchema(),
      cell: 'number',
      zero: { advice: { zh: '不允许专职督学请写 无；省略该参数取默认 1/3', en: 'for no full-time inspectors at all write 无 (none); leave the argument out for the default 1/3' }, none: 0 },
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每个责任区一行：督学总数、专职、兼职；最后一行为全县合计（按行输入时转置）',
      en: 'One row per area: total, full-time, part-time; the last row is the county total (transposed for a row input)',
    },
  },
  pure: true,
  examples: [
    // 28 → ⌈5.6⌉ = 6 (2 + 4); 40 → 8 (2 + 6); 35 → 7 (2 + 5). County 21, full-time 6 ≤ 21/3 = 7.
    {
      formula: '=EDU.INSPECTORS({28;40;35})',
      args: [[[28], [40], [35]]],
      result: [
        [6, 2, 4],
        [8, 2, 6],
        [7, 2, 5],
        [21, 6, 15],
      ],
    },
    // A single area of 30 schools: 6 inspectors, 2 full-time = 1/3 exactly, allowed.
    { formula: '=EDU.INSPECTORS(30, 5, 2, 1/3)', args: [30, 5, 2, 1 / 3], result: [[6, 2, 4], [6, 2, 4]] },
  ],
  compute({ schoolsPerArea, schoolsPerInspector, minFullTimePerArea: minFull, maxFullTimeShare: share }, { cells }) {
    const per = rationalOf(schoolsPerInspector);
    const schools = schoolsPerArea.values;
    const rows: ResultCell[][] = [];
    const failed: number[] = [];
    let total = 0n;
    schools.forEach((s, i) => {
      const ratioTotal = ceil(div({ n: BigInt(s), d: 1n }, per));
      if (ratioTotal < BigInt(minFull)) {
        const error = areaConflict(areaName(cells, i), s, schoolsPerInspector, ratioTotal, minFull);
        rows.push([error, error, error]);
        failed.push(i);
        return;
      }
      total += ratioTotal;
      rows.push([Number(ratioTotal), minFull, Number(ratioTotal) - minFull]);
    });
    rows.push(countyRow(failed.map((i) => areaName(cells, i)), total, BigInt(minFull) * BigInt(schools.length), share, schoolsPerInspector));
    return schoolsPerArea.orientation === 'column' ? rows : rows[0]!.map((_, c) => rows.map((r) => r[c]!));
  },
});

function countyRow(failed: readonly Bilingual[], total: bigint, fullTime: bigint, share: Rational, perInspector: number): ResultCell[] {
  if (failed.length > 0) {
    const error = valueError(
      `全县合计无法计算：${failed.map((a) => a.zh).join('、')}的规则冲突，请先按该处提示处理`,
      `No county total: the rules clash in ${failed.map((a) => a.en.replace(/^The area/, 'the area')).join(', ')}; resolve those first as their cells say`,
    );
    return [error, error, error];
  }
  // fullTime ≤ share × total, compared exactly: fullTime × d ≤ n × total.
  if (fullTime * share.d > share.n * total) {
    const allowed = floor({ n: share.n * total, d: share.d });
    const neededTotal = ceil({ n: fullTime * share.d, d: share.n });
    const error = valueError(
      `全县按 1:${perInspector} 配督学 ${total} 名，其中专职 ${fullTime} 名（每区最低数之和），占 ${percent(fullTime, total)}，高于上限 ${showShare(share)}：三条规则不能同时满足。按“根据工作需要聘用兼职督学”，须在比例之外再聘兼职督学 ${neededTotal - total} 名（总数 ${neededTotal}，兼职 ${neededTotal - fullTime}），否则专职比例上限让步，超出 ${fullTime - allowed} 名（上限内最多 ${allowed} 名专职）`,
      `The county has ${total} inspectors at 1 per ${perInspector} schools, ${fullTime} of them full-time (the per-area minimums), ${percent(fullTime, total)}, above the cap of ${showShare(share)}: the three rules cannot all hold. Hiring part-time inspectors as needed, the ratio gives way by ${neededTotal - total} more part-time (${neededTotal} in all, ${neededTotal - fullTime} part-time); otherwise the cap gives way, exceeded by ${fullTime - allowed} (at most ${allowed} full-time within it)`,
    );
    return [error, error, error];
  }
  return [Number(total), Number(fullTime), Number(total - fullTime)];
}
