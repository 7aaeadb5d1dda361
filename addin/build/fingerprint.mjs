// The source fingerprint ensure-built.mjs compares: each source file's path, size and
// modification time. Cheap to read (a few ms for the whole tree) and changed by every edit,
// checkout or pull. Plain JavaScript: it runs on every `npm start`, before any build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['formulas', 'server', 'addin', 'contracts', 'client', 'examples', 'manifest.xml', 'manifest-taskpane.xml', 'package.json', 'package-lock.json'];

function walk(base, rel, hash) {
  const full = path.join(base, rel);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const name of readdirSync(full).sort()) walk(base, path.join(rel, name), hash);
  } else {
    hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
}

/** The fingerprint of the sources under `base` (the project folder unless a test names another). */
export function sourceFingerprint(base = root) {
  const hash = createHash('sha256');
  for (const source of SOURCES) walk(base, source, hash);
  return hash.digest('hex');
}
