/**
 * Staffing sheets of the example workbook, after seed 000 (平办发〔2023〕22号):
 *  - 学区岗位分配: the 48 posts of the 8 district education centres, 1 director each, the
 *    other 40 split by EDU.APPORTION on illustrative pupil counts with a minimum of 4;
 *  - 学区人员分流: 122 centre staff → 48 kept + 74 moved to schools; kept staff aged 50 or
 *    more on the reform date get a two-year transition;
 *  - 机关退休减员: the bureau's 137 staff, 10 retiring 2023-08..2024-12 → 127;
 *  - 编制与比例岗位: EDU.ESTABLISHMENT, EDU.RATIOPOSTS and EDU.INSPECTORS on a few schools.
 * Every pupil count, birth date and name here is illustrative; the seed gives only the totals.
 */
import { columnLetter as col } from '../../formulas/core/a1.js';
import { type CivilDate, toExcelSerial } from '../../formulas/core/dates.js';
import type { RetireCategory } from '../../formulas/staffing/retirement-reform.js';
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

const DATE_FORMAT = 'yyyy-mm-dd';

/** The reform date used for ages: the seed's date of issue (2023年8月17日印发). */
export const REFORM_DATE: CivilDate = { year: 2023, month: 8, day: 17 };
/** The seed's retirement window, 2023.8–2024.12. */
export const WINDOW_START: CivilDate = { year: 2023, month: 8, day: 1 };
export const WINDOW_END: CivilDate = { year: 2024, month: 12, day: 31 };

const headerRow = (row: number, titles: readonly string[]): ExampleCell[] =>
  titles.map((t, i) => ({ ref: `${col(i)}${row}`, value: t, style: 'header' as const }));

// ---------------------------------------------------------------- 学区岗位分配

const CENTRES = ['第一学区', '第二学区', '第三学区', '第四学区', '第五学区', '第六学区', '第七学区', '第八学区'];
/** The seed's table (小计): 9/6/6/6/5/6/5/5 = 48, of which 1 书记兼主任 each. */
export const SEED_POSTS = [9, 6, 6, 6, 5, 6, 5, 5];
/** Illustrative pupils per centre (not from the seed), chosen near the county's scale. */
export const ILLUSTRATIVE_PUPILS = [28000, 17000, 16800, 17200, 9800, 16900, 10200, 9900];
export const DEPUTY_MINIMUM = 4;

const P0 = 6;
const P1 = P0 + CENTRES.length - 1;
const PT = P1 + 1;

const postsSheet: ExampleSheet = {
  name: '学区岗位分配',
  columns: { A: 14, B: 14, C: 12, D: 20, E: 20, F: 12, G: 14, H: 10 },
  merges: ['A1:H1', 'A2:H2', 'A3:H3'],
  cells: [
    { ref: 'A1', value: '学区教育事务中心岗位分配（平办发〔2023〕22号：8 个学区，核定 48 名，每学区书记兼主任 1 名）', style: 'title' },
    {
      ref: 'A2',
      value: '学生数为示意数据（文件未给出各学区学生数），仅作演示；“文件核定”一列为文件中的岗位设置表。 / Pupil counts are illustrative (the seed gives none).',
      style: 'note',
    },
    {
      ref: 'A3',
      // A formula, so the sentence follows the minimum when the clerk changes B17.
      formula: '="副主任及专干 = 48 − 8 名主任 = 40 名，按学生数用最大余额法（hamilton）分配，每学区至少 "&B17&" 名；对照列不设最低名额。"',
      style: 'note',
    },
    ...headerRow(P0 - 1, ['学区', '学生数（示意）', '书记兼主任', '', '对照：不设最低', '岗位合计', '文件核定', '差额']).filter((c) => c.value !== ''),
    { ref: `D${P0 - 1}`, formula: '="副主任及专干（至少 "&B17&" 名）"', style: 'header' },
    ...CENTRES.flatMap((name, i): ExampleCell[] => {
      const r = P0 + i;
      return [
        { ref: `A${r}`, value: name },
        { ref: `B${r}`, value: ILLUSTRATIVE_PUPILS[i]!, style: 'illustrative', numberFormat: '#,##0' },
        { ref: `C${r}`, value: 1, style: 'input' },
        ...(i === 0
          ? [
              { ref: `D${r}`, formula: `=EDU.APPORTION(B16,B${P0}:B${P1},"hamilton",B17)`, style: 'result' as const },
              { ref: `E${r}`, formula: `=EDU.APPORTION(B16,B${P0}:B${P1},"hamilton")`, style: 'result' as const },
            ]
          : []),
        { ref: `F${r}`, formula: `=C${r}+D${r}`, style: 'result' },
        { ref: `G${r}`, value: SEED_POSTS[i]! },
        { ref: `H${r}`, formula: `=F${r}-G${r}`, style: 'result' },
      ];
    }),
    { ref: `A${PT}`, value: '合计', style: 'total' },
    ...['B', 'C', 'D', 'E', 'F', 'G', 'H'].map(
      (c): ExampleCell => ({ ref: `${c}${PT}`, formula: `=SUM(${c}${P0}:${c}${P1})`, style: 'total', numberFormat: c === 'B' ? '#,##0' : undefined }),
    ),
    { ref: 'A15', value: '核定编制', style: 'header' },
    { ref: 'B15', value: 48, style: 'input' },
    { ref: 'A16', value: '待分配（副主任及专干）', style: 'header' },
    { ref: 'B16', formula: `=B15-C${PT}`, style: 'result' },
    { ref: 'A17', value: '每学区至少', style: 'header' },
    { ref: 'B17', value: DEPUTY_MINIMUM, style: 'input' },
  ],
};

