/**
 * Issue 15 §1: loading one county's profiles never slows another county. County A holds a
 * 19 MiB profile written before the size check (the size the attack used); county B holds an
 * ordinary one. The in-process app (SQLite) reloads profiles at every request (time-to-live
 * 0, the worst case), and B's small calculations are timed while A's requests run beside
 * them. For comparison: what each reload cost before (reading and parsing A's profile on the
 * service's one thread), measured on the same body.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { policyProfileSchema } from '../../formulas/core/profiles.js';
import { LARGE_PROFILE_KEY, largeProfile } from '../helpers/large-profile.js';
import { startTestApp } from '../helpers/storage-app.js';
import { latencies, type Sample } from './responsiveness.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const KEY = LARGE_PROFILE_KEY;

export async function bench(): Promise<BenchSection> {
  const app = await startTestApp({ deps: { profileCacheMs: 0 } });
  try {
    const a = await app.addUser('finance-a', 'finance', 'A');
    const b = await app.addUser('finance-b', 'finance', 'B');
    const legacy = largeProfile(19);
    const body = JSON.stringify(legacy);
    await app.storage.putProfile('A', legacy, { name: 'admin', role: 'admin', county: 'A' });
    await app.storage.putProfile('B', { ...largeProfile(0), title: { zh: 'B', en: 'B' } }, { name: 'admin', role: 'admin', county: 'B' });
    const oldReload = await measure(() => policyProfileSchema.parse(JSON.parse(body)), 3, 1);
    const heads = await measure(() => app.storage.profileHeads('A'), 20, 2);

    const batch = (token: string) => app.request('POST', '/api/v1/calc', { token, body: { calls: [{ fn: 'PROFILE', args: ['cn-national', KEY] }] } });
    const timed = async (token: string, n: number): Promise<Sample[]> => {
      const out: Sample[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await batch(token);
        out.push({ ms: performance.now() - t0, ok: res.status === 200 });
      }
      return out;
    };
    const load = os.loadavg()[0]!;
    const alone = latencies(await timed(b, 200));
    const [beside, aAnswers] = await Promise.all([timed(b, 200), Promise.all(Array.from({ length: 200 }, () => batch(a).then((r) => r.status)))]);
    const withA = latencies(beside);
    const refused = aAnswers.filter((s) => s === 409).length;
    return {
      title: 'A legacy 19 MiB county profile and the other counties',
      markdown: [
        `County A holds a ${(Buffer.byteLength(body) / 2 ** 20).toFixed(1)} MiB profile written before the 256 KiB check; profiles are reloaded at every request (time-to-live 0, the worst case); SQLite, in-process; one-minute load average ${load.toFixed(1)} on ${os.cpus().length} cores.`,
        '',
        table(
          ['', 'p50', 'p99', 'max'],
          [
            ["county B's 1-call batch, alone (200 requests)", ms(alone.p50), ms(alone.p99), ms(alone.max)],
            [`county B's 1-call batch, while 200 requests of county A run (A answered 409 PROFILE_OVER_LIMIT ${refused} times)`, ms(withA.p50), ms(withA.p99), ms(withA.max)],
          ],
        ),
        '',
        `Each reload reads only the heads (id, newest version, size): ${ms(heads.median)} median for county A. Before, each reload read and parsed A's profile on the service's one thread: ${ms(oldReload.median)} median for the JSON and schema parse alone, during which every county's requests waited.`,
      ].join('\n'),
    };
  } finally {
    await app.close();
  }
}
