/**
 * manifest.xml against Microsoft's official XSDs (../shared/office-manifest-schemas, with
 * xmllint), plus what the schemas cannot check: the shared runtime block and that every
 * resid is defined exactly once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_BASE, rewriteManifestUrls } from '../addin/build/manifest-urls.js';
import { withoutRuntimes, xmllint } from './helpers/manifest-schema.js';
import { hasProgram } from './helpers/system-programs.js';

const root = path.join(import.meta.dirname, '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

const attrs = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`\\b${name}="([^"]+)"`, 'g'))].map((m) => m[1]!);
const resources = manifest.slice(manifest.indexOf('<Resources>'));

/** xmllint runs the schema checks; the other checks read the XML as text. */
const schemasCheckable = hasProgram('xmllint');

describe('manifest.xml', () => {
  it.skipIf(!schemasCheckable)('is valid against the official schemas once the <Runtimes> block they predate is removed', () => {
    const run = xmllint(withoutRuntimes(manifest));
    expect(run.stderr).toContain('validates');
    expect(run.status).toBe(0);
  });

  it.skipIf(!schemasCheckable)('fails the schemas at <Runtimes> and nowhere else', () => {
    const run = xmllint(manifest);
    const errors = run.stderr.split('\n').filter((l) => l.includes('validity error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Runtimes');
  });

  it('declares one long-lived shared runtime used by the functions page and the function file', () => {
    const runtimes = [...manifest.matchAll(/<Runtime\s+resid="([^"]+)"\s+lifetime="([^"]+)"\s*\/>/g)];
    expect(runtimes).toHaveLength(1);
    const [, resid, lifetime] = runtimes[0]!;
    expect(lifetime).toBe('long');
    expect(manifest).toMatch(new RegExp(`<Page>\\s*<SourceLocation resid="${resid}"/>\\s*</Page>`));
    expect(manifest).toContain(`<FunctionFile resid="${resid}"/>`);
    expect(resources).toMatch(new RegExp(`<bt:Url id="${resid}" DefaultValue="[^"]+taskpane.html"`));
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it('defines every resid it uses, each exactly once', () => {
    const defined = attrs(resources, 'id');
    expect(new Set(defined).size).toBe(defined.length);
    for (const resid of new Set(attrs(manifest, 'resid'))) expect(defined).toContain(resid);
  });

  it('puts the functions in the EDU namespace, zh-CN by default with en-US overrides', () => {
    const namespaceResid = /<Namespace resid="([^"]+)"/.exec(manifest)![1];
    expect(resources).toContain(`<bt:String id="${namespaceResid}" DefaultValue="EDU"/>`);
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    for (const element of ['DisplayName', 'Description']) {
      expect(manifest).toMatch(new RegExp(`<${element} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`));
    }
    expect(manifest).toContain('functions.en-US.json');
  });

  it.skipIf(!schemasCheckable)('rewrites every URL for a deployment address and stays valid; refuses plain http', () => {
    const deployed = rewriteManifestUrls(manifest, 'https://edu.example.gov.cn/planning/');
    expect(deployed).not.toContain(DEV_BASE);
    expect(deployed).toContain('https://edu.example.gov.cn/planning/taskpane.html');
    expect(deployed).toContain('<AppDomain>https://edu.example.gov.cn</AppDomain>');
    expect(xmllint(withoutRuntimes(deployed)).status).toBe(0);
    expect(() => rewriteManifestUrls(manifest, 'http://edu.example.gov.cn')).toThrow(/HTTPS/);
  });

  it('the manifest:urls script writes the rewritten file', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'edu-manifest-')), 'deploy.xml');
    execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'addin', 'build', 'manifest-urls.ts'), 'https://edu.example.gov.cn', out]);
    expect(readFileSync(out, 'utf8')).toContain('https://edu.example.gov.cn/functions.json');
  });
});