// ---------------------------------------------------------------- illustrative staff lists

export interface IllustrativeStaff {
  id: string;
  birth: CivilDate;
  category: RetireCategory;
}

/** A small deterministic generator, so the sheets are the same on every build. */
function generator(seed: number) {
  let x = seed;
  return (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((x / 2147483648) * n);
  };
}

const CATEGORY_NAMES: Record<RetireCategory, string> = { male: '男职工', 'female-cadre': '女干部', 'female-worker': '女工人' };

function birthBetween(next: (n: number) => number, from: number, to: number): CivilDate {
  const year = from + next(to - from + 1);
  const month = 1 + next(12);
  return { year, month, day: 1 + next(28) };
}

/**
 * Staff in post on the reform date who retire after 2024-12 under the old ages, i.e. men
 * born 1965 or later, female cadres 1970 or later, female workers 1975 or later.
 */
function staffAfterWindow(prefix: string, count: number, seed: number, workerShare: number): IllustrativeStaff[] {
  const next = generator(seed);
  return Array.from({ length: count }, (_, i): IllustrativeStaff => {
    const pick = next(100);
    const category: RetireCategory = pick < 55 ? 'male' : pick < 100 - workerShare ? 'female-cadre' : 'female-worker';
    const from = category === 'male' ? 1965 : category === 'female-cadre' ? 1970 : 1975;
    return { id: `${prefix}${String(i + 1).padStart(3, '0')}`, birth: birthBetween(next, from, 1996), category };
  });
}

/**
 * The bureau's 10 who retire in 2023-08..2024-12 (under the old ages, before the reform):
 * men born 1963-08..1964-12 turn 60, female cadres born 1968-08..1969-12 turn 55, female
 * workers born 1973-08..1974-12 turn 50 within the window.
 */
const WINDOW_RETIREES: readonly [CivilDate, RetireCategory][] = [
  [{ year: 1963, month: 8, day: 20 }, 'male'],
  [{ year: 1963, month: 11, day: 3 }, 'male'],
  [{ year: 1964, month: 2, day: 14 }, 'male'],
  [{ year: 1964, month: 6, day: 30 }, 'male'],
  [{ year: 1964, month: 9, day: 9 }, 'male'],
  [{ year: 1964, month: 12, day: 31 }, 'male'],
  [{ year: 1968, month: 10, day: 12 }, 'female-cadre'],
  [{ year: 1969, month: 4, day: 25 }, 'female-cadre'],
  [{ year: 1969, month: 12, day: 1 }, 'female-cadre'],
  [{ year: 1974, month: 7, day: 18 }, 'female-worker'],
];

