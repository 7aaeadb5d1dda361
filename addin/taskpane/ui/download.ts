/**
 * Saves a file the service made (an .xlsx form).
 *
 * - Windows, the web: the browser's own download of a blob URL; a visible link is left in
 *   the pane as well, because some Office hosts ignore a scripted click.
 * - Excel for Mac: a blob-URL download does nothing there (office-js #2700, by design), so
 *   the pane asks the service for a one-time link and opens it in the system browser with
 *   Office.context.ui.openBrowserWindow. The link is shown too, so the clerk can copy it
 *   into a browser if the host has no openBrowserWindow: the button never does nothing.
 */
import { bi } from './dom.js';

export function saveFile(blob: Blob, fileName: string, linkHost: HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const a = bi('a', `如果没有开始下载，请点此保存 ${fileName}`, 'If the download did not start, click here to save it') as HTMLAnchorElement;
  a.href = url;
  a.download = fileName;
  a.className = 'download-link';
  linkHost.replaceChildren(a);
  a.click();
}

/** True in Excel for Mac, where only a link opened outside the pane can save a file. */
export function needsOutsideDownload(): boolean {
  const mac = typeof Office !== 'undefined' ? Office.PlatformType?.Mac : undefined;
  return mac !== undefined && Office.context?.platform === mac;
}

/** Opens a one-time link in the system browser and shows it; false when the host could not open it. */
export function openOutside(url: string, fileName: string, linkHost: HTMLElement): boolean {
  const a = bi('a', `在浏览器中下载 ${fileName}（5 分钟内有效，只能用一次）：${url}`, 'Download in your browser (works once, within 5 minutes)') as HTMLAnchorElement;
  a.href = url;
  a.target = '_blank';
  a.className = 'download-link';
  linkHost.replaceChildren(a);
  const open = typeof Office !== 'undefined' ? Office.context?.ui?.openBrowserWindow : undefined;
  if (!open) return false;
  open.call(Office.context.ui, url);
  return true;
}
