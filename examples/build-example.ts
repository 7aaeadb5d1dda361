/**
 * `npm run example`: writes examples/county-planning.xlsx from examples/sheets/*.ts (or to
 * the path given as the first argument) and beside it the values copy
 * county-planning-values.xlsx (EDU cells as values, for LibreOffice, WPS and Excel
 * 2016/2019). Sheets that break the spec are left out and listed; the exit code is then 1
 * so the problem is not missed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExampleWorkbook } from './example-workbook.js';

const out = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'county-planning.xlsx');
const valuesCopy = out.replace(/(\.xlsx)?$/, '-values.xlsx');
const { sheets, problems } = await writeExampleWorkbook(out);
await writeExampleWorkbook(valuesCopy, undefined, { eduCells: 'values' });
console.log(`wrote ${out} and ${valuesCopy}: ${sheets.length} sheets (${sheets.join(', ')})`);
for (const p of problems) console.error(`left out from examples/sheets/${p.file}: ${p.message}`);
if (problems.length > 0) process.exitCode = 1;
