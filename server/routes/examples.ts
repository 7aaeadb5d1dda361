/**
 * GET /api/v1/example-sheets: the example workbook's sheets as data, for the task pane's
 * "insert the example sheets". Formulas are given as typed (=EDU.X(...)): written through
 * the Excel API they are entered as if typed, so Excel resolves them itself; only a file
 * needs the stored _xldudf_ form (examples/example-workbook.ts). `styles` says how each
 * cell style looks. Sheets whose module is broken are left out, logged and listed in
 * `skipped`.
 */
import { EXAMPLE_FONT, EXAMPLE_STYLES } from '../../examples/example-styles.js';
import type { LoadedSheets } from '../../examples/load-sheets.js';
import type { Logger } from '../logger.js';
import type { Endpoints } from './endpoint.js';

export function exampleEndpoints(opts: { logger: Logger; sheetsDir?: string }): Pick<Endpoints, 'exampleSheets'> {
  let loaded: Promise<LoadedSheets> | undefined;

  const handle = async () => {
    // Loaded on the first request: the workbook builder brings exceljs and a formula engine,
    // which the service should not pay for at every start.
    loaded ??= import('../../examples/load-sheets.js')
      .then(({ loadExampleSheets }) => loadExampleSheets(opts.sheetsDir))
      .then((result) => {
        for (const p of result.problems) opts.logger.log('error', 'examples.sheet_skipped', { file: p.file, problem: p.message });
        return result;
      });
    const [{ sheets, problems }, { introSheet }] = await Promise.all([loaded, import('../../examples/example-workbook.js')]);
    return {
      sheets: [introSheet(sheets), ...sheets],
      font: EXAMPLE_FONT,
      styles: EXAMPLE_STYLES,
      skipped: problems,
    };
  };
  return { exampleSheets: { handle } };
}