/** Illustrative: the bureau's 137 staff in post (核定编制 137). */
export const BUREAU_STAFF: readonly IllustrativeStaff[] = (() => {
  const others = staffAfterWindow('J', 137 - WINDOW_RETIREES.length, 20230817, 5);
  const retirees = WINDOW_RETIREES.map(([birth, category]): IllustrativeStaff => ({ id: '', birth, category }));
  // Interleave the retirees through the list so the count is not a matter of position.
  const all = [...others];
  retirees.forEach((r, i) => all.splice(i * 13 + 5, 0, r));
  return all.map((s, i) => ({ ...s, id: `J${String(i + 1).padStart(3, '0')}` }));
})();

/**
 * Illustrative: the 122 centre staff. Some were born 1963–1973, so a share are 50 or more on
 * the reform date; nobody on the list had reached the old retirement age by then.
 */
export const CENTRE_STAFF: readonly IllustrativeStaff[] = (() => {
  const next = generator(122);
  return Array.from({ length: 122 }, (_, i): IllustrativeStaff => {
    const pick = next(100);
    const category: RetireCategory = pick < 62 ? 'male' : pick < 92 ? 'female-cadre' : 'female-worker';
    const earliest = category === 'male' ? 1964 : category === 'female-cadre' ? 1969 : 1974;
    return { id: `X${String(i + 1).padStart(3, '0')}`, birth: birthBetween(next, earliest, 1995), category };
  });
})();

/** Illustrative: which 48 of the 122 were kept (spread through the list: i × 7 mod 122 < 48), the rest moved. */
export const KEPT: ReadonlySet<string> = new Set(CENTRE_STAFF.filter((_, i) => (i * 7) % 122 < 48).map((s) => s.id));

// ---------------------------------------------------------------- 学区人员分流

const S0 = 8;
const S1 = S0 + CENTRE_STAFF.length - 1;

const redeploymentSheet: ExampleSheet = {
  name: '学区人员分流',
  columns: { A: 10, B: 13, C: 10, D: 8, E: 12, F: 10, G: 14, H: 14, J: 30, K: 12 },
  merges: ['A1:H1', 'A2:H2', 'A3:H3'],
  cells: [
    { ref: 'A1', value: '学区人员分流：现有 122 人 → 竞聘上岗 48 人 + 转岗到学校 74 人（平办发〔2023〕22号 三(一)）', style: 'title' },
    {
      ref: 'A2',
      value: '人员名单、出生日期、类别和去向均为示意数据，仅作演示。 / The staff list (dates, categories, who stays) is illustrative.',
      style: 'note',
    },
    {
      ref: 'A3',
      value: '改革日取文件印发日 2023-08-17；留任人员中改革日年满 50 周岁（含）的设两年过渡期，至 2025-08-17 或法定退休日（取早者）。',
      style: 'note',
    },
    { ref: 'A5', value: '改革日', style: 'header' },
    { ref: 'B5', value: toExcelSerial(REFORM_DATE), style: 'input', numberFormat: DATE_FORMAT },
    ...headerRow(S0 - 1, ['编号', '出生日期', '类别', '去向', '改革日年龄', '过渡期', '过渡期满', '法定退休日期']),
    ...CENTRE_STAFF.flatMap((s, i): ExampleCell[] => {
      const r = S0 + i;
      return [
        { ref: `A${r}`, value: s.id },
        { ref: `B${r}`, value: toExcelSerial(s.birth), style: 'illustrative', numberFormat: DATE_FORMAT },
        { ref: `C${r}`, value: CATEGORY_NAMES[s.category], style: 'illustrative' },
        { ref: `D${r}`, value: KEPT.has(s.id) ? '留任' : '转岗', style: 'illustrative' },
        { ref: `E${r}`, formula: `=DATEDIF(B${r},$B$5,"Y")`, style: 'result' },
        { ref: `F${r}`, formula: `=IF(AND(D${r}="留任",E${r}>=50),"是","")`, style: 'result' },
        { ref: `G${r}`, formula: `=IF(F${r}="是",MIN(EDATE($B$5,24),H${r}),"")`, style: 'result', numberFormat: DATE_FORMAT },
        ...(i === 0 ? [{ ref: `H${r}`, formula: `=EDU.RETIREDATE(B${S0}:B${S1},C${S0}:C${S1})`, style: 'result' as const, numberFormat: DATE_FORMAT }] : []),
      ];
    }),
    { ref: 'J5', value: '汇总', style: 'header' },
    { ref: 'K5', value: '人数', style: 'header' },
    { ref: 'J6', value: '现有学区工作人员' },
    { ref: 'K6', formula: `=COUNTA(A${S0}:A${S1})`, style: 'result' },
    { ref: 'J7', value: '竞聘上岗（留任）' },
    { ref: 'K7', formula: `=COUNTIF(D${S0}:D${S1},"留任")`, style: 'result' },
    { ref: 'J8', value: '转岗到学校' },
    { ref: 'K8', formula: `=COUNTIF(D${S0}:D${S1},"转岗")`, style: 'result' },
    { ref: 'J9', value: '留任且年满 50 周岁（过渡期）' },
    { ref: 'K9', formula: `=COUNTIF(F${S0}:F${S1},"是")`, style: 'result' },
    { ref: 'J10', value: '其中过渡期内到龄退休' },
    { ref: 'K10', formula: `=COUNTIFS(F${S0}:F${S1},"是",H${S0}:H${S1},"<"&EDATE($B$5,24))`, style: 'result' },
    { ref: 'J11', value: '全部人员改革日年满 50 周岁' },
    { ref: 'K11', formula: `=COUNTIF(E${S0}:E${S1},">=50")`, style: 'result' },
  ],
};

