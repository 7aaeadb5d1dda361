/**
 * How a county's own entries combine with the profile beneath them, exactly as the county's
 * formulas combine them on the service:
 *
 * - `adds`: the county's layer of a shipped profile (its `cn-national`). Its dated entries
 *   are added to the shipped ones key by key; one on the same date replaces the shipped
 *   entry, and a later shipped entry takes over from an earlier county one
 *   (server/storage/county-profiles.ts).
 * - `overrides`: a county profile with its own id that `extends` another. From a key's
 *   first own entry on, only the own entries apply; before it, the parent's
 *   (resolveProfile in formulas/core/profiles.ts).
 *
 * Either way a key comes down to one list of dated entries, so "the value in force on a
 * date" is entryInForce of that list, and the pane's tables are computed from it.
 */
import { entryInForce } from '../../../formulas/core/profile-rules.js';
import type { PolicyEntry } from '../../../formulas/core/profiles.js';

export type LayerMode = 'adds' | 'overrides';
export type ProfileValues = Record<string, PolicyEntry[]>;

const byDate = (a: PolicyEntry, b: PolicyEntry) => a.effective.localeCompare(b.effective);
const own = (values: ProfileValues, key: string): PolicyEntry[] => (Object.hasOwn(values, key) ? values[key]! : []);

/** One key's entries as formulas see them: `top`'s over `base`'s, the same entry objects, in date order. */
export function layeredEntries(base: readonly PolicyEntry[], top: readonly PolicyEntry[], mode: LayerMode): PolicyEntry[] {
  if (top.length === 0) return [...base].sort(byDate);
  const kept =
    mode === 'adds'
      ? base.filter((b) => !top.some((t) => t.effective === b.effective))
      : base.filter((b) => top.every((t) => b.effective < t.effective));
  return [...kept, ...top].sort(byDate);
}

/** Every key's entries as formulas see them, `top` over `base`. */
export function layeredValues(base: ProfileValues, top: ProfileValues, mode: LayerMode): ProfileValues {
  const keys = new Set([...Object.keys(base), ...Object.keys(top)]);
  return Object.fromEntries([...keys].map((key) => [key, layeredEntries(own(base, key), own(top, key), mode)]));
}

export interface DiffRow {
  key: string;
  /** The value beneath in force on the county entry's date (undefined: nothing beneath has the key then). */
  baseline: PolicyEntry | undefined;
  county: PolicyEntry;
  /** in force today / takes effect later / replaced by a later entry (the county's or, when added, the baseline's). */
  state: 'inForce' | 'later' | 'replaced';
  /** The county value differs from the one beneath in force on that date. */
  changed: boolean;
}

/** One row per county entry, by key then date: what was in force beneath it then, and whether it applies on `today`. */
export function diffRows(base: ProfileValues, county: ProfileValues, mode: LayerMode, today: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const key of Object.keys(county).sort()) {
    const current = entryInForce(layeredEntries(own(base, key), county[key]!, mode), today);
    for (const e of [...county[key]!].sort(byDate)) {
      const beneath = entryInForce(own(base, key), e.effective);
      const state = e.effective > today ? 'later' : current === e ? 'inForce' : 'replaced';
      rows.push({ key, baseline: beneath, county: e, state, changed: beneath === undefined || JSON.stringify(beneath.value) !== JSON.stringify(e.value) });
    }
  }
  return rows;
}

export interface InForceRow {
  key: string;
  entry: PolicyEntry;
  /** Whose entry is in force: the county profile's own, or the one beneath. */
  from: 'county' | 'baseline';
}

/** Every key's value in force on `today`, by key. */
export function valuesInForce(base: ProfileValues, county: ProfileValues, mode: LayerMode, today: string): InForceRow[] {
  const layered = layeredValues(base, county, mode);
  const rows: InForceRow[] = [];
  for (const key of Object.keys(layered).sort()) {
    const entry = entryInForce(layered[key]!, today);
    if (entry) rows.push({ key, entry, from: own(county, key).includes(entry) ? 'county' : 'baseline' });
  }
  return rows;
}
