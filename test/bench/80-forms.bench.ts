/**
 * Official forms: validate + lay out + write the .xlsx, for each form's example and for a
 * county-wide rotation plan of 5,000 teachers; and the example workbook build. Targets:
 * an example form under 100 ms, the 5,000-row form under 2 s (a click in the task pane).
 */
import { buildExampleWorkbook } from '../../examples/example-workbook.js';
import { exampleSheets } from '../../examples/sheets/index.js';
import { findForm, forms, prepareForm } from '../../server/forms/index.js';
import type { FormTemplate } from '../../server/forms/template.js';
import { writeFormXlsx } from '../../server/forms/xlsx-writer.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const TEACHERS = 5000;

async function exportOnce(form: FormTemplate, payload: unknown): Promise<number> {
  const prepared = prepareForm(form, payload, 'official');
  if (!('grid' in prepared)) throw new Error(`${form.id} did not lay out`);
  return (await writeFormXlsx(prepared.grid)).length;
}

function rotationPlan(): unknown {
  return {
    rows: Array.from({ length: TEACHERS }, (_, i) => ({
      teacherId: `T${String(i).padStart(5, '0')}`,
      name: `教师${i}`,
      subject: ['语文', '数学', '英语', '科学'][i % 4],
      fromSchool: `城关第${(i % 9) + 1}小学`,
      toSchool: `某镇第${(i % 37) + 1}中心小学`,
      backbone: i % 5 === 0,
      yearsAtSchool: 6 + (i % 10),
      distance: (i % 600) / 10,
    })),
  };
}

export async function bench(): Promise<BenchSection> {
  const rows: string[][] = [];
  const verdict = (t: number, target: number): string => (t < target ? 'met' : 'NOT met');
  for (const form of forms) {
    let bytes = 0;
    const t = await measure(async () => {
      bytes = await exportOnce(form, form.example);
    }, 7, 2);
    rows.push([`${form.id} (example, ${(bytes / 1024).toFixed(0)} KiB)`, ms(t.median), ms(t.best), verdict(t.median, 100)]);
  }
  const plan = rotationPlan();
  const big = await measure(() => exportOnce(findForm('teacher-rotation')!, plan), 5, 1);
  rows.push([`teacher-rotation, ${TEACHERS.toLocaleString('en')} teachers`, ms(big.median), ms(big.best), verdict(big.median, 2000)]);
  const sheets = exampleSheets.all;
  const workbook = await measure(() => buildExampleWorkbook(sheets), 5, 1);
  rows.push([`example workbook (${sheets.length + 1} sheets, dynamic-array patch included)`, ms(workbook.median), ms(workbook.best), '—']);
  return {
    title: 'Official forms and the example workbook',
    markdown: [
      table(['what (validate + lay out + write .xlsx)', 'median', 'best', 'target'], rows),
      '',
      'Median and best of 7 runs (5 for the large form and the workbook) after warm-up, in-process: zod validation, the layout engine and exceljs writing the package into memory. Targets: an example form under 100 ms; 5,000 rows under 2 s.',
    ].join('\n'),
  };
}