// ---------------------------------------------------------------- 机关退休减员

const B0 = 9;
const B1 = B0 + BUREAU_STAFF.length - 1;

const bureauSheet: ExampleSheet = {
  name: '机关退休减员',
  columns: { A: 10, B: 13, C: 10, D: 14, E: 10, G: 34, H: 12 },
  merges: ['A1:H1', 'A2:H2', 'A3:H3'],
  cells: [
    { ref: 'A1', value: '教育局机关编制调减：在编 137 人，2023.8–2024.12 退休 10 人，调减后 127 名（平办发〔2023〕22号 三(二)）', style: 'title' },
    {
      ref: 'A2',
      value: '人员名单、出生日期和类别均为示意数据，仅作演示（文件只给出 137、10、127 三个数）。 / The staff list is illustrative.',
      style: 'note',
    },
    {
      ref: 'A3',
      value: '退休日期由 EDU.RETIREDATE 计算：窗口内退休者在 2025 年前到龄，按原法定退休年龄（男 60、女干部 55、女工人 50）。另择优选派 1–2 人到学校交流任职，不在此表计算。',
      style: 'note',
    },
    { ref: 'A5', value: '窗口起', style: 'header' },
    { ref: 'B5', value: toExcelSerial(WINDOW_START), style: 'input', numberFormat: DATE_FORMAT },
    { ref: 'A6', value: '窗口止', style: 'header' },
    { ref: 'B6', value: toExcelSerial(WINDOW_END), style: 'input', numberFormat: DATE_FORMAT },
    ...headerRow(B0 - 1, ['编号', '出生日期', '类别', '法定退休日期', '窗口内退休']),
    ...BUREAU_STAFF.flatMap((s, i): ExampleCell[] => {
      const r = B0 + i;
      return [
        { ref: `A${r}`, value: s.id },
        { ref: `B${r}`, value: toExcelSerial(s.birth), style: 'illustrative', numberFormat: DATE_FORMAT },
        { ref: `C${r}`, value: CATEGORY_NAMES[s.category], style: 'illustrative' },
        ...(i === 0 ? [{ ref: `D${r}`, formula: `=EDU.RETIREDATE(B${B0}:B${B1},C${B0}:C${B1})`, style: 'result' as const, numberFormat: DATE_FORMAT }] : []),
        { ref: `E${r}`, formula: `=IF(AND(D${r}>=$B$5,D${r}<=$B$6),"是","")`, style: 'result' },
      ];
    }),
    { ref: 'G5', value: '汇总', style: 'header' },
    { ref: 'H5', value: '人数', style: 'header' },
    { ref: 'G6', value: '在编人员' },
    { ref: 'H6', formula: `=COUNTA(A${B0}:A${B1})`, style: 'result' },
    { ref: 'G7', value: '2023.8–2024.12 退休' },
    { ref: 'H7', formula: `=COUNTIFS(D${B0}:D${B1},">="&B5,D${B0}:D${B1},"<="&B6)`, style: 'result' },
    { ref: 'G8', value: '调减后人数' },
    { ref: 'H8', formula: '=H6-H7', style: 'result' },
    { ref: 'G9', value: '应核定编制（137 − 10）' },
    { ref: 'H9', value: 127 },
    { ref: 'G10', value: '差额' },
    { ref: 'H10', formula: '=H8-H9', style: 'result' },
  ],
};

