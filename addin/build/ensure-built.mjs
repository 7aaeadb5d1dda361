// `npm start`'s first step (prestart): build the service and the add-in only when a source
// file changed since the last build (fingerprint.mjs), or when dist/ is missing, as on the
// first start after install. Plain JavaScript on purpose: it runs on every start, so it must
// not pay for a TypeScript loader; the build itself (build.ts) runs under tsx only when needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, sourceFingerprint } from './fingerprint.mjs';

const OUTPUTS = ['dist/server/main.js', 'dist/addin/taskpane.js', 'dist/addin/functions.json'];
const STAMP = path.join(root, 'dist', '.build-fingerprint');

const fingerprint = sourceFingerprint();
const built = OUTPUTS.every((out) => existsSync(path.join(root, out)));
if (!built || !existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== fingerprint) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'addin', 'build', 'build.ts')], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(STAMP, fingerprint);
}
