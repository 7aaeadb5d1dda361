/**
 * Saves a file the service made (an .xlsx form). The browser's own download is used; a
 * visible link is left in the pane as well, because some Office hosts ignore a scripted
 * click: the user can then click or right-click it to save.
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
