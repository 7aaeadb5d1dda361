/**
 * The planning sheets of the example workbook, from seed 001 (会府办字〔2023〕62号) and seed 003
 * (眉政发〔2023〕13号):
 * - 城镇化学位测算: the pupils to place in town for 40% → 60% (EDU.URBANPUPILS) and the classes
 *   and schools the new places make (EDU.PLACESNEEDED), at the standard sizes and at 55 a class;
 * - 布局调整（示例）: an illustrative table of small schools and central schools, with road
 *   distances, that the 计划 pane's consolidation plan turns into the seed's totals: 104 schools
 *   of 10 pupils or fewer and 11 of 30 or fewer merged, 363 pupils placed, 74 teachers and 22
 *   temporary staff redeployed (test/examples/planning-sheet.test.ts plans it).
 */
import { yesNoText } from '../../formulas/core/cells.js';
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

export interface SeedSchool {
  id: string;
  name: string;
  pupils: number;
  teachers: number;
  temporaryStaff: number;
  capacity?: number;
  kept?: boolean;
}

const CENTRES = ['城关', '西江', '庄口', '筠门岭', '晓龙', '右水', '麻州', '周田', '文武坝', '站塘', '中村', '洞头'];

/** 12 central schools with 40–62 free seats each: room for every small school. */
export const SEED_RECEIVERS: readonly SeedSchool[] = CENTRES.map((town, r) => ({
  id: `Z${String(r + 1).padStart(2, '0')}`,
  name: `${town}中心小学`,
  pupils: 300 + r * 25,
  teachers: 18 + r,
  temporaryStaff: 0,
  capacity: 340 + r * 25 + (r % 3) * 11,
}));

const STAGE2_PUPILS = [11, 11, 12, 12, 13, 13, 14, 14, 15, 16, 17];
const STAGE1_PATTERN = [1, 2, 3, 2, 1, 3];

/**
 * 104 teaching points of 1–4 pupils (215 in all) and 11 small schools of 11–17 (148): 363.
 * Teachers: one at every other teaching point (52) and two at each small school (22): 74.
 * Temporary staff: one at every tenth teaching point (11) and at each small school (11): 22.
 * Two more teaching points are kept (families disagree) and are not in the totals.
 */
export const SEED_SMALL: readonly SeedSchool[] = (() => {
  const stage1 = Array.from({ length: 104 }, (_, i) => STAGE1_PATTERN[i % 6]!);
  for (let k = 0, short = 215 - stage1.reduce((a, p) => a + p, 0); k < short; k++) stage1[(k * 13) % 104]! += 1;
  return [
    ...stage1.map((pupils, i) => ({ id: `J${String(i + 1).padStart(3, '0')}`, name: `第${i + 1}教学点`, pupils, teachers: i % 2 === 0 ? 1 : 0, temporaryStaff: i % 10 === 0 ? 1 : 0 })),
    ...STAGE2_PUPILS.map((pupils, i) => ({ id: `X${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}村小`, pupils, teachers: 2, temporaryStaff: 1 })),
    { id: 'B01', name: '甲保留教学点', pupils: 4, teachers: 1, temporaryStaff: 0, kept: true },
    { id: 'B02', name: '乙保留教学点', pupils: 6, teachers: 1, temporaryStaff: 0, kept: true },
  ];
})();

/** Each small school has two central schools within 20 km. */
export const SEED_DISTANCES: readonly { from: string; to: string; km: number }[] = SEED_SMALL.flatMap((s, i) => [
  { from: s.id, to: SEED_RECEIVERS[i % 12]!.id, km: 3 + ((i * 7) % 13) },
  { from: s.id, to: SEED_RECEIVERS[(i + 5) % 12]!.id, km: 6 + ((i * 11) % 14) },
]);

