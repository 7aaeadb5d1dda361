import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { buildService } from '../../addin/build/build.js';
import { startService } from '../helpers/service-process.js';
import { largeBodies, rssMiB } from './responsiveness.js';
const out = mkdtempSync(path.join(process.cwd(), 'dist', 'memexp-'));
mkdirSync(out, { recursive: true });
await buildService(out);
const variants: Record<string, Record<string, string>> = {
  default: {},
  mmap128k: { MALLOC_MMAP_THRESHOLD_: '131072' },
  mmap128k_arena2: { MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_ARENA_MAX: '2' },
};
const only = process.argv[2];
for (const [name, env] of Object.entries(variants)) {
  if (only && name !== only) continue;
  const s = await startService(env, 60_000, 'http', path.join(out, 'main.js'));
  const pid = s.child.pid!;
  await new Promise((r) => setTimeout(r, 3000));
  const start = rssMiB(pid);
  const a = await largeBodies(s.url, pid, 15_000);
  const b = await largeBodies(s.url, pid, 15_000);
  await new Promise((r) => setTimeout(r, 15_000));
  console.log(name, JSON.stringify({ start, burst1: a.rss, st1: a.statuses, burst2: b.rss, after45s: rssMiB(pid) }));
  s.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
}
