/**
 * Users made with the service's own command line (`npm run user -- add`), as an
 * administrator would make them, in a data folder a test service then starts on.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..', '..');

/** Adds each [name, role] to `county` and answers the sign-in token of each role. */
export function addUsers(dataDir: string, users: readonly (readonly [name: string, role: string])[], county = '360000'): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [name, role] of users) {
    const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'cli', 'user.ts'), 'add', name, '--role', role, '--county', county], {
      cwd: root,
      env: { ...process.env, EDU_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    if (out.status !== 0) throw new Error(`npm run user -- add ${name} failed: ${out.stderr}`);
    tokens[role] = out.stdout.trim().split('\n').at(-1)!.trim();
  }
  return tokens;
}
