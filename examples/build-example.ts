/**
 * `npm run example`: writes examples/county-planning.xlsx from examples/sheets/*.ts (or to
 * the path given as the first argument) and beside it the values copy
 * county-planning-values.xlsx (EDU cells as values, for LibreOffice, WPS and Excel
 * 2016/2019). A sheet that breaks the spec stops it with the sheet and the problem named
 * (examples/sheets/index.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExampleWorkbook } from './example-workbook.js';

const out = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'county-planning.xlsx');
const valuesCopy = out.replace(/(\.xlsx)?$/, '-values.xlsx');
const sheets = await writeExampleWorkbook(out);
await writeExampleWorkbook(valuesCopy, { eduCells: 'values' });
console.log(`wrote ${out} and ${valuesCopy}: ${sheets.length} sheets (${sheets.join(', ')})`);
