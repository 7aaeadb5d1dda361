/**
 * Validates a manifest against Microsoft's official XSDs (../shared/office-manifest-schemas)
 * with xmllint. The schemas predate shared runtimes, so callers validate without the
 * <Runtimes> block (withoutRuntimes) and check that block separately.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MANIFEST_SCHEMA = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'office-manifest-schemas', 'OfficeAppManifestV1_1.xsd');

export function xmllint(xml: string): { status: number | null; stderr: string } {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'edu-manifest-')), 'manifest.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', MANIFEST_SCHEMA, file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is not installed (${run.error.message}): apt-get install -y libxml2-utils`);
  return { status: run.status, stderr: run.stderr };
}

export const withoutRuntimes = (xml: string): string => xml.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '');
