/**
 * The one way the product finds what it offers: the formulas (formulas/registry.ts), the
 * jobs of the worker pool — calculations and the plans — (server/pool/jobs.ts), the
 * official forms (server/forms/index.ts) and the example sheets (examples/sheets/index.ts).
 *
 * Each is a list written out with static imports, so it travels inside the compiled bundle
 * and nothing is looked for in a folder at run time. The list is checked when its module
 * loads: two entries with one key, or an entry its check refuses, throw then, naming the
 * entry and every problem, so the service does not start with a broken entry rather than
 * quietly leaving it out.
 */

export interface Registry<T> {
  /** Every entry, in the order listed. */
  readonly all: readonly T[];
  /** The entry of this key (normalised as the registry says), or undefined. */
  find(key: string): T | undefined;
}

export interface RegistryOptions<T> {
  /** The entry's key, unique in the registry. */
  key(entry: T): string;
  /** Applied to keys and to what `find` is asked, e.g. upper case. */
  normalize?(key: string): string;
  /** What is wrong with an entry, one message each; empty when it is fine. */
  check?(entry: T): readonly string[];
}

/** `what` names an entry in the thrown message ("form", "example sheet"). */
export function registryOf<T>(what: string, entries: readonly T[], options: RegistryOptions<T>): Registry<T> {
  const normalize = options.normalize ?? ((key: string) => key);
  const byKey = new Map<string, T>();
  const problems: string[] = [];
  for (const entry of entries) {
    const key = normalize(options.key(entry));
    if (byKey.has(key)) problems.push(`${what} "${key}" is listed twice`);
    for (const problem of options.check?.(entry) ?? []) problems.push(`${what} "${key}": ${problem}`);
    byKey.set(key, entry);
  }
  if (problems.length > 0) throw new Error(`the ${what} registry has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return {
    all: [...entries],
    find: (key) => byKey.get(normalize(key)),
  };
}
