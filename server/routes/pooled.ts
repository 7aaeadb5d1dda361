/**
 * How an endpoint answered by a job (`{ job }`, endpoint.ts) is served: calculations, plans,
 * consolidation and form exports (server/jobs/). For each request the main thread only: takes a place in the
 * job's lane (503 at once when it is full, before the body is read), reads the raw body
 * (at most maxBodyBytes), hands the bytes to a worker with the county's profiles as data,
 * writes the job's audit entry, and sends the worker's already serialised answer.
 *
 * When a job's time budget is spent its worker is stopped and the caller gets 413
 * TOO_MUCH_WORK (server/pool/pool.ts); a caller that hangs up stops its worker too.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { AuditEvent } from '../context.js';
import type { Logger } from '../logger.js';
import type { CountyPolicy, JobReply, Lane, WorkLimits } from '../pool/job.js';
import { findJob } from '../pool/jobs.js';
import { CalcPool } from '../pool/pool.js';
import { ServiceError } from '../service-error.js';
import { LINK_TTL_MS, type OneTimeLinks } from '../download-links.js';
import type { Pooled } from './endpoint.js';

export interface PooledOptions {
  pool: CalcPool;
  maxBodyBytes: number;
  work: WorkLimits;
  policyFor(req: Request): CountyPolicy;
  audit(req: Request, event: AuditEvent): Promise<void>;
  logger: Logger;
  /** Where a file answered by a /link route waits for its one-time download (Excel for Mac). */
  downloads: OneTimeLinks;
}

/** The UTF-8 file name of a Content-Disposition written by contentDisposition (jobs/form-export.ts). */
const dispositionName = (disposition: string): string => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'download.xlsx');

function sendLink(res: Response, reply: JobReply, downloads: OneTimeLinks): void {
  if (!reply.file) throw new Error('a link route needs a job that answers a file');
  const fileName = dispositionName(reply.file.disposition);
  const token = downloads.put({ bytes: Buffer.from(reply.file.bytes), fileName, type: reply.file.type });
  res.json({ url: `/downloads/${token}`, fileName, expiresInSeconds: LINK_TTL_MS / 1000 });
}

interface Admitted {
  lane: Lane;
  gone: AbortController;
  /** Epoch ms by which the answer is due (admission + the pool's wallMs): queue and run both count. */
  deadline: number;
}

function declaredLength(req: Request): number | undefined {
  const header = req.get('content-length');
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** The query's plain string values (a job takes nothing else from it). */
function stringQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') out[key] = value;
  return out;
}

function send(res: Response, reply: JobReply): void {
  if (reply.file) {
    res.type(reply.file.type).set('Content-Disposition', reply.file.disposition).send(Buffer.from(reply.file.bytes));
    return;
  }
  res.type('application/json').send(reply.json);
}

/** The handlers of a pooled endpoint: admission to the job's lane, the raw body, the run. */
export function pooledHandlers(opts: PooledOptions): (endpoint: Pooled) => RequestHandler[] {
  const raw = express.raw({ type: 'application/json', limit: opts.maxBodyBytes });

  return ({ job: name, deliver }) => {
    const job = findJob(name);
    if (!job) throw new Error(`a pooled endpoint names no job ${name}`);
    const admit: RequestHandler = (req, res, next) => {
      const lane = CalcPool.laneFor(job.lane, declaredLength(req));
      const release = opts.pool.admit(lane);
      const gone = new AbortController();
      // After our own answer this changes nothing; before it, the caller hung up or the
      // request time limit answered for us, and the job is stopped.
      res.once('close', () => {
        release();
        gone.abort();
      });
      res.locals.pooled = { lane, gone, deadline: Date.now() + opts.pool.options.wallMs } satisfies Admitted;
      next();
    };
    const run: RequestHandler = async (req, res, next) => {
      const { lane, gone, deadline } = res.locals.pooled as Admitted;
      let reply: JobReply;
      try {
        reply = await opts.pool.run(
          {
            job: job.name,
            body: Buffer.isBuffer(req.body) ? req.body : undefined,
            params: { ...(req.params as Record<string, string>) },
            query: stringQuery(req),
            policy: opts.policyFor(req),
            limits: opts.work,
          },
          lane,
          gone.signal,
          deadline,
        );
      } catch (err) {
        if (gone.signal.aborted) return;
        throw err;
      }
      for (const { level, event, fields } of reply.logs) opts.logger.log(level, event, { method: req.method, path: req.path, ...fields });
      if (reply.failure) {
        const { status, code, zh, en, details, headers } = reply.failure;
        next(new ServiceError(status, code, { zh, en }, { details, headers }));
        return;
      }
      if (reply.audit) await opts.audit(req, reply.audit);
      if (deliver === 'link') sendLink(res, reply, opts.downloads);
      else send(res, reply);
    };
    return [admit, raw, run];
  };
}
