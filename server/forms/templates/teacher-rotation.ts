/**
 * 教师交流轮岗计划表: one row per teacher in the year's rotation plan.
 *
 *   序号 | 教师编号 | 姓名 | 任教学科 | 交流学校: 派出学校 | 接收学校 | 骨干教师 | 在校任教年限 | 交流距离（公里）
 *
 * The row under the body counts the teachers and the backbone teachers with their share
 * (辰教小组发〔2022〕10号: 骨干教师交流轮岗不低于总数的20%). The share is printed to
 * one decimal, rounded down, so a printed 20.0% is never really 19.96%.
 */
import { z } from 'zod';
import { count, defineForm, formPayload, nameText } from '../template.js';

const backbone = z.union([z.boolean(), z.enum(['是', '否'])]).transform((v) => v === true || v === '是');

const schema = formPayload({
  rows: z
    .array(
      z.strictObject({
        teacherId: nameText(30),
        name: nameText(30),
        subject: nameText(20),
        fromSchool: nameText(),
        toSchool: nameText(),
        backbone,
        yearsAtSchool: count(),
        distanceKm: z.number().min(0).max(10_000),
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

export const teacherRotation = defineForm({
  id: 'teacher-rotation',
  title: '教师交流轮岗计划表',
  summary: {
    zh: '年度教师交流轮岗名单：教师编号、姓名、学科、派出与接收学校、是否骨干、在校年限、交流距离，及骨干教师占比',
    en: 'The year’s teacher rotation list: id, name, subject, from and to school, backbone, years at the school, distance, and the backbone share',
  },
  orientation: 'landscape',
  bodySize: 11,
  fields: {
    rows: { zh: '教师', en: 'teachers' },
    teacherId: { zh: '教师编号', en: 'teacher id' },
    name: { zh: '姓名', en: 'name' },
    subject: { zh: '任教学科', en: 'subject' },
    fromSchool: { zh: '派出学校', en: 'from school' },
    toSchool: { zh: '接收学校', en: 'to school' },
    backbone: { zh: '骨干教师', en: 'backbone teacher' },
    yearsAtSchool: { zh: '在校任教年限', en: 'years at the school' },
    distanceKm: { zh: '交流距离（公里）', en: 'distance (km)' },
  },
  schema,
  example: {
    title: '2023—2024学年教师交流轮岗计划表',
    documentLine: '（示例：城镇学校、优质学校交流比例不低于符合条件教师的10%，骨干教师不低于交流总数的20%）',
    rows: [
      { teacherId: 'T0101', name: '张某某', subject: '语文', fromSchool: '城关第一小学', toSchool: '长寿镇中心小学', backbone: true, yearsAtSchool: 9, distanceKm: 32.5 },
      { teacherId: 'T0117', name: '李某某', subject: '数学', fromSchool: '城关第一小学', toSchool: '木金乡中心小学', backbone: false, yearsAtSchool: 6, distanceKm: 41 },
      { teacherId: 'T0124', name: '王某某', subject: '英语', fromSchool: '城关第一小学', toSchool: '龙门镇中心小学', backbone: false, yearsAtSchool: 7, distanceKm: 27.8 },
      { teacherId: 'T0206', name: '赵某某', subject: '数学', fromSchool: '城关第二小学', toSchool: '三阳乡中心小学', backbone: true, yearsAtSchool: 12, distanceKm: 18.2 },
      { teacherId: 'T0213', name: '刘某某', subject: '音乐', fromSchool: '城关第二小学', toSchool: '童市镇中心小学', backbone: false, yearsAtSchool: 6, distanceKm: 24 },
      { teacherId: 'T0302', name: '陈某某', subject: '物理', fromSchool: '县实验中学', toSchool: '南江镇中学', backbone: false, yearsAtSchool: 8, distanceKm: 45.6 },
      { teacherId: 'T0309', name: '杨某某', subject: '语文', fromSchool: '县实验中学', toSchool: '板江乡中学', backbone: false, yearsAtSchool: 10, distanceKm: 52.3 },
      { teacherId: 'T0315', name: '黄某某', subject: '体育', fromSchool: '县实验中学', toSchool: '上塔市镇中学', backbone: false, yearsAtSchool: 6, distanceKm: 38.9 },
    ],
    remarks: ['示例数据，仅作演示：教师、学校、年限和距离均为虚构。'],
  },
  build(payload) {
    const backboneCount = payload.rows.filter((r) => r.backbone).length;
    const total = payload.rows.length;
    return {
      columns: [
        { key: 'no', header: '序号', width: 6, kind: 'center' },
        { key: 'teacherId', header: '教师编号', width: 11, kind: 'center' },
        { key: 'name', header: '姓名', width: 10, kind: 'center' },
        { key: 'subject', header: '任教学科', width: 10, kind: 'center' },
        {
          header: '交流学校',
          children: [
            { key: 'fromSchool', header: '派出学校', width: 22, kind: 'text' },
            { key: 'toSchool', header: '接收学校', width: 22, kind: 'text' },
          ],
        },
        { key: 'backbone', header: '骨干教师', width: 9, kind: 'center' },
        { key: 'yearsAtSchool', header: '在校任教\n年限', width: 10, kind: 'integer' },
        { key: 'distanceKm', header: '交流距离\n（公里）', width: 11, kind: 'decimal1' },
      ],
      rows: payload.rows.map((r, i) => ({
        no: String(i + 1),
        teacherId: r.teacherId,
        name: r.name,
        subject: r.subject,
        fromSchool: r.fromSchool,
        toSchool: r.toSchool,
        backbone: r.backbone ? '是' : '否',
        yearsAtSchool: r.yearsAtSchool,
        distanceKm: r.distanceKm,
      })),
      footRows: [
        {
          cells: [
            { column: 'no', span: 4, value: '合 计', kind: 'center' },
            {
              column: 'fromSchool',
              span: 5,
              value: `交流 ${total} 人，其中骨干教师 ${backboneCount} 人，占 ${shareFloorText(backboneCount, total)}%`,
              kind: 'text',
            },
          ],
        },
      ],
      unitLine: '单位：人、年、公里',
    };
  },
});
