/**
 * The worker entry when the service runs from its TypeScript source (tsx, vitest): a worker
 * thread does not inherit the parent's loader, so tsx is registered here before the real
 * entry, worker.ts, is imported. Compiled builds start worker.js directly (pool.ts picks
 * the file by its own extension); this file is not part of them.
 */
import { register } from 'tsx/esm/api';

register();
const { default: runJob } = await import('./worker.ts');

export default runJob;
