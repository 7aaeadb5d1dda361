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
