/**
 * The project's folder (the one holding package.json), found by walking up from this module.
 * The same code runs from server/ under tsx and bundled into dist/server/ by the build, so a
 * fixed number of '..' would be right in one place only.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${from}`);
  }
}
