/**
 * manifest-taskpane.xml, the compute-into-cells pane for Excel 2016, Excel 2019 and any Excel
 * without custom functions: valid against Microsoft's official XSDs as it is (no shared
 * runtime block to leave out), a task pane only, asking only for what Excel 2016 has:
 * ExcelApi 1.1 and the Common API's Settings 1.1 (docs/excel-behaviour.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteManifestUrls } from '../addin/build/manifest-urls.js';
import { xmllint } from './helpers/manifest-schema.js';
import { hasProgram } from './helpers/system-programs.js';

const root = path.join(import.meta.dirname, '..');
const pane = readFileSync(path.join(root, 'manifest-taskpane.xml'), 'utf8');
const main = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

describe('manifest-taskpane.xml', () => {
  it.skipIf(!hasProgram('xmllint'))('is valid against the official schemas, as it is and rewritten for a deployment address', () => {
    const run = xmllint(pane);
    expect(run.stderr).toContain('validates');
    expect(run.status).toBe(0);
    expect(xmllint(rewriteManifestUrls(pane, 'https://edu.example.gov.cn/planning')).status).toBe(0);
  });

  it('is a task pane only: no shared runtime, no custom functions, no commands', () => {
    expect(pane).toContain('xsi:type="TaskPaneApp"');
    for (const absent of ['<Runtimes>', 'CustomFunctions', 'SharedRuntime', '<VersionOverrides', 'FunctionFile']) expect(pane).not.toContain(absent);
    expect(pane).toMatch(/<DefaultSettings>\s*<SourceLocation DefaultValue="https:\/\/localhost:3000\/compute.html"\/>\s*<\/DefaultSettings>/);
    expect(pane).toContain('<Permissions>ReadWriteDocument</Permissions>');
  });

  it('requires exactly ExcelApi 1.1 and Settings 1.1, the sets Excel 2016 has', () => {
    const sets = [...pane.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets).toEqual(['ExcelApi 1.1', 'Settings 1.1']);
  });

  it('is another add-in than manifest.xml (its own Id), zh-CN first with en-US overrides', () => {
    const id = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)![1];
    expect(id(pane)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id(pane)).not.toBe(id(main));
    expect(pane).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    for (const element of ['DisplayName', 'Description']) expect(pane).toMatch(new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
  });
});
