/**
 * `npm run catalog`: the manifest for the intranet address validates against Microsoft's
 * schemas and points everything there; the .reg file holds exactly the keys Microsoft
 * documents for a trusted shared-folder catalog (HKCU\Software\Microsoft\Office\16.0\WEF\
 * TrustedCatalogs\{GUID} with Id, Url, Flags=1), in the encoding regedit writes; the example
 * workbook names the add-in in that catalog.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogGuid, checkSharePath, TRUSTED_CATALOGS_KEY, trustedCatalogReg } from '../../addin/build/catalog.js';
import { DEV_BASE } from '../../addin/build/manifest-urls.js';
import { withoutRuntimes, xmllint } from '../helpers/manifest-schema.js';
import { hasProgram } from '../helpers/system-programs.js';

const root = path.join(import.meta.dirname, '..', '..');
const SHARE = '\\\\jyj-fs01\\加载项\\edu';
const ADDRESS = 'https://edu.jyj.example.gov.cn';

/** A .reg file as regedit reads it: [key] lines and "name"=value lines, strings unescaped. */
function parseReg(text: string): { header: string; keys: Map<string, Map<string, string | number>> } {
  const lines = text.split('\r\n');
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | undefined;
  for (const line of lines.slice(1)) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key) keys.set(key[1]!, (current = new Map()));
    const str = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    if (str && current) current.set(str[1]!, str[2]!.replace(/\\(.)/g, '$1'));
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line);
    if (dword && current) current.set(dword[1]!, parseInt(dword[2]!, 16));
  }
  return { header: lines[0]!, keys };
}

describe('npm run catalog', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'edu-catalog-'));
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'addin', 'build', 'catalog.ts'), SHARE, ADDRESS, out], { cwd: root });
  }, 60_000);

  it.skipIf(!hasProgram('xmllint'))('writes a manifest for the https address that validates against the official schemas', async () => {
    const manifest = await readFile(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain(DEV_BASE);
    expect(manifest).toContain(`${ADDRESS}/taskpane.html`);
    expect(manifest).toContain(`<AppDomain>${ADDRESS}</AppDomain>`);
    const run = xmllint(withoutRuntimes(manifest));
    expect(run.stderr).toContain('validates');
    expect(run.status).toBe(0);
  });

  it.skipIf(!hasProgram('xmllint'))('writes the Excel 2016/2019 manifest (compute pane) beside it, for the same address, also valid', async () => {
    const manifest = await readFile(path.join(out, 'manifest-taskpane.xml'), 'utf8');
    expect(manifest).not.toContain(DEV_BASE);
    expect(manifest).toContain(`${ADDRESS}/compute.html`);
    expect(xmllint(manifest).status).toBe(0);
  });

  it('writes the .reg file Microsoft documents: TrustedCatalogs\\{GUID} with Id, Url and Flags, UTF-16LE with a BOM', async () => {
    const bytes = await readFile(path.join(out, 'trusted-catalog.reg'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const { header, keys } = parseReg(bytes.subarray(2).toString('utf16le'));
    expect(header).toBe('Windows Registry Editor Version 5.00');
    const guid = catalogGuid(SHARE);
    expect(guid).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}$/);
    expect([...keys.keys()]).toEqual([`${TRUSTED_CATALOGS_KEY}\\${guid}`]);
    expect(TRUSTED_CATALOGS_KEY).toBe('HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs');
    expect(Object.fromEntries(keys.get(`${TRUSTED_CATALOGS_KEY}\\${guid}`)!)).toEqual({ Id: guid, Url: SHARE, Flags: 1 });
  });

  it('gives the same share the same GUID (no second catalog entry) and another share another', () => {
    expect(catalogGuid(SHARE)).toBe(catalogGuid(SHARE.toUpperCase()));
    expect(catalogGuid('\\\\jyj-fs02\\addins')).not.toBe(catalogGuid(SHARE));
    expect(trustedCatalogReg(SHARE)).toBe(trustedCatalogReg(SHARE));
  });

  it('refuses a share that is not a full network path, saying what to write', () => {
    expect(checkSharePath('\\\\jyj-fs01\\addins\\')).toBe('\\\\jyj-fs01\\addins');
    for (const bad of ['C:\\addins', 'jyj-fs01\\addins', '\\\\jyj-fs01', 'https://edu.example.gov.cn']) {
      expect(() => checkSharePath(bad), bad).toThrow(/共享文件夹须写成完整网络路径.*full network path/s);
    }
  });

  it('writes the example workbook naming the add-in in that catalog', async () => {
    const zip = await JSZip.loadAsync(await readFile(path.join(out, 'county-planning.xlsx')));
    const ext = await zip.file('xl/webextensions/webextension1.xml')!.async('string');
    expect(ext).toContain('store="\\\\jyj-fs01\\加载项\\edu" storeType="FileSystem"');
  });
});

describe('npm run manifest:validate-online', () => {
  it('loads: every module of office-addin-manifest’s validator resolves (fs-extra was missing)', () => {
    const require = createRequire(path.join(root, 'package.json'));
    expect(() => require('office-addin-manifest/lib/manifestOperations.js')).not.toThrow();
  });
});
