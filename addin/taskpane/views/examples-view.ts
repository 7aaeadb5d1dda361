/**
 * 示例 Examples: inserts the example workbook's sheets (GET /api/v1/example-sheets) into
 * the open workbook, formulas as typed, so a new user sees each EDU function at work on the
 * seeds' cases.
 */
import { $, h } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import { requireHost, type ViewContext } from './context.js';

export function examplesView(ctx: ViewContext): { open(): Promise<void> } {
  const status = new Status($('ex-status'), () => [$<HTMLButtonElement>('ex-insert')]);

  async function insert(): Promise<void> {
    const done = await status.run('正在取回示例工作表…', 'Fetching the example sheets…', async () => {
      const host = requireHost(ctx);
      const payload = await ctx.api.call('exampleSheets');
      status.busy(`正在插入 ${payload.sheets.length} 张工作表…`, `Inserting ${payload.sheets.length} sheets…`);
      const names = await host.insertExampleSheets(payload, (d, t) => status.progress(d, t));
      return { names };
    });
    if (!done) return;
    $('ex-list').replaceChildren(...done.names.map((n) => h('li', { text: n })));
    status.ok(
      `已插入 ${done.names.length} 张工作表。橙色斜体数字为示例数据，仅作演示`,
      `Inserted ${done.names.length} sheets. Orange italic numbers are illustrative only`,
    );
  }

  $('ex-insert').addEventListener('click', () => void insert());
  return { open: async () => undefined };
}
