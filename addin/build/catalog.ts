/**
 * `npm run catalog -- <share path> <https address> [output folder]`: everything an IT
 * department needs to install the add-in on intranet PCs through a shared-folder catalog
 * (受信任的加载项目录), written to dist/catalog/ by default:
 *
 *   manifest.xml            the add-in with the EDU functions (Microsoft 365, Excel 2021 and later), every
 *                           URL moved to the https address; copy it into the share
 *   manifest-taskpane.xml   the compute-into-cells pane for Excel 2016/2019 (no custom functions), the
 *                           same way; Excel lists each clerk only the one(s) their version can run
 *   trusted-catalog.reg     HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs\{GUID} with Id, Url
 *                           and Flags, as Microsoft documents it (docs/excel-behaviour.md); import it on
 *                           each PC or push the same keys by group policy (docs/install.md)
 *   county-planning.xlsx    the example workbook naming the add-in in that catalog
 *
 * The catalog GUID is derived from the share path, so running the script again for the same
 * share gives the same key instead of a second catalog entry.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExampleWorkbook } from '../../examples/example-workbook.js';
import { MANIFESTS, rewriteManifestUrls } from './manifest-urls.js';

export const TRUSTED_CATALOGS_KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs';

/** \\server\share or \\server\share\folder: the full network path Office asks for. */
const UNC_PATH = /^\\\\[^\\/:*?"<>|\s]+(\\[^\\/:*?"<>|]+)+\\?$/;

export class CatalogError extends Error {
  override name = 'CatalogError';
}

/** A stable GUID for a share: the first 128 bits of its SHA-1, shaped as a version-5 UUID. */
export function catalogGuid(sharePath: string): string {
  const hex = createHash('sha1').update(`edu-county-planning:${sharePath.toLowerCase()}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`.toUpperCase();
}

export function checkSharePath(sharePath: string): string {
  const trimmed = sharePath.trim().replace(/\\$/, '');
  if (!UNC_PATH.test(trimmed)) {
    throw new CatalogError(
      `共享文件夹须写成完整网络路径，如 \\\\jyj-fs01\\addins，而不是 ${sharePath} / ` +
        `The share must be a full network path such as \\\\jyj-fs01\\addins, not ${sharePath}`,
    );
  }
  return trimmed;
}

const regString = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** The .reg text (CRLF lines) that adds the share as a trusted catalog shown in the menu. */
export function trustedCatalogReg(sharePath: string): string {
  const guid = catalogGuid(sharePath);
  return [
    'Windows Registry Editor Version 5.00',
    '',
    `; 县域教育规划加载项：把 ${sharePath} 设为受信任的加载项目录（导入后请重新打开 Excel）`,
    `; County education planning add-in: trust ${sharePath} as an add-in catalog (restart Excel after importing)`,
    `[${TRUSTED_CATALOGS_KEY}\\${guid}]`,
    `"Id"="${guid}"`,
    `"Url"="${regString(sharePath)}"`,
    '"Flags"=dword:00000001',
    '',
  ].join('\r\n');
}

/** regedit reads .reg files written by itself as UTF-16LE with a byte-order mark; a Chinese share name needs it. */
export const regFileBytes = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** Writes the catalog; `manifestFiles` are copied under their own names with the URLs moved to `address`. */
export async function writeCatalog(sharePath: string, address: string, outDir: string, manifestFiles: readonly string[]): Promise<string[]> {
  const share = checkSharePath(sharePath);
  await mkdir(outDir, { recursive: true });
  const manifests = manifestFiles.map((file) => path.join(outDir, path.basename(file)));
  const reg = path.join(outDir, 'trusted-catalog.reg');
  const workbook = path.join(outDir, 'county-planning.xlsx');
  for (const [i, file] of manifestFiles.entries()) await writeFile(manifests[i]!, rewriteManifestUrls(await readFile(file, 'utf8'), address));
  await writeFile(reg, regFileBytes(trustedCatalogReg(share)));
  await writeExampleWorkbook(workbook, { store: { store: share, storeType: 'FileSystem' } });
  return [...manifests, reg, workbook];
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [share, address, out] = process.argv.slice(2);
  if (!share || !address) {
    process.stderr.write('用法 usage: npm run catalog -- \\\\server\\share https://edu.example.gov.cn [output folder]\n');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  try {
    const files = await writeCatalog(share, address, out ?? path.join(root, 'dist', 'catalog'), MANIFESTS.map((m) => path.join(root, m)));
    process.stdout.write(
      `${files.join('\n')}\n\n` +
        `1. 把 manifest.xml 和 manifest-taskpane.xml 复制到 ${share}（各 PC 只需读权限）。Copy both manifests into the share (read access for the PCs).\n` +
        '2. 在各 PC 上导入 trusted-catalog.reg，或用组策略推送同样的注册表项（docs/install.md）。Import the .reg on each PC, or push the same keys by group policy.\n' +
        '3. 重新打开 Excel：开始 › 加载项 › 更多加载项 › 共享文件夹。Restart Excel: Home › Add-ins › More Add-ins › Shared Folder.\n',
    );
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
