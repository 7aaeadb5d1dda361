/**
 * EDU.PUBLICFUNDS(primary, junior, [boarders], [special], [profile], [rural]): each school's
 * public-funds requirement (生均公用经费) under a dated policy profile. The national
 * baseline is 国发〔2015〕67号: per-pupil base amounts for primary and junior pupils, a
 * supplement per boarder, a per-pupil amount for special education, and "农村地区不足100人的
 * 规模较小学校按100人核定公用经费" (a rural school under 100 pupils is funded as 100).
 */
import { unitName } from '../core/cell-names.js';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import { add, mul, type Rational, rationalOf } from '../core/exact.js';
import { booleanCell, expandPerUnit, orient, perUnitOf, type ResultCell } from '../core/excel-values.js';
import { ceilDiv } from '../core/money.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile, type ResolvedProfile } from '../core/profiles.js';
import { numberVector, perUnitNumbers } from '../core/number-cells.js';

// Ten million pupils per school is far beyond any real school and keeps every amount below 10^12 yuan.
const pupils = { min: 0, max: 10_000_000, integer: true } as const;

/** An optional pupil count per school (or one for all); omitted, 0. */
function optionalPupils<const N extends string>(name: N, summary: Bilingual) {
  return param({
    name,
    summary,
    dimensionality: 'matrix',
    type: 'number',
    optional: true,
    hint: { zh: '请填写非负整数，每校一个或一个数用于全部学校', en: 'Enter whole, non-negative numbers, one per school or one for all' },
    schema: perUnitNumbers(pupils),
  });
}

/** The profile keys this function reads. */
export const PUBLIC_FUNDS_KEYS = {
  primary: 'funding.publicFunds.primary',
  junior: 'funding.publicFunds.junior',
  boarder: 'funding.publicFunds.boarder',
  special: 'funding.publicFunds.special',
  smallSchoolPupils: 'funding.publicFunds.smallSchoolPupils',
} as const;

type Rates = Record<keyof typeof PUBLIC_FUNDS_KEYS, Rational>;

