/**
 * Ribbon commands. "打开面板" is a plain ShowTaskpane action in the manifest; this file
 * handles "全部重算" (recalculate EDU functions): it forgets the session's cached results
 * (e.g. after a county changed its policy profile) and asks Excel for a full recalculation.
 */
import type { FunctionsRuntime } from '../functions/runtime.js';

export function registerCommands(runtime: FunctionsRuntime): void {
  if (typeof Office === 'undefined' || !Office.actions) return;
  Office.actions.associate('recalculateEdu', async (event: Office.AddinCommands.Event) => {
    runtime.client.functions.clearCache();
    try {
      await Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        await context.sync();
      });
    } finally {
      event.completed();
    }
  });
}
