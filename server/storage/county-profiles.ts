/**
 * The policy profiles a county's formulas see: its own stored profiles layered over the
 * shipped ones. A county profile with a shipped id (e.g. `cn-national`) overrides that
 * profile key by key: the county's dated entries for a key replace the shipped entries of
 * that key, every other key stays as shipped. A county profile with its own id stands as
 * stored (usually `extends` a shipped one).
 *
 * Each instance keeps a county's profiles for a short time (ttlMs) so a burst of
 * calculations costs one query; a profile saved through this instance takes effect at once,
 * one saved through another instance within about ttlMs (the request after ttlMs starts the
 * reload and is answered with the profiles it had). A profile is at most MAX_PROFILE_BYTES
 * of JSON (checked when it is written), so no county's profiles take long to read.
 */
import type { PolicyEntry, PolicyProfile, ProfileSource } from '../../formulas/core/profiles.js';
import type { CountyPolicy } from '../pool/job.js';
import type { Storage, StoredProfile } from './types.js';

export { MAX_PROFILE_BYTES } from '../../formulas/core/profile-rules.js';


/**
 * `base` with `over`'s dated entries added per key (same date: `over` wins), in an object
 * without a prototype, so a key such as "constructor" finds nothing.
 */
function mergedValues(base: Record<string, PolicyEntry[]>, over: Record<string, PolicyEntry[]> = {}): Record<string, PolicyEntry[]> {
  const values = Object.create(null) as Record<string, PolicyEntry[]>;
  for (const [key, entries] of Object.entries(base)) values[key] = entries;
  for (const [key, entries] of Object.entries(over)) {
    const dates = new Set(entries.map((e) => e.effective));
    values[key] = [...(values[key] ?? []).filter((e) => !dates.has(e.effective)), ...entries];
  }
  return values;
}

/** The profile formulas see for a stored county profile. */
export function effectiveProfile(shipped: ProfileSource, stored: PolicyProfile): PolicyProfile {
  const base = shipped.get(stored.id);
  if (!base) return { ...stored, values: mergedValues(stored.values) };
  return { ...base, title: stored.title, version: stored.version, values: mergedValues(base.values, stored.values) };
}

const bareCopies = new WeakMap<PolicyProfile, PolicyProfile>();

/** `profile` with prototype-free values (copied once per profile object). */
function bare(profile: PolicyProfile): PolicyProfile {
  let copy = bareCopies.get(profile);
  if (!copy) {
    copy = { ...profile, values: mergedValues(profile.values) };
    bareCopies.set(profile, copy);
  }
  return copy;
}

/** `source` answering prototype-free profiles: a formula's key argument can be any text. */
export function bareSource(source: ProfileSource): ProfileSource {
  return {
    defaultId: source.defaultId,
    get: (id) => {
      const profile = source.get(id);
      return profile && bare(profile);
    },
  };
}

export function layeredSource(shipped: ProfileSource, county: readonly StoredProfile[]): ProfileSource {
  const byId = new Map(county.map((p) => [p.id, effectiveProfile(shipped, p.profile)]));
  const base = bareSource(shipped);
  return {
    defaultId: shipped.defaultId,
    get: (id) => byId.get(id) ?? base.get(id),
  };
}

/** A county's profiles: as formulas see them on this thread, and as data for a worker thread. */
export interface CountyProfileSet {
  source: ProfileSource;
  policy: CountyPolicy;
}

/** The set of a county with no stored profiles (and of an app without storage). */
export const SHIPPED_POLICY: CountyPolicy = { key: 'shipped', stored: [] };

function profileSet(shipped: ProfileSource, county: string, stored: readonly StoredProfile[]): CountyProfileSet {
  return {
    source: layeredSource(shipped, stored),
    policy:
      stored.length === 0
        ? SHIPPED_POLICY
        : { key: `${county}:${stored.map((p) => `${p.id}@${p.version}`).join(',')}`, stored: stored.map((p) => ({ id: p.id, profile: p.profile })) },
  };
}

interface Entry {
  set: Promise<CountyProfileSet>;
  loadedAt: number;
  /** A reload under way; the entry keeps answering with `set` until it lands. */
  reloading?: Promise<void>;
}

/**
 * Each county's set, read again at most every ttlMs. Only a county's first request (and
 * the first after a change through this instance) waits for the store; after that a
 * stale set is answered at once while the fresh one loads, so reloading one county's
 * profiles never holds up a request, its own or another county's. ttlMs 0 reads the
 * store for every request (no cache: every instance sees a change at once).
 */
export class CountyProfiles {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    private readonly shipped: ProfileSource,
    private readonly ttlMs = 2000,
  ) {}

  get(county: string): Promise<CountyProfileSet> {
    const cached = this.entries.get(county);
    if (!cached || this.ttlMs === 0) return this.load(county).set;
    if (Date.now() - cached.loadedAt >= this.ttlMs && !cached.reloading) {
      const next = this.load(county, cached);
      cached.reloading = next.set.then(
        () => undefined,
        () => undefined,
      );
    }
    return cached.set;
  }

  invalidate(county: string): void {
    this.entries.delete(county);
  }

  /** Starts reading `county`; the entry replaces `previous` (if still current) once it has loaded. */
  private load(county: string, previous?: Entry): Entry {
    const set = this.storage.latestProfiles(county).then((stored) => profileSet(this.shipped, county, stored));
    const entry: Entry = { set, loadedAt: Date.now() };
    if (!previous) this.entries.set(county, entry);
    set.then(
      () => {
        if (previous && this.entries.get(county) === previous) this.entries.set(county, entry);
      },
      () => {
        if (this.entries.get(county) === entry) this.entries.delete(county);
        if (previous && this.entries.get(county) === previous) previous.reloading = undefined;
      },
    );
    return entry;
  }
}
