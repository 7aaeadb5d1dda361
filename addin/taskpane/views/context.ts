/**
 * What every view is given: the service, the workbook (absent when the pane is opened in a
 * plain browser, outside Excel), and the clock (so tests and sheets agree on times).
 */
import type { ServiceClient } from '../../../client/index.js';
import type { ExcelHost, SourceInfo } from '../excel/host.js';
import { HostError } from '../excel/host-error.js';

export interface ViewContext {
  api: ServiceClient;
  host: ExcelHost | undefined;
  now(): Date;
}

export function requireHost(ctx: ViewContext): ExcelHost {
  if (!ctx.host) {
    throw new HostError('这项操作需要在 Excel 中进行：请在 Excel 的“开始”选项卡中打开本加载项的任务窗格', 'This needs Excel: open the add-in’s task pane from the Home tab in Excel');
  }
  return ctx.host;
}

/** "教师名单（教师!A1:H40，39 行）" for a table or named range in a list. */
export function sourceLabel(s: SourceInfo): string {
  return `${s.name}（${s.sheet}!${s.address}，${s.rows} 行）`;
}

export const stamp = (d: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};
