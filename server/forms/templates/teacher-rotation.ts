/**
 * 教师交流轮岗计划表: one row per teacher in the year's rotation plan, with the columns the
 * plan itself answers (formulas/rotation/plan-sheet.ts, where they are defined once); here
 * only their widths, number formats and the 交流学校 group over 派出学校 | 接收学校.
 *
 * The row under the body counts the teachers and the backbone teachers with their share
 * (辰教小组发〔2022〕10号: 骨干教师交流轮岗不低于总数的20%). The share is printed to
 * one decimal, rounded down, so a printed 20.0% is never really 19.96%.
 */
import { z } from 'zod';
import { ROTATION_SHEET, UNPLACED_TEXT } from '../../../formulas/rotation/plan-sheet.js';
import { yesNoCell } from '../../../formulas/rotation/plan-types.js';
import { yesNoText } from '../../../formulas/core/cells.js';
import { type ColumnKind, type ColumnNode, type LeafColumn, count, defineForm, formPayload, nameText } from '../template.js';

/** 骨干教师: read with the one yes/no word list (是/否, 有/无, Y/N, TRUE/FALSE, 1/0). */
const backbone = yesNoCell();

const schema = formPayload({
  rows: z
    .array(
      z.strictObject({
        teacherId: nameText(30),
        name: nameText(30),
        subject: nameText(20),
        fromSchool: nameText(),
        /** Blank (null) when no receiving school still needs the subject: the bureau places the teacher. */
        toSchool: nameText().nullable(),
        backbone,
        yearsAtSchool: count(),
        /** As the plan's distance table gives it (km or minutes); blank without one. */
        distance: z.number().min(0).max(100_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(5000),
});

/** floor(1000 * part / whole) / 10, exactly, as text: "25.0". */
export function shareFloorText(part: number, whole: number): string {
  const permille = Math.floor((part * 1000) / whole);
  return `${Math.floor(permille / 10)}.${permille % 10}`;
}

/** Width (Excel character units) and number format of each shared column. */
const LOOK: Record<string, { width: number; kind: ColumnKind }> = {
  seq: { width: 6, kind: 'center' },
  teacherId: { width: 11, kind: 'center' },
  name: { width: 10, kind: 'center' },
  subject: { width: 10, kind: 'center' },
  fromSchool: { width: 22, kind: 'text' },
  toSchool: { width: 22, kind: 'text' },
  backbone: { width: 9, kind: 'center' },
  yearsAtSchool: { width: 10, kind: 'integer' },
  distance: { width: 11, kind: 'decimal1' },
};

const SCHOOLS = new Set(['fromSchool', 'toSchool']);

function columnTree(): ColumnNode[] {
  const leaves: LeafColumn[] = ROTATION_SHEET.columns.map((c) => ({ key: c.key, header: c.zh, ...LOOK[c.key]! }));
  const schools = leaves.filter((c) => SCHOOLS.has(c.key));
  const at = leaves.findIndex((c) => SCHOOLS.has(c.key));
  const rest = leaves.filter((c) => !SCHOOLS.has(c.key));
  return [...rest.slice(0, at), { header: '交流学校', children: schools }, ...rest.slice(at)];
}

export const teacherRotation = defineForm({
  id: 'teacher-rotation',
  title: ROTATION_SHEET.title,
  summary: {
    zh: '年度教师交流轮岗名单：教师编号、姓名、学科、派出与接收学校、是否骨干、在校年限、交流距离，及骨干教师占比',
    en: 'The year’s teacher rotation list: id, name, subject, from and to school, backbone, years at the school, distance, and the backbone share',
  },
  orientation: 'landscape',
  bodySize: 11,
  fields: {
    rows: { zh: '教师', en: 'teachers' },
    ...Object.fromEntries(ROTATION_SHEET.columns.map((c) => [c.key, { zh: c.zh, en: c.en }])),
  },
  schema,
  example: {
    title: '2023—2024学年教师交流轮岗计划表',
    documentLine: '（示例：城镇学校、优质学校交流比例不低于符合条件教师的10%，骨干教师不低于交流总数的20%）',
    rows: [
      { teacherId: 'T0101', name: '张某某', subject: '语文', fromSchool: '城关第一小学', toSchool: '长寿镇中心小学', backbone: true, yearsAtSchool: 9, distance: 32.5 },
      { teacherId: 'T0117', name: '李某某', subject: '数学', fromSchool: '城关第一小学', toSchool: '木金乡中心小学', backbone: false, yearsAtSchool: 6, distance: 41 },
      { teacherId: 'T0124', name: '王某某', subject: '英语', fromSchool: '城关第一小学', toSchool: '龙门镇中心小学', backbone: false, yearsAtSchool: 7, distance: 27.8 },
      { teacherId: 'T0206', name: '赵某某', subject: '数学', fromSchool: '城关第二小学', toSchool: '三阳乡中心小学', backbone: true, yearsAtSchool: 12, distance: 18.2 },
      { teacherId: 'T0213', name: '刘某某', subject: '音乐', fromSchool: '城关第二小学', toSchool: '童市镇中心小学', backbone: false, yearsAtSchool: 6, distance: 24 },
      { teacherId: 'T0302', name: '陈某某', subject: '物理', fromSchool: '县实验中学', toSchool: '南江镇中学', backbone: false, yearsAtSchool: 8, distance: 45.6 },
      { teacherId: 'T0309', name: '杨某某', subject: '语文', fromSchool: '县实验中学', toSchool: '板江乡中学', backbone: false, yearsAtSchool: 10, distance: 52.3 },
      { teacherId: 'T0315', name: '黄某某', subject: '体育', fromSchool: '县实验中学', toSchool: '上塔市镇中学', backbone: false, yearsAtSchool: 6, distance: 38.9 },
    ],
    remarks: ['示例数据，仅作演示：教师、学校、年限和距离均为虚构。'],
  },
  build(payload) {
    const backboneCount = payload.rows.filter((r) => r.backbone).length;
    const total = payload.rows.length;
    return {
      columns: columnTree(),
      rows: payload.rows.map((r, i) => ({
        seq: String(i + 1),
        teacherId: r.teacherId,
        name: r.name,
        subject: r.subject,
        fromSchool: r.fromSchool,
        toSchool: r.toSchool ?? UNPLACED_TEXT,
        backbone: yesNoText(r.backbone),
        yearsAtSchool: r.yearsAtSchool,
        distance: r.distance ?? null,
      })),
      footRows: [
        {
          cells: [
            { column: 'seq', span: 4, value: '合 计', kind: 'center' },
            {
              column: 'fromSchool',
              span: 5,
              value: `交流 ${total} 人，其中骨干教师 ${backboneCount} 人，占 ${shareFloorText(backboneCount, total)}%`,
              kind: 'text',
            },
          ],
        },
      ],
      unitLine: '单位：人、年；距离按距离表的单位（通常为公里）',
    };
  },
});
