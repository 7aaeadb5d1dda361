/**
 * What a pooled job is: a named piece of work the main thread hands to a worker thread with
 * the request's raw bytes, and the answer the worker hands back, already serialised. The
 * main thread never parses a calculation body nor serialises its result, so a 20 MiB
 * request costs it a copy, not seconds of JSON (issue 15 §1).
 *
 * A job is registered once in server/pool/jobs.ts; its route's endpoint names it
 * (`{ job }`, server/routes/endpoint.ts). A ServiceError a job throws crosses back as `failure` and is
 * answered by the app's one error middleware, exactly as if a route had thrown it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { ComputeContext } from '../../formulas/index.js';
import type { PolicyProfile } from '../../formulas/core/profiles.js';
import type { AuditEvent } from '../context.js';
import type { LogLevel } from '../logger.js';
import type { ErrorDetails } from '../service-error.js';

/**
 * 'heavy': plans and consolidation, whatever their size. 'by-size': light when the body is
 * small (LIGHT_BODY_BYTES), so small batches never queue behind a plan.
 */
export type Lane = 'light' | 'heavy';

/** Bounds on the work in one request, stated in docs/deploy.md and in each 413 message. */
export interface WorkLimits {
  /** Calls one batch may hold. */
  maxCalls: number;
  /** Values (numbers, texts, booleans, nulls, cells of packed ranges) one body may hold. */
  maxValues: number;
}

/** A county's stored profiles as data (a ProfileSource is functions and cannot cross threads). */
export interface CountyPolicy {
  /** Changes whenever a stored profile does: the worker keeps the layered source per key. */
  key: string;
  stored: readonly { id: string; profile: PolicyProfile }[];
}

/** Sent to the worker. */
export interface JobRequest {
  job: string;
  /** The worker posts one message here when it starts the job, `{ tid }` (its kernel thread id, when known): the time budget starts then. */
  started: MessagePort;
  /** The request body's bytes; undefined when it had no JSON content type. */
  body: Uint8Array | undefined;
  params: Record<string, string>;
  query: Record<string, string>;
  policy: CountyPolicy;
  limits: WorkLimits;
}

/** What a job's run() sees: the body parsed and checked (UTF-8, depth, finite numbers, size). */
export interface JobInput {
  body: unknown;
  params: Record<string, string>;
  query: Record<string, string>;
  context: ComputeContext;
  limits: WorkLimits;
  /** Logged by the main thread with the request's logger when the job ends. */
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

/** A job's answer (200): JSON, or a file to download. Failures are thrown as ServiceErrors. */
export type JobAnswer = ({ json: unknown } | { file: { bytes: Uint8Array; type: string; disposition: string } }) & { audit?: AuditEvent };

export interface JobDefinition {
  name: string;
  lane: 'heavy' | 'by-size';
  run(input: JobInput): JobAnswer | Promise<JobAnswer>;
}

/** A thrown ServiceError, as data (an Error's class does not cross threads). */
export interface JobFailure {
  status: number;
  code: string;
  zh: string;
  en: string;
  details?: ErrorDetails;
  headers?: Record<string, string>;
}

/** Sent back by the worker. */
export interface JobReply {
  /** JSON text, serialised in the worker. */
  json?: string;
  file?: { bytes: Uint8Array; type: string; disposition: string };
  audit?: AuditEvent;
  failure?: JobFailure;
  logs: { level: LogLevel; event: string; fields?: Record<string, unknown> }[];
}
