/**
 * 重点任务: the 24 key tasks of 辰教小组发〔2022〕10号 (seed 004) with an empty 进展情况
 * column to fill in each quarter. The task pane prints the sheet as the form
 * 重点任务分工及进展表 (server/forms/templates/key-tasks.ts), which uses the same text.
 */
import { KEY_TASKS_2022 } from '../../server/forms/examples/key-tasks-2022.js';
import type { ExampleCell, ExampleSheet } from '../sheet-spec.js';

const FIRST = 5;
const LAST = FIRST + KEY_TASKS_2022.length - 1;

const headers = ['序号', '目标任务', '具体要求', '进展情况', '牵头部门', '责任部门', '县教育局牵头联络股室'];

const taskCells: ExampleCell[] = KEY_TASKS_2022.flatMap((t, i) => {
  const row = FIRST + i;
  return [
    { ref: `A${row}`, value: i + 1 },
    { ref: `B${row}`, value: t.task },
    { ref: `C${row}`, value: t.requirements },
    { ref: `D${row}`, style: 'input' as const },
    { ref: `E${row}`, value: t.lead },
    { ref: `F${row}`, value: t.responsible },
    { ref: `G${row}`, value: t.liaison },
  ];
});

export const tasksSheets: ExampleSheet[] = [
  {
    name: '重点任务',
    columns: { A: 6, B: 28, C: 60, D: 30, E: 18, F: 28, G: 22 },
    merges: ['A1:G1', 'A2:G2'],
    cells: [
      { ref: 'A1', value: '重点任务分工及进展（辰教小组发〔2022〕10号）', style: 'title' },
      {
        ref: 'A2',
        value: '任务、要求和部门摘自文件原文；黄色的“进展情况”每季度填写，任务窗格“正式表格 → 重点任务分工及进展表”据此生成打印表。',
        style: 'note',
      },
      ...headers.map((h, i) => ({ ref: `${String.fromCharCode(65 + i)}4`, value: h, style: 'header' as const })),
      ...taskCells,
      { ref: `B${LAST + 2}`, value: '任务数', style: 'header' },
      { ref: `C${LAST + 2}`, formula: `=COUNTA(B${FIRST}:B${LAST})`, style: 'result' },
      { ref: `B${LAST + 3}`, value: '已填报进展', style: 'header' },
      { ref: `C${LAST + 3}`, formula: `=COUNTIF(D${FIRST}:D${LAST},"?*")`, style: 'result' },
    ],
  },
];