// ---------------------------------------------------------------- 编制与比例岗位

const SCHOOLS: readonly [string, string, number][] = [
  ['城关一小', '小学', 2350],
  ['城关中学', '初中', 1620],
  ['县一中', '高中', 2900],
  ['某村小', '小学', 64],
];
const AREA_SCHOOLS = [28, 40, 35, 31, 22, 30, 26, 24];
const AREA_NAMES = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八'];

const ratiosSheet: ExampleSheet = {
  name: '编制与比例岗位',
  columns: { A: 14, B: 10, C: 10, D: 12, E: 14, F: 16, H: 14, I: 10, J: 10, K: 10, L: 10 },
  merges: ['A1:L1', 'A2:L2', 'A3:L3'],
  cells: [
    { ref: 'A1', value: '教职工编制与按比例配备的岗位', style: 'title' },
    {
      ref: 'A2',
      value: '学校、学生数和各责任区学校数均为示意数据，仅作演示。 / Schools, pupils and area school counts are illustrative.',
      style: 'note',
    },
    {
      ref: 'A3',
      value: '编制按中央编办发〔2014〕72号（小学 1:19、初中 1:13.5、高中 1:12.5，每校向上取整）；心理健康教师取两者中较大的：按学生数不低于 1:1000（县级规定，辰教小组发〔2022〕10号）向上取整，与每校至少 1 名专职（教思政厅函〔2021〕10号），两个值取自政策配置（见右侧“心理健康教师配备”）；骨干教师每百名学生 1 名以上（辰教小组发〔2022〕10号），向上取整；督学按 1:5、每责任区至少 2 名专职、全县专职不高于三分之一（平办发〔2022〕30号），最后一行为全县合计。',
      style: 'note',
    },
    ...headerRow(5, ['学校', '学段', '学生数', '教职工编制', '心理健康教师', '县级以上骨干教师']),
    ...SCHOOLS.flatMap(([name, level, pupils], i): ExampleCell[] => {
      const r = 6 + i;
      return [
        { ref: `A${r}`, value: name, style: 'illustrative' },
        { ref: `B${r}`, value: level },
        { ref: `C${r}`, value: pupils, style: 'illustrative' },
        ...(i === 0
          ? [
              { ref: `D${r}`, formula: '=EDU.ESTABLISHMENT(C6:C9,B6:B9)', style: 'result' as const },
              { ref: `E${r}`, formula: '=EDU.RATIOPOSTS(C6:C9,I6,I7)', style: 'result' as const },
              { ref: `F${r}`, formula: '=EDU.RATIOPOSTS(C6:C9,100)', style: 'result' as const },
            ]
          : []),
      ];
    }),
    { ref: 'H5', value: '心理健康教师配备', style: 'header' },
    { ref: 'I5', value: '取值', style: 'header' },
    { ref: 'H6', value: '每名对应学生数（县级）' },
    { ref: 'I6', formula: '=EDU.PROFILE("cn-national","staffing.psychology.pupilsPerTeacher")', style: 'result' },
    { ref: 'H7', value: '每校至少（国家）' },
    { ref: 'I7', formula: '=EDU.PROFILE("cn-national","staffing.psychology.perSchoolMinimum")', style: 'result' },
    { ref: 'H11', value: '督学责任区', style: 'header' },
    { ref: 'I11', value: '学校数', style: 'header' },
    { ref: 'J11', value: '督学总数', style: 'header' },
    { ref: 'K11', value: '专职', style: 'header' },
    { ref: 'L11', value: '兼职', style: 'header' },
    ...AREA_SCHOOLS.flatMap((n, i): ExampleCell[] => [
      { ref: `H${12 + i}`, value: `${AREA_NAMES[i]}责任区` },
      { ref: `I${12 + i}`, value: n, style: 'illustrative' },
    ]),
    { ref: 'H20', value: '全县合计', style: 'total' },
    { ref: 'I20', formula: '=SUM(I12:I19)', style: 'total' },
    { ref: 'J12', formula: '=EDU.INSPECTORS(I12:I19)', style: 'result' },
  ],
};

export const staffingSheets: ExampleSheet[] = [postsSheet, redeploymentSheet, bureauSheet, ratiosSheet];
