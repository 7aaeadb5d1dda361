/**
 * 教师交流轮岗计划表, defined once: its title and its columns in order, each naming the field
 * of the plan row it shows. The service answers them with every plan (PlanResult.form), the
 * task pane writes the plan's sheet with them, and the printed form
 * (server/forms/templates/teacher-rotation.ts) lays out the same columns.
 */
import type { PlanRow } from './plan-types.js';

export interface SheetColumn {
  key: keyof PlanRow;
  zh: string;
  en: string;
}

export const ROTATION_SHEET: { title: string; columns: readonly SheetColumn[] } = {
  title: '教师交流轮岗计划表',
  columns: [
    { key: 'seq', zh: '序号', en: 'No.' },
    { key: 'teacherId', zh: '教师编号', en: 'Teacher id' },
    { key: 'name', zh: '姓名', en: 'Name' },
    { key: 'subject', zh: '任教学科', en: 'Subject' },
    { key: 'fromSchool', zh: '派出学校', en: 'From school' },
    { key: 'toSchool', zh: '接收学校', en: 'To school' },
    { key: 'backbone', zh: '骨干教师', en: 'Backbone' },
    { key: 'yearsAtSchool', zh: '本校任教年限', en: 'Years at the school' },
    { key: 'distance', zh: '交流距离', en: 'Distance' },
  ],
};

/** What the 接收学校 cell says when no receiving school still needs the teacher's subject. */
export const UNPLACED_TEXT = '待教育局统筹安排';
