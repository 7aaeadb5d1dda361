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
import { HttpError } from '../http-error.js';
import { BilingualError } from '../middleware/errors.js';
import { parseJsonBytes } from '../middleware/json-body.js';
import { layeredSource } from '../storage/county-profiles.js';
import type { CountyPolicy, JobFailure, JobReply, JobRequest } from './job.js';
import { findJob } from './jobs.js';

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

function failureOf(err: HttpError): JobFailure {
  if (err instanceof BilingualError) return { status: err.status, code: err.code, message: err.message, zh: err.zh, en: err.en, headers: err.headers };
  return { status: err.status, code: err.code, message: err.message };
}

export default async function runJob(request: JobRequest): Promise<JobReply> {
  request.started.postMessage('started');
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
    if ('file' in answer) return { status: answer.status, file: answer.file, audit: answer.audit, logs };
    return { status: answer.status, json: JSON.stringify(answer.json), audit: answer.audit, logs };
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, failure: failureOf(err), logs };
    throw err;
  }
}