const cellsUrbanisation = (): ExampleCell[] => [
  { ref: 'A1', value: '城镇化：还需在城区安置的学生与所需班级、学校', style: 'title' },
  { ref: 'A2', value: '说明：在校生总数为示意（illustrative）：按会昌县方案（种子 001）新建 9,500 个学位恰好使城区化率由 40% 提高到 60% 反推；请换成本县数据。', style: 'note' },
  { ref: 'A4', value: '义务教育在校生总数', style: 'header' },
  { ref: 'B4', value: 47500, style: 'illustrative', numberFormat: '#,##0' },
  { ref: 'A5', value: '现在城区就读', style: 'header' },
  { ref: 'B5', value: 19000, style: 'illustrative', numberFormat: '#,##0' },
  { ref: 'A6', value: '目标城区化率', style: 'header' },
  { ref: 'B6', value: 0.6, style: 'input', numberFormat: '0%' },
  { ref: 'A7', value: '还需在城区安置', style: 'header' },
  { ref: 'B7', formula: '=EDU.URBANPUPILS(B4,B5,B6)', style: 'result', numberFormat: '#,##0' },
  { ref: 'A9', value: '新建学位', style: 'header' },
  { ref: 'B9', value: '学段', style: 'header' },
  { ref: 'C9', value: '所需班级', style: 'header' },
  { ref: 'D9', value: '所需学校', style: 'header' },
  { ref: 'E9', value: '学位缺口', style: 'header' },
  { ref: 'F9', value: '班级缺口', style: 'header' },
  { ref: 'A10', value: 6000, style: 'input', numberFormat: '#,##0' },
  { ref: 'B10', value: '小学', style: 'input' },
  { ref: 'A11', value: 3500, style: 'input', numberFormat: '#,##0' },
  { ref: 'B11', value: '初中', style: 'input' },
  { ref: 'C10', formula: '=EDU.PLACESNEEDED(A10:A11,B10:B11)', style: 'result' },
  { ref: 'A13', value: '眉县（种子 003）：2025 年秋消除 56 人以上大班额（每班至多 55 人），2026 年达到标准班额', style: 'note' },
  { ref: 'A14', value: '2025 年（每班 ≤ 55）', style: 'header' },
  { ref: 'C14', formula: '=EDU.PLACESNEEDED(A10:A11,B10:B11,0,0,55)', style: 'result' },
];

function cellsConsolidation(): ExampleCell[] {
  const out: ExampleCell[] = [
    { ref: 'A1', value: '乡村小规模学校布局调整（示例）', style: 'title' },
    {
      ref: 'A2',
      value: '说明：本表学校和距离均为示意（illustrative），按会昌县方案（种子 001）的总数编制：优化10人以下学校104所、30人以下学校11所，安置学生363人，分流教师74人，安置临聘人员22人。在任务窗格“计划”中选此两表（阈值 10、30，最远 20 公里）即得这一方案。',
      style: 'note',
    },
  ];
  const headers = ['学校编号', '学校名称', '学生数', '教师数', '临聘人员数', '学位数', '保留'];
  headers.forEach((h, c) => out.push({ ref: `${'ABCDEFG'[c]}4`, value: h, style: 'header' }));
  [...SEED_RECEIVERS, ...SEED_SMALL].forEach((s, i) => {
    const row = 5 + i;
    const values = [s.id, s.name, s.pupils, s.teachers, s.temporaryStaff, s.capacity ?? '', yesNoText(s.kept === true)];
    values.forEach((value, c) => {
      if (value !== '') out.push({ ref: `${'ABCDEFG'[c]}${row}`, value, style: 'illustrative' });
    });
  });
  ['起点学校', '终点学校', '距离（公里）'].forEach((h, c) => out.push({ ref: `${'IJK'[c]}4`, value: h, style: 'header' }));
  SEED_DISTANCES.forEach((d, i) => {
    const row = 5 + i;
    out.push({ ref: `I${row}`, value: d.from, style: 'illustrative' }, { ref: `J${row}`, value: d.to, style: 'illustrative' }, { ref: `K${row}`, value: d.km, style: 'illustrative' });
  });
  return out;
}

export const planningSheets: ExampleSheet[] = [
  { name: '城镇化学位测算', columns: { A: 22, B: 12, C: 10, D: 10, E: 10, F: 10 }, merges: ['A1:F1', 'A2:F2', 'A13:F13'], cells: cellsUrbanisation() },
  { name: '布局调整（示例）', columns: { A: 10, B: 16, C: 8, D: 8, E: 10, F: 8, G: 6, I: 10, J: 10, K: 12 }, merges: ['A1:K1', 'A2:K2'], cells: cellsConsolidation() },
];
