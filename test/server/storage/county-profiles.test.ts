/**
 * How a county's stored profiles layer over the shipped ones: dated entries are added per
 * key (same date: the county's wins), untouched keys stay as shipped, and a key such as
 * "constructor" finds nothing rather than a property of Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveProfile, type PolicyProfile } from '../../../formulas/core/profiles.js';
import { shippedProfileSource } from '../../../formulas/index.js';
import { CountyProfiles, layeredSource, policyOf } from '../../../server/storage/county-profiles.js';
import { PROFILE_READ_LIMIT } from '../../../server/storage/profile-store.js';
import type { ProfileHead, Storage, StoredProfile } from '../../../server/storage/types.js';

const KEY = 'staffing.establishment.studentsPerStaff.primary';
const source = { document: '县编办〔2024〕3号', title: '编制调整' };
const stored = (profile: Omit<PolicyProfile, 'version'>): StoredProfile => ({ id: profile.id, version: 1, profile: { ...profile, version: 1 }, author: 'a', createdAt: '' });
const valueAt = (s: ReturnType<typeof layeredSource>, ref: string, key = KEY) => {
  const p = resolveProfile(s, ref);
  if ('error' in p) throw new Error(`${p.error.zh} / ${p.error.en}`);
  return p.entry(key)?.value;
};

describe('county profiles layered over the shipped ones', () => {
  it('a county entry of the same date replaces the shipped one; a later one applies from its date', () => {
    const s = layeredSource(shippedProfileSource, [
      stored({ id: 'cn-national', title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value: 20, effective: '2014-11-13', source }, { value: 18, effective: '2024-09-01', source }] } }),
    ]);
    // Shipped: 19 from 2014-11-13 (中央编办 2014 统一城乡中小学编制标准).
    expect(valueAt(shippedProfileSource as ReturnType<typeof layeredSource>, 'cn-national@2020-01-01')).toBe(19);
    expect(valueAt(s, 'cn-national@2020-01-01')).toBe(20);
    expect(valueAt(s, 'cn-national')).toBe(18);
    expect(valueAt(s, 'cn-national', 'staffing.establishment.studentsPerStaff.junior')).toBe(13.5);
  });

  it('finds nothing under keys that are names of Object.prototype', () => {
    const s = layeredSource(shippedProfileSource, [stored({ id: 'jx-a', title: { zh: 'x', en: 'x' }, extends: 'cn-national', values: {} })]);
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(valueAt(s, 'jx-a', key)).toBeUndefined();
  });

  it('never changes what another source sees (property: any override, shipped stays shipped)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), (value, date) => {
        const effective = date.toISOString().slice(0, 10);
        const s = layeredSource(shippedProfileSource, [stored({ id: 'cn-national', title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value, effective, source }] } })]);
        expect(valueAt(s, `cn-national@${effective}`)).toBe(value);
        expect(valueAt(shippedProfileSource as ReturnType<typeof layeredSource>, 'cn-national')).toBe(19);
      }),
    );
  });
});

describe("the per-county cache: a reload never holds up a request", () => {
  /** A store whose head reads wait until the test releases them, counting reads per county. */
  function slowStore() {
    const pending: { county: string; release: (v: StoredProfile[]) => void }[] = [];
    const reads = new Map<string, number>();
    const contents = new Map<string, StoredProfile>();
    const storage = {
      profileHeads: (county: string) =>
        new Promise<ProfileHead[]>((resolve) => {
          reads.set(county, (reads.get(county) ?? 0) + 1);
          pending.push({
            county,
            release: (profiles) => {
              for (const p of profiles) contents.set(`${county}/${p.id}@${p.version}`, p);
              resolve(profiles.map((p) => ({ id: p.id, version: p.version, bytes: Buffer.byteLength(JSON.stringify(p.profile)) })));
            },
          });
        }),
      getProfile: async (county: string, id: string, version: number) => contents.get(`${county}/${id}@${version}`),
    } as unknown as Storage;
    const releaseAll = (v: StoredProfile[] = []) => pending.splice(0).forEach((p) => p.release(v));
    return { storage, reads, pending, releaseAll };
  }
  const settled = async <T>(p: Promise<T>): Promise<boolean> => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((r) => setImmediate(r));
    return done;
  };
  const county = (value: number, version = 1) => [{ ...stored({ id: 'cn-national', title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value, effective: '2024-09-01', source }] } }), version }];

  it("after the time-to-live the old profiles answer at once while the new ones load; then the new ones answer", async () => {
    const { storage, reads, releaseAll } = slowStore();
    const cache = new CountyProfiles(storage, shippedProfileSource, 1);
    const first = cache.get('a');
    expect(await settled(first)).toBe(false); // the county's very first request waits for its read
    releaseAll(county(18));
    expect(valueAt((await first).source, 'cn-national')).toBe(18);

    // Past the 1 ms time-to-live: the set is stale; it is answered from the cache and one reload starts.
    await new Promise((r) => setTimeout(r, 5));
    const stale = cache.get('a');
    expect(await settled(stale)).toBe(true);
    expect(valueAt((await stale).source, 'cn-national')).toBe(18);
    expect(await settled(cache.get('a'))).toBe(true);
    expect(reads.get('a')).toBe(2); // one reload under way, not one per request
    releaseAll(county(17, 2));
    await new Promise((r) => setImmediate(r));
    expect(valueAt((await cache.get('a')).source, 'cn-national')).toBe(17);
    expect((await cache.get('a')).policy.key).toBe('a:cn-national@2');
  });

  it("a county whose read is slow never delays another county's cached profiles", async () => {
    const { storage, releaseAll, pending } = slowStore();
    const cache = new CountyProfiles(storage, shippedProfileSource, 60_000);
    const b = cache.get('b');
    releaseAll([]);
    await b;
    void cache.get('a'); // county a's read hangs
    expect(pending.map((p) => p.county)).toEqual(['a']);
    expect(await settled(cache.get('b'))).toBe(true);
    expect((await cache.get('b')).policy.key).toBe('shipped');
  });
});

