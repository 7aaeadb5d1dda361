/**
 * 学区教育事务中心岗位设置表, laid out as 平办发〔2023〕22号 (seed 000) prints it:
 *
 *   单位名称 | 岗 位 设 置               | 小计
 *            | 书记兼主任 | 副主任及专干 |
 *            |            | (duties)     |
 *   第一学区教育事务中心 | 1 | 8 | 9
 *   ...
 *   合 计    |            |              | 48
 *
 * The duties line under 副主任及专干 is printed when the payload gives it (the seed does).
 * 小计 is computed (书记兼主任 + 副主任及专干), never typed; the 合计 row fills 小计 only,
 * as the seed does. When the payload names the approved establishment (核定编制 48), the
 * total must equal it.
 */
import { z } from 'zod';
import { count, defineForm, formPayload, nameText, type ColumnNode } from '../template.js';

const schema = formPayload({
  deputyDuties: z.string().trim().max(300).optional(),
  establishment: count().optional(),
  rows: z
    .array(
      z.strictObject({
        name: nameText(),
        director: count(),
        deputies: count(),
      }),
    )
    .min(1)
    .max(200),
});

export const districtCentrePosts = defineForm({
  id: 'district-centre-posts',
  title: '学区教育事务中心岗位设置表',
  summary: {
    zh: '各学区教育事务中心书记兼主任、副主任及专干岗位数与小计、合计（平办发〔2023〕22号格式）',
    en: 'Posts per district education centre: director, deputies and officers, subtotals and total (layout of 平办发〔2023〕22号)',
  },
  orientation: 'portrait',
  bodySize: 12,
  fields: {
    rows: { zh: '单位', en: 'units' },
    name: { zh: '单位名称', en: 'unit name' },
    director: { zh: '书记兼主任', en: 'director' },
    deputies: { zh: '副主任及专干', en: 'deputies and officers' },
    deputyDuties: { zh: '副主任及专干职责', en: 'duties of deputies and officers' },
    establishment: { zh: '核定编制', en: 'approved establishment' },
  },
  schema,
  example: {
    documentLine: '（据平办发〔2023〕22号《关于深化义务教育学校管理体制改革实施方案》）',
    deputyDuties:
      '负责业务（基教、职成、学前、教研、师训、招考、心理健康与家庭教育、教育技术）、人事（党建、人事、纪监）、财建（财务、建设、审计、助学）、安保、后勤、校外教育培训监管、办公室、教育督导等工作。',
    establishment: 48,
    rows: [
      { name: '第一学区教育事务中心', director: 1, deputies: 8 },
      { name: '第二学区教育事务中心', director: 1, deputies: 5 },
      { name: '第三学区教育事务中心', director: 1, deputies: 5 },
      { name: '第四学区教育事务中心', director: 1, deputies: 5 },
      { name: '第五学区教育事务中心', director: 1, deputies: 4 },
      { name: '第六学区教育事务中心', director: 1, deputies: 5 },
      { name: '第七学区教育事务中心', director: 1, deputies: 4 },
      { name: '第八学区教育事务中心', director: 1, deputies: 4 },
    ],
  },
  build(payload) {
    const deputies: ColumnNode = payload.deputyDuties
      ? { header: '副主任及专干', children: [{ key: 'deputies', header: payload.deputyDuties, width: 30, kind: 'integer' }] }
      : { key: 'deputies', header: '副主任及专干', width: 30, kind: 'integer' };
    const total = payload.rows.reduce((sum, r) => sum + r.director + r.deputies, 0);
    if (payload.establishment !== undefined && total !== payload.establishment) {
      return {
        problem: {
          zh: `各单位岗位合计 ${total} 个，与核定编制 ${payload.establishment} 名不一致（相差 ${total - payload.establishment}）：请核对各行岗位数，或改正核定编制数`,
          en: `The posts add up to ${total}, but the approved establishment is ${payload.establishment} (difference ${total - payload.establishment}): check each row's posts or correct the establishment`,
        },
      };
    }
    return {
      columns: [
        { key: 'name', header: '单位名称', width: 26, kind: 'text' },
        { header: '岗 位 设 置', children: [{ key: 'director', header: '书记兼主任', width: 12, kind: 'integer' }, deputies] },
        { key: 'subtotal', header: '小计', width: 9, kind: 'integer' },
      ],
      rows: payload.rows.map((r) => ({ name: r.name, director: r.director, deputies: r.deputies, subtotal: r.director + r.deputies })),
      footRows: [{ cells: [{ column: 'name', value: '合 计', kind: 'center' }, { column: 'subtotal', value: total }] }],
      unitLine: '单位：个',
    };
  },
});
