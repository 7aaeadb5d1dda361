/**
 * GET /api/v1/example-sheets: the example workbook's sheets as data, for the task pane's
 * "insert the example sheets". Formulas are given as typed (=EDU.X(...)): written through
 * the Excel API they are entered as if typed, so Excel resolves them itself; only a file
 * needs the stored _xldudf_ form (examples/example-workbook.ts). `styles` says how each
 * cell style looks. The sheets are the registry of examples/sheets/index.ts: all of them,
 * checked when it loads.
 */
import { EXAMPLE_FONT, EXAMPLE_STYLES } from '../../examples/example-styles.js';
import type { Endpoints } from './endpoint.js';

export function exampleEndpoints(): Pick<Endpoints, 'exampleSheets'> {
  return {
    exampleSheets: {
      handle: async () => {
        // Imported on the first request (a fixed module, in the bundle): the workbook builder
        // brings exceljs and a formula engine, which the service should not pay for at every start.
        const [{ exampleSheets }, { introSheet }] = await Promise.all([import('../../examples/sheets/index.js'), import('../../examples/example-workbook.js')]);
        return { sheets: [introSheet(exampleSheets.all), ...exampleSheets.all], font: EXAMPLE_FONT, styles: EXAMPLE_STYLES };
      },
    },
  };
}
