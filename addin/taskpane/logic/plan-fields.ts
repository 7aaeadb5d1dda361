/**
 * The columns each plan reads from the tables the clerk picks, found by their headers
 * (column-map.ts): teachers and schools for the rotation plan, schools and road distances
 * for the consolidation plan. The first alias is the one suggested when a column is missing.
 */
import type { FieldSpec } from './column-map.js';

export const TEACHER_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '教师编号', en: 'teacher id', aliases: ['教师编号', '工号', '编号', '教师代码', 'id', 'teacher id', 'teacherid', 'code'], required: true },
  { key: 'name', zh: '姓名', en: 'name', aliases: ['姓名', '教师姓名', 'name'], required: false },
  { key: 'school', zh: '所在学校', en: 'school', aliases: ['学校编号', '学校代码', '所在学校', '学校', '任教学校', '学校名称', '单位', 'school', 'school id', 'schoolid'], required: true },
  { key: 'subject', zh: '任教学科', en: 'subject', aliases: ['任教学科', '学科', '科目', 'subject'], required: true },
  { key: 'backbone', zh: '骨干教师', en: 'backbone', aliases: ['骨干教师', '是否骨干', '骨干', 'backbone'], required: false },
  { key: 'yearsAtSchool', zh: '本校任教年限', en: 'years at school', aliases: ['本校任教年限', '在校任教年限', '在校年限', '任教年限', '本校年限', '连续任教年限', 'years at school', 'yearsatschool', 'years'], required: true },
  { key: 'birthdate', zh: '出生日期', en: 'birthdate', aliases: ['出生日期', '出生年月', '生日', 'birthdate', 'birth date', 'date of birth'], required: false },
  { key: 'retireCategory', zh: '退休类别', en: 'retirement category', aliases: ['退休类别', '退休类型', '人员类别', 'retire category', 'retirecategory', 'retirement category'], required: false },
];

export const SCHOOL_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '学校编号', en: 'school id', aliases: ['学校编号', '学校代码', '编号', '代码', 'id', 'school id', 'schoolid', 'code'], required: false },
  { key: 'name', zh: '学校名称', en: 'school name', aliases: ['学校名称', '学校', '校名', '名称', 'name', 'school', 'school name'], required: false },
  { key: 'role', zh: '学校类别（派出/接收）', en: 'type (sending/receiving)', aliases: ['类别', '学校类别', '城乡类别', '城乡', '类型', '派出或接收', '交流方向', 'role', 'type', 'category'], required: true },
  { key: 'quota', zh: '应交流人数', en: 'quota', aliases: ['应交流人数', '交流人数', 'quota'], required: false },
  { key: 'backboneQuota', zh: '骨干应交流人数', en: 'backbone quota', aliases: ['骨干应交流人数', '骨干交流人数', 'backbone quota', 'backbonequota'], required: false },
];

export const CONSOLIDATION_FIELDS: FieldSpec[] = [
  { key: 'id', zh: '学校编号', en: 'school id', aliases: ['学校编号', '学校代码', '编号', '代码', 'id', 'school id', 'code'], required: false },
  { key: 'name', zh: '学校名称', en: 'school name', aliases: ['学校名称', '学校', '校名', '教学点', '名称', 'name', 'school'], required: false },
  { key: 'pupils', zh: '学生数', en: 'pupils', aliases: ['在校生数', '在校学生数', '学生数', '学生人数', '在校生', '学生', 'pupils', 'students', 'enrolment'], required: true },
  { key: 'teachers', zh: '教师数', en: 'teachers', aliases: ['教师数', '在编教师数', '教师人数', '教师', 'teachers'], required: false },
  { key: 'temporaryStaff', zh: '临聘人员数', en: 'temporary staff', aliases: ['临聘人员数', '临聘人员', '临聘', '代课教师', 'temporary staff', 'temporarystaff', 'temporary'], required: false },
  { key: 'capacity', zh: '学位数', en: 'capacity (seats)', aliases: ['学位数', '学位', '容量', '可容纳', 'capacity', 'seats'], required: false },
  { key: 'kept', zh: '保留（不撤并）', en: 'kept', aliases: ['保留', '暂缓撤并', '不撤并', 'kept', 'keep'], required: false },
  { key: 'receives', zh: '可接收', en: 'receives', aliases: ['可接收', '接收学校', '接收', 'receives'], required: false },
];

export const DISTANCE_FIELDS: FieldSpec[] = [
  { key: 'from', zh: '起点学校', en: 'from', aliases: ['起点学校', '起点', '学校1', '甲校', 'from'], required: true },
  { key: 'to', zh: '终点学校', en: 'to', aliases: ['终点学校', '终点', '学校2', '乙校', 'to'], required: true },
  { key: 'km', zh: '距离（公里）', en: 'km', aliases: ['距离', '公里', '里程', '路程', 'km', 'distance'], required: true },
];
