// The source fingerprint ensure-built.mjs compares: each source file's path, size and
// modification time. Cheap to read (a few ms for the whole tree) and changed by every edit,
// checkout or pull. Plain JavaScript: it runs on every `npm start`, before any build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['formulas', 'server', 'addin', 'contracts', 'examples', 'manifest.xml', 'package.json', 'package-lock.json'];

function walk(rel, hash) {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const name of readdirSync(full).sort()) walk(path.join(rel, name), hash);
  } else {
    hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const source of SOURCES) walk(source, hash);
  return hash.digest('hex');
}
