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
import { overLimit, PROFILE_READ_LIMIT } from './profile-store.js';
import type { ProfileHead, Storage, StoredProfile } from './types.js';

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
  /** The stored profiles read, newest version of each. */
  stored: readonly StoredProfile[];
  /** Newest versions too large to read (written before the size check): calculations are refused until one within the limit is saved. */
  overLimit: readonly ProfileHead[];
}

/** The set of a county with no stored profiles (and of an app without storage). */
export const SHIPPED_POLICY: CountyPolicy = { key: 'shipped', stored: [] };

function profileSet(shipped: ProfileSource, county: string, stored: readonly StoredProfile[], overLimitHeads: readonly ProfileHead[]): CountyProfileSet {
  return {
    source: layeredSource(shipped, stored),
    policy:
      stored.length === 0
        ? SHIPPED_POLICY
        : { key: `${county}:${stored.map((p) => `${p.id}@${p.version}`).join(',')}`, stored: stored.map((p) => ({ id: p.id, profile: p.profile })) },
    stored,
    overLimit: overLimitHeads,
  };
}

/**
 * The policy a calculation of the county runs with. A newest version over the read limit
 * refuses it (409, saying which profile and what to do) rather than calculating without the
 * county's values.
 */
export function policyOf(set: CountyProfileSet): CountyPolicy {
  const [first] = set.overLimit;
  if (first) throw overLimit(first.id, first.version, first.bytes);
  return set.policy;
}

const sameHeads = (heads: readonly ProfileHead[], set: CountyProfileSet): boolean =>
  heads.length === set.stored.length + set.overLimit.length &&
  heads.every((h) => [...set.stored, ...set.overLimit].some((p) => p.id === h.id && p.version === h.version));

interface Entry {
  set: Promise<CountyProfileSet>;
  loadedAt: number;
  /** A reload under way; the entry keeps answering with `set` until it lands. */
  reloading?: Promise<void>;
  /** Changed through this instance: the next request waits for the new set. */
  changed?: boolean;
}

/**
 * Each county's set, read again at most every ttlMs. Only a county's first request (and
 * the first after a change through this instance) waits for the store; after that a
 * stale set is answered at once while the fresh one loads, so reloading one county's
 * profiles never holds up a request, its own or another county's. ttlMs 0 reads the
 * store for every request (no cache: every instance sees a change at once).
 *
 * A reload asks only for the profiles' heads (id, newest version, size). Versions never
 * change, so a version already parsed is kept, and only a new version's content is read
 * and parsed: a reload with no change parses nothing. A version over PROFILE_READ_LIMIT
 * (written before the size check) is never read, so it costs no county any time.
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
    if (!cached || cached.changed || this.ttlMs === 0) {
      const entry: Entry = { set: this.read(county, cached), loadedAt: Date.now() };
      this.entries.set(county, entry);
      entry.set.catch(() => {
        if (this.entries.get(county) === entry) this.entries.delete(county);
      });
      return entry.set;
    }
    if (Date.now() - cached.loadedAt >= this.ttlMs && !cached.reloading) cached.reloading = this.reload(county, cached);
    return cached.set;
  }

  /** The county's set as stored now (for a change that must check against the latest), reusing what is parsed. */
  current(county: string): Promise<CountyProfileSet> {
    return this.read(county, this.entries.get(county));
  }

  invalidate(county: string): void {
    const entry = this.entries.get(county);
    // The parsed versions stay for the next read to reuse; the next request waits for it.
    if (entry) entry.changed = true;
  }

  /** Heads first; each version's content is read and parsed only when this instance has not parsed it yet. */
  private async read(county: string, previous: Entry | undefined): Promise<CountyProfileSet> {
    const known = previous && (await previous.set.catch(() => undefined));
    const heads = await this.storage.profileHeads(county);
    if (known && sameHeads(heads, known)) return known;
    const readable = heads.filter((h) => h.bytes <= PROFILE_READ_LIMIT);
    const stored = await Promise.all(
      readable.map(async (h) => known?.stored.find((p) => p.id === h.id && p.version === h.version) ?? (await this.storage.getProfile(county, h.id, h.version))),
    );
    return profileSet(
      this.shipped,
      county,
      stored.filter((p): p is StoredProfile => p !== undefined),
      heads.filter((h) => h.bytes > PROFILE_READ_LIMIT),
    );
  }

  /** Reads `county` again; the new set replaces `previous` once it has loaded (if `previous` is still current). */
  private async reload(county: string, previous: Entry): Promise<void> {
    const loadedAt = Date.now();
    try {
      const set = await this.read(county, previous);
      if (this.entries.get(county) === previous) this.entries.set(county, { set: Promise.resolve(set), loadedAt });
    } catch {
      previous.reloading = undefined;
    }
  }
}
