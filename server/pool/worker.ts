/**
 * The worker thread's entry (piscina calls the default export once per task). It does for
 * a pooled request what the main thread's JSON middleware does for the others: checks the
 * bytes are UTF-8, parses them, refuses deep nesting, infinite numbers and more values than
 * the limit; then it runs the job and serialises its answer. Everything expensive about a
 * calculation request happens here, off the thread that serves /healthz and every other
 * request.
 */
import { shippedProfileSource } from '../../formulas/index.js';
import type { ProfileSource } from '../../formulas/core/profiles.js';
import { parseJsonBytes } from '../middleware/json-body.js';
import { ServiceError } from '../service-error.js';
import { layeredSource } from '../storage/county-profiles.js';
import type { CountyPolicy, JobReply, JobRequest } from './job.js';
import { findJob } from './jobs.js';
import { ownThreadId } from './thread-cpu.js';

/** Layered sources by CountyPolicy.key; a few counties' worth, the oldest dropped first. */
const sources = new Map<string, ProfileSource>();
const MAX_SOURCES = 32;

function sourceFor(policy: CountyPolicy): ProfileSource {
  let source = sources.get(policy.key);
  if (!source) {
    source = layeredSource(
      shippedProfileSource,
      policy.stored.map((p) => ({ ...p, version: p.profile.version, author: '', createdAt: '' })),
    );
    if (sources.size >= MAX_SOURCES) sources.delete(sources.keys().next().value!);
    sources.set(policy.key, source);
  }
  return source;
}

export default async function runJob(request: JobRequest): Promise<JobReply> {
  request.started.postMessage({ tid: ownThreadId() });
  request.started.close();
  const logs: JobReply['logs'] = [];
  const job = findJob(request.job);
  if (!job) throw new Error(`no pooled job named ${request.job}`);
  try {
    const answer = await job.run({
      body: request.body === undefined ? undefined : parseJsonBytes(request.body, request.limits.maxValues),
      params: request.params,
      query: request.query,
      context: { profiles: sourceFor(request.policy) },
      limits: request.limits,
      log: (level, event, fields) => logs.push({ level, event, fields }),
    });
    if ('file' in answer) return { file: answer.file, audit: answer.audit, logs };
    return { json: JSON.stringify(answer.json), audit: answer.audit, logs };
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    const { status, code, zh, en, details, headers } = err;
    return { failure: { status, code, zh, en, details, headers }, logs };
  }
}
