/**
 * Results of pure functions (same arguments, same answer: no policy profile or stored data
 * read) kept for the session, oldest dropped first. The key holds the argument addresses
 * too, because an error message names the cells it came from. A host clears it when the answers may change
 * (another service address, a new policy profile, "全部重算").
 */
export class ResultCache<V> {
  private readonly kept = new Map<string, V>();

  constructor(
    private readonly pure: ReadonlySet<string>,
    private readonly size = 20_000,
  ) {}

  /** The key of a call whose result may be kept, else undefined. */
  key(fn: string, args: readonly unknown[], addresses: readonly string[] | undefined): string | undefined {
    if (!this.pure.has(fn)) return undefined;
    return `${fn}\u0000${JSON.stringify(args)}\u0000${addresses?.join('\u0001') ?? ''}`;
  }

  get(key: string): V | undefined {
    return this.kept.get(key);
  }

  remember(key: string, value: V): void {
    if (this.kept.size >= this.size) {
      const oldest = this.kept.keys().next();
      if (!oldest.done) this.kept.delete(oldest.value);
    }
    this.kept.set(key, value);
  }

  clear(): void {
    this.kept.clear();
  }
}
