/**
 * The Node/V8 flags the service runs with: in `npm start` (package.json) and wherever
 * `npm run dev`, the tests and the benchmarks start it as a child process. A test checks
 * that package.json says the same.
 *
 * --max-semi-space-size=64 (MiB; V8's default on 64-bit machines is 16): a larger young
 * generation. A batch of 2,000 calls or a county-wide packed range makes tens of MiB of
 * short-lived objects per request; with the default young generation many of them live
 * just long enough to be copied into the old generation, where only full mark-compact
 * collections free them. Measured on the BENCHMARKS.md machine, service alone: 10,000
 * batched APPORTION calls 493 -> 374 ms and 544 -> 455 ms (median, two runs each). The
 * cost is memory: up to about 150 MiB more under load.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/**
 * The environment the service should start with on Linux (glibc). MALLOC_MMAP_THRESHOLD_
 * fixes the size from which glibc gives an allocation its own mapping, returned to the
 * system when freed. Left to itself glibc raises that threshold to the largest block freed
 * so far (up to 32 MiB), so after one burst of 19 MiB request bodies every later one is
 * carved from the heap, and the heap is kept: the process ratchets up. Measured (two bursts of
 * 4 concurrent 19 MiB batches, "Memory after large requests" in BENCHMARKS.md, load 15.7):
 * without it 109 -> 302 -> 389 MiB, with it 106 -> 270 -> 216 MiB (two earlier runs: 110 ->
 * 286 -> 347 against 109 -> 264 -> 286, and 114 -> 271 -> 383 against 107 -> 261 -> 265).
 * MALLOC_ARENA_MAX=2 on top made nothing better. The rest of what stays (110-180 MiB over a
 * fresh start) was not traced to one cause. glibc reads it when the process starts, so it must be set by
 * whatever starts node: `npm start` sets it through cross-env (a test checks package.json), and
 * the tests, the benchmarks, `npm run dev` and the systemd unit in docs/deploy.md do; a service
 * started some other way without it logs so at start.
 */
export const SERVICE_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** What the service logs at start on Linux when SERVICE_ENV was not set by whatever started it; undefined when nothing is missing. */
export function allocatorLine(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Record<string, string> | undefined {
  if (platform !== 'linux') return undefined;
  const missing = Object.keys(SERVICE_ENV).filter((name) => env[name] === undefined);
  if (missing.length === 0) return undefined;
  return {
    missing: missing.join(','),
    hint: `set ${missing.map((name) => `${name}=${SERVICE_ENV[name]}`).join(' ')} where the service is started (the systemd unit in docs/deploy.md does): without it memory taken by large requests is kept after them`,
  };
}