export const publicFunds = defineFormula({
  id: 'PUBLICFUNDS',
  category: 'funding',
  summary: {
    zh: '按政策配置计算每所学校的生均公用经费（小学、初中基准定额，寄宿生补助，特殊教育，农村不足 100 人按 100 人核定），精确到分',
    en: 'Each school\'s per-pupil public funds under a policy profile (primary and junior baselines, boarder supplement, special education, rural schools under 100 pupils funded as 100), to the fen',
  },
  rounding: {
    zh:
      '每校金额先精确计算：规模较小学校折算出的小学、初中学生数保留分数，不取整；最后一次向上取整到分（基准定额是“不低于”的标准，不足一分按一分计）。' +
      '定额为整元时，只有按 100 人核定的学校会出现不足一分的尾数。',
    en:
      'Each school\'s amount is computed exactly: the scaled primary and junior pupils of a small school keep their fractions and are not rounded; the ' +
      'amount is rounded up to the fen once at the end (the baseline is a minimum, "不低于", so a fraction of a fen counts as a fen). With whole-yuan ' +
      'rates only schools funded as 100 pupils have such fractions.',
  },
  params: [
    param({
      name: 'primary',
      summary: { zh: '各校普通小学在校生数（一列或一行，每校一个）', en: 'Primary pupils of each school (a column or row, one per school)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写非负整数的学生数，每校一个', en: 'Enter whole, non-negative pupil counts, one per school' },
      schema: numberVector(pupils),
    }),
    param({
      name: 'junior',
      summary: { zh: '各校普通初中在校生数（与 primary 对应）', en: 'Junior secondary pupils of each school (matching primary)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写非负整数的学生数，每校一个（与 primary 个数相同）', en: 'Enter whole, non-negative pupil counts, one per school (as many as primary)' },
      schema: numberVector(pupils),
    }),
    optionalPupils('boarders', { zh: '各校寄宿生数（包含在上述学生中）；省略为 0', en: 'Boarders of each school (among the pupils above); default 0' }),
    optionalPupils('special', {
      zh: '各校特殊教育学生数（特教学校学生、随班就读残疾学生；不要再计入 primary、junior）；省略为 0',
      en: 'Special-education pupils of each school (special-school pupils, disabled pupils in regular classes; not also counted in primary or junior); default 0',
    }),
    profileParam(
      {
        zh: '政策配置，可加 @日期，如 cn-national@2016-09-01（用该日有效的定额）；不写日期用今天（北京时间）有效的定额；省略为国家基准',
        en: 'Policy profile, optionally @date, e.g. cn-national@2016-09-01 (the rates in force that day); without a date, those in force today (Beijing time); omitted: the national baseline',
      },
      { zh: '请填写配置名，如 "cn-national"', en: 'Enter a profile id such as "cn-national"' },
    ),
    param({
      name: 'rural',
      summary: {
        zh: '是否农村学校（是/否、TRUE/FALSE、Y/N，每校一个或一个值用于全部）：农村不足 100 人的学校按 100 人核定；省略为 是',
        en: 'Rural school? (是/否, TRUE/FALSE, Y/N; one per school or one for all): a rural school under 100 pupils is funded as 100; default yes',
      },
      dimensionality: 'matrix',
      type: 'boolean',
      optional: true,
      default: true,
      hint: { zh: '请填写 是 或 否（或 TRUE/FALSE、Y/N），每校一个或一个值用于全部学校', en: 'Enter 是 or 否 (or TRUE/FALSE, Y/N), one per school or one for all' },
      schema: perUnitOf(booleanCell()),
      zero: {
        advice: {
          zh: '非农村学校请写 否（或 FALSE），农村学校写 是（或 TRUE）；整个参数省略时都按农村学校',
          en: 'write 否 (or FALSE) for a school that is not rural and 是 (or TRUE) for a rural one; leave the whole argument out to count every school as rural',
        },
      },
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: { zh: '每校一个金额（元，精确到分），排列方向与 primary 相同', en: 'One amount per school (yuan, to the fen), laid out like primary' },
  },
  pure: false,
  examples: [
    {
      formula: '=EDU.PUBLICFUNDS(300, 200)',
      args: [300, 200],
      result: [[404000]],
    },
    {
      formula: '=EDU.PUBLICFUNDS({300;40}, {200;20}, {50;0}, {2;0})',
      args: [[[300], [40]], [[200], [20]], [[50], [0]], [[2], [0]]],
      result: [[433000], [79333.34]],
    },
    {
      formula: '=EDU.PUBLICFUNDS(30, 0, 0, 0, "cn-national@2016-09-01", FALSE)',
      args: [30, 0, 0, 0, 'cn-national@2016-09-01', false],
      result: [[19500]],
    },
  ],
  compute({ primary, junior, boarders, special, profile, rural }, ctx) {
    const n = primary.values.length;
    const lengths: [string, number][] = [['junior', junior.values.length]];
    if (boarders?.kind === 'each') lengths.push(['boarders', boarders.values.length]);
    if (special?.kind === 'each') lengths.push(['special', special.values.length]);
    if (rural.kind === 'each') lengths.push(['rural', rural.values.length]);
    for (const [name, length] of lengths) {
      if (length !== n) {
        return valueError(
          `参数 ${name} 有 ${length} 个数，但 primary 有 ${n} 所学校：请每校给一个数${name === 'junior' ? '' : '，或只给一个数用于全部学校'}`,
          `${name} has ${length} values but primary has ${n} schools: give one per school${name === 'junior' ? '' : ', or a single value for all'}`,
        );
      }
    }
    const resolved = resolveProfile(ctx.profiles, profile);
    if ('error' in resolved) return resolved;
    const rates = readRates(resolved);
    if ('error' in rates) return rates;
    const boarding = boarders ? expandPerUnit(boarders, n) : new Array<number>(n).fill(0);
    const specials = special ? expandPerUnit(special, n) : new Array<number>(n).fill(0);
    const isRural = expandPerUnit(rural, n);
    const cells = primary.values.map((p, i): ResultCell => {
      const school = { primary: p, junior: junior.values[i]!, boarders: boarding[i] ?? 0, special: specials[i] ?? 0, rural: isRural[i]! };
      return schoolAmount(school, rates, unitName(ctx.cells, 'boarders', i, { zh: `第 ${i + 1} 所学校`, en: `School ${i + 1}` }));
    });
    return orient(cells, primary.orientation);
  },
});

function readRates(profile: ResolvedProfile): Rates | FormulaError {
  const out: Partial<Rates> = {};
  for (const [name, key] of Object.entries(PUBLIC_FUNDS_KEYS) as [keyof Rates, string][]) {
    const value = profileNumber(profile, key);
    if (typeof value !== 'number') return value;
    if (value < 0 || (name === 'smallSchoolPupils' && !Number.isInteger(value))) {
      return valueError(
        `政策配置 "${profile.id}" 的 ${key} 为 ${value}，不能用于计算：金额须为非负数，人数须为非负整数；请修改配置`,
        `Policy profile "${profile.id}" has ${key} = ${value}, which cannot be used: amounts must be non-negative and the pupil count a whole non-negative number; fix the profile`,
      );
    }
    out[name] = rationalOf(value);
  }
  return out as Rates;
}

interface School {
  primary: number;
  junior: number;
  boarders: number;
  special: number;
  rural: boolean;
}

const whole = (x: number): Rational => ({ n: BigInt(x), d: 1n });

/**
 * A rural school with 0 < pupils < 100 (primary + junior + special) is funded as 100: the
 * missing pupils are added to primary and junior in proportion to their counts (special-
 * education pupils keep their own rate), i.e. the base amount is scaled by
 * (100 - special) / (primary + junior). A school with only special-education pupils is a
 * special school, funded at the special rate alone.
 */
function schoolAmount(school: School, rates: Rates, at: Bilingual): ResultCell {
  const { primary, junior, boarders, special, rural } = school;
  const size = primary + junior + special;
  if (boarders > size) {
    return valueError(
      `${at.zh}的寄宿生 ${boarders} 人多于在校生 ${size} 人：寄宿生应包含在小学、初中或特殊教育学生之中`,
      `${at.en} has ${boarders} boarders but only ${size} pupils: boarders are counted among its primary, junior or special-education pupils`,
    );
  }
  let base = add(mul(rates.primary, whole(primary)), mul(rates.junior, whole(junior)));
  const floorPupils = rates.smallSchoolPupils.n / rates.smallSchoolPupils.d;
  const regular = BigInt(primary + junior);
  if (rural && regular > 0n && BigInt(size) < floorPupils) base = mul(base, { n: floorPupils - BigInt(special), d: regular });
  const amount = add(add(base, mul(rates.boarder, whole(boarders))), mul(rates.special, whole(special)));
  return Number(ceilDiv(amount.n * 100n, amount.d)) / 100;
}
