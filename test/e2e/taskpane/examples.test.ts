/**
 * 示例 (example sheets) end to end: inserted cell for cell as the service serves them, formulas
 * as typed; a second insert gets new names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clickAndSettle, dump, paneSuite, sheetNames, sheetShot, shot, type PaneSuite } from '../../helpers/taskpane-page.js';
import { hasProgram } from '../../helpers/system-programs.js';

describe.skipIf(!hasProgram('chromium'))('示例 (examples): inserting the example sheets', () => {
  const pane = paneSuite();
  let page: PaneSuite['page'];
  let service: PaneSuite['service'];
  beforeAll(() => {
    ({ page, service } = pane);
  });

  it('inserts the example sheets with their formulas as typed; a second insert gets " (2)" names', async () => {
    await page.click('#tab-examples');
    const status = await clickAndSettle(page, '#ex-insert', 'ex-status');
    expect(status.state).toBe('ok');
    const api = (await (await fetch(`${service.url}/api/v1/example-sheets`)).json()) as { sheets: { name: string; cells: { ref: string; value?: unknown; formula?: string }[]; merges?: string[] }[] };
    const names = await sheetNames(page);
    for (const spec of api.sheets) {
      expect(names).toContain(spec.name);
      const sheet = (await dump(page, spec.name))!;
      for (const cell of spec.cells) {
        if (cell.formula !== undefined) expect(sheet.cells[cell.ref]?.formula, `${spec.name}!${cell.ref}`).toBe(cell.formula);
        else if (cell.value !== undefined) expect(sheet.cells[cell.ref]?.value, `${spec.name}!${cell.ref}`).toEqual(cell.value);
      }
      expect(sheet.merges).toEqual(spec.merges ?? []);
    }
    await sheetShot(page, (await dump(page, api.sheets[1]!.name))!, 'sheet-example.png');
    const edu = api.sheets.flatMap((s) => s.cells.filter((c) => c.formula?.startsWith('=EDU.')));
    expect(edu.length).toBeGreaterThan(5);
    await shot(page, 'taskpane-examples.png');
    expect((await clickAndSettle(page, '#ex-insert', 'ex-status')).state).toBe('ok');
    expect(await sheetNames(page)).toContain(`${api.sheets[1]!.name} (2)`);
  });
});