describe('a reload reads heads, and parses only a version it has not parsed', () => {
  const profileOf = (value: number, version: number): StoredProfile => ({
    id: 'cn-national',
    version,
    profile: { id: 'cn-national', version, title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value, effective: '2024-09-01', source }] } },
    author: 'a',
    createdAt: '',
  });
  /** A store holding `versions` of one profile of county a (the last is the newest), counting content reads. */
  function countingStore(versions: { value: number; bytes?: number }[]) {
    const contentReads: string[] = [];
    const storage = {
      profileHeads: async () => {
        const v = versions.length;
        return [{ id: 'cn-national', version: v, bytes: versions[v - 1]!.bytes ?? 100 }];
      },
      getProfile: async (_county: string, id: string, version: number) => {
        contentReads.push(`${id}@${version}`);
        return profileOf(versions[version - 1]!.value, version);
      },
    } as unknown as Storage;
    return { storage, contentReads };
  }

  it('ten reloads of an unchanged county read its content once; a new version is read once more', async () => {
    const versions = [{ value: 18 }];
    const { storage, contentReads } = countingStore(versions);
    const cache = new CountyProfiles(storage, shippedProfileSource, 0); // ttl 0: every request reloads
    const first = await cache.get('a');
    for (let i = 0; i < 10; i++) expect(await cache.get('a')).toBe(first); // the same set: the worker's cache key stays
    expect(contentReads).toEqual(['cn-national@1']);
    versions.push({ value: 17 });
    expect(valueAt((await cache.get('a')).source, 'cn-national')).toBe(17);
    await cache.get('a');
    expect(contentReads).toEqual(['cn-national@1', 'cn-national@2']);
  });

  it('a newest version over the read limit is never read: the county is told what to do', async () => {
    const { storage, contentReads } = countingStore([{ value: 18, bytes: PROFILE_READ_LIMIT + 1 }]);
    const cache = new CountyProfiles(storage, shippedProfileSource, 0);
    for (let i = 0; i < 5; i++) {
      const set = await cache.get('a');
      expect(set.overLimit).toEqual([{ id: 'cn-national', version: 1, bytes: PROFILE_READ_LIMIT + 1 }]);
      expect(() => policyOf(set)).toThrow(/PUT \/api\/v1\/profiles\/cn-national/);
    }
    expect(contentReads).toEqual([]);
  });
});
