/**
 * Rewrites the manifest's URLs for a deployment address:
 *   npm run manifest:urls -- https://edu.example.gov.cn [output.xml]
 * The repository's manifest.xml uses the development address https://localhost:3000;
 * every URL and the AppDomain are moved to the given origin (and optional path).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEV_BASE = 'https://localhost:3000';

/** The add-in with custom functions (Microsoft 365, Excel 2021 and later) and the compute pane for Excel 2016/2019 (manifest-taskpane.xml). */
export const MANIFESTS = ['manifest.xml', 'manifest-taskpane.xml'] as const;

export function rewriteManifestUrls(xml: string, base: string): string {
  const url = new URL(base);
  if (url.protocol !== 'https:') throw new Error(`Excel loads add-ins over HTTPS only: ${base} does not start with https://`);
  const target = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return xml.split(DEV_BASE).join(target).replace(`<AppDomain>${target}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`);
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [base, out] = process.argv.slice(2);
  if (!base) {
    process.stderr.write('usage: npm run manifest:urls -- https://your.server[/path] [output.xml]\n');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const output = out ?? path.join(root, 'dist', 'manifest.deploy.xml');
  writeFileSync(output, rewriteManifestUrls(readFileSync(path.join(root, 'manifest.xml'), 'utf8'), base));
  process.stdout.write(`wrote ${output}\n`);
}
