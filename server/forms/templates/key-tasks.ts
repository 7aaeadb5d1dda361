/**
 * 重点任务分工及进展表, laid out as 辰教小组发〔2022〕10号 (seed 004) prints its
 * 分工方案, with the 进展情况 column each department fills in every quarter:
 *
 *   序号 | 目标任务 | 具体要求 | 进展情况 | 牵头部门 | 责任部门 | 县教育局牵头联络股室
 *
 * The last header breaks as the seed's does (县教育局 / 牵头联络 / 股室). Long texts wrap;
 * row heights follow the text and the header repeats on every page.
 */
import { z } from 'zod';
import { defineForm, formPayload } from '../template.js';
import { KEY_TASKS_2022 } from '../examples/key-tasks-2022.js';

const text = (max: number) => z.string().trim().max(max);

const schema = formPayload({
  rows: z
    .array(
      z.strictObject({
        task: text(300).min(1),
        requirements: text(3000).optional(),
        progress: text(3000).optional(),
        lead: text(200).optional(),
        responsible: text(500).optional(),
        liaison: text(200).optional(),
      }),
    )
    .min(1)
    .max(500),
});

export const keyTasks = defineForm({
  id: 'key-tasks',
  title: '重点任务分工及进展表',
  summary: {
    zh: '重点任务的目标、具体要求、进展情况、牵头部门、责任部门和联络股室（辰教小组发〔2022〕10号格式）',
    en: 'Key tasks with requirements, progress, lead and responsible departments and the liaison office (layout of 辰教小组发〔2022〕10号)',
  },
  orientation: 'landscape',
  bodySize: 10.5,
  fields: {
    rows: { zh: '任务', en: 'tasks' },
    task: { zh: '目标任务', en: 'task' },
    requirements: { zh: '具体要求', en: 'requirements' },
    progress: { zh: '进展情况', en: 'progress' },
    lead: { zh: '牵头部门', en: 'lead department' },
    responsible: { zh: '责任部门', en: 'responsible departments' },
    liaison: { zh: '县教育局牵头联络股室', en: 'liaison office' },
  },
  schema,
  example: {
    title: '全市教育大会精神重点任务分工及进展表',
    documentLine: '（据辰教小组发〔2022〕10号《全市教育大会精神重点任务分工方案》；进展情况每季度填报）',
    rows: KEY_TASKS_2022.map((t) => ({ ...t, progress: '' })),
  },
  build(payload) {
    return {
      columns: [
        { key: 'no', header: '序号', width: 5, kind: 'center' },
        { key: 'task', header: '目标任务', width: 16, kind: 'text' },
        { key: 'requirements', header: '具体要求', width: 58, kind: 'text' },
        { key: 'progress', header: '进展情况', width: 24, kind: 'text' },
        { key: 'lead', header: '牵头部门', width: 12, kind: 'text' },
        { key: 'responsible', header: '责任部门', width: 18, kind: 'text' },
        { key: 'liaison', header: '县教育局\n牵头联络\n股室', width: 14, kind: 'text' },
      ],
      rows: payload.rows.map((r, i) => ({
        no: String(i + 1),
        task: r.task,
        requirements: r.requirements ?? null,
        progress: r.progress || null,
        lead: r.lead ?? null,
        responsible: r.responsible ?? null,
        liaison: r.liaison ?? null,
      })),
      footRows: [],
    };
  },
});
