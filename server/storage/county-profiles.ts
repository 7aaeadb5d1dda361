/**
 * The policy profiles a county's formulas see: its own stored profiles layered over the
 * shipped ones. A county profile with a shipped id (e.g. `cn-national`) overrides that
 * profile key by key: the county's dated entries for a key replace the shipped entries of
 * that key, every other key stays as shipped. A county profile with its own id stands as
 * stored (usually `extends` a shipped one).
 *
 * Each instance keeps a county's profiles for a short time (ttlMs) so a burst of
 * calculations costs one query; a profile saved through this instance takes effect at once,
 * one saved through another instance within ttlMs.
 */
import type { PolicyEntry, PolicyProfile, ProfileSource } from '../../formulas/core/profiles.js';
import type { Storage, StoredProfile } from './types.js';

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

interface Entry {
  source: Promise<ProfileSource>;
  loadedAt: number;
}

export class CountyProfiles {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    private readonly shipped: ProfileSource,
    private readonly ttlMs = 2000,
  ) {}

  sourceFor(county: string): Promise<ProfileSource> {
    const cached = this.entries.get(county);
    if (cached && Date.now() - cached.loadedAt < this.ttlMs) return cached.source;
    const source = this.storage.latestProfiles(county).then((stored) => layeredSource(this.shipped, stored));
    const entry = { source, loadedAt: Date.now() };
    this.entries.set(county, entry);
    source.catch(() => {
      if (this.entries.get(county) === entry) this.entries.delete(county);
    });
    return source;
  }

  invalidate(county: string): void {
    this.entries.delete(county);
  }
}
