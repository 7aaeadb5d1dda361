/**
 * How a route is answered, one way for every route. contracts/routes.ts names each route
 * once (method, path, query, body, answer); an Endpoint says who answers it:
 *   - `{ job }`: a job of the worker pool (server/pool/jobs.ts); the main thread admits the
 *     request, hands the raw bytes to a worker and sends its answer (pooled.ts);
 *   - `{ handle }`: a function on the main thread. Before it runs, the user's permission
 *     (`needs`) is checked and the query and body are checked with the contract's schemas
 *     (a 400 in the words of formulas/core/issue-messages.ts); what it returns is sent as
 *     JSON, typed by the contract's answer.
 * index.ts mounts every contract with its endpoint; a contract without one does not compile.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { RouteParameters } from 'express-serve-static-core';
import type { z } from 'zod';
import type { RouteAnswer, RouteContract, RouteName, ROUTES } from '../../contracts/routes.js';
import type { Bilingual } from '../../formulas/core/errors.js';
import { guard } from '../auth/guard.js';
import type { Principal } from '../auth/principal.js';
import type { Permission } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import type { Storage } from '../storage/types.js';
import { zodProblem } from './zod-problem.js';

type Contract<N extends RouteName> = (typeof ROUTES)[N];
type Checked<C, K extends 'query' | 'body'> = C extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;

/** The query and body as the contract's schemas read them. */
export interface Input<N extends RouteName> {
  query: Checked<Contract<N>, 'query'>;
  body: Checked<Contract<N>, 'body'>;
}

/** The county's records and who asks, for a route that `needs` a permission. */
export interface Records {
  storage: Storage;
  principal: Principal;
}

/** The request, its path parameters typed from the contract's path (`:id` -> `req.params.id`). */
type Req<N extends RouteName> = Request<RouteParameters<Contract<N>['path']>>;

/**
 * The contract's answer without the open `[key: string]: unknown` of its loose objects: the
 * answer must have every field the contract names, and may carry more (an interface such
 * as a stored record has no index signature to match).
 */
type Named<T> = T extends readonly (infer E)[] ? Named<E>[] : T extends object ? { [K in keyof T as string extends K ? never : K]: Named<T[K]> } : T;
type Answer<N extends RouteName> = Named<RouteAnswer<N>> | void | Promise<Named<RouteAnswer<N>> | void>;

/** What a refused query or body is called in the 400, and what to send instead. */
export interface Refusal {
  what?: Bilingual;
  hint: Bilingual;
}

export type Handled<N extends RouteName> = { refusal?: Refusal } & (
  | { needs: Permission; handle(req: Req<N>, res: Response, input: Input<N> & Records): Answer<N> }
  | { needs?: undefined; handle(req: Req<N>, res: Response, input: Input<N>): Answer<N> }
);

export interface Pooled {
  /** The job's name in server/pool/jobs.ts. */
  job: string;
  /** `link`: the file is kept behind a one-time link (download-links.ts), whose address is answered. */
  deliver?: 'link';
  // Absent, so that TypeScript tells the kinds of endpoint apart and types `handle`'s arguments.
  needs?: undefined;
  handle?: undefined;
}

export type Endpoint<N extends RouteName> = Handled<N> | Pooled;
export type Endpoints = { [N in RouteName]: Endpoint<N> };

const QUERY = { zh: '查询参数', en: 'query' };
const BODY = { zh: '请求内容', en: 'request body' };
const SEE_CONTRACT = { zh: '各接口的参数见 GET /api/v1/openapi.json。', en: 'Each route’s parameters are in GET /api/v1/openapi.json.' };

function checked(schema: z.ZodType, value: unknown, what: Bilingual, refusal: Refusal | undefined): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodProblem(parsed.error, value, refusal?.what ?? what, refusal?.hint ?? SEE_CONTRACT);
  return parsed.data;
}

/** The Express handler of a main-thread endpoint: permission, then query, then body, then `handle`. */
export function mainThread(ctx: RequestContext, contract: RouteContract, endpoint: Handled<RouteName>): RequestHandler {
  const { needs, refusal } = endpoint;
  const handle = endpoint.handle as (req: Request, res: Response, input: unknown) => unknown;
  return async (req, res) => {
    const records = needs ? guard(ctx, req, needs) : {};
    const query = contract.query ? checked(contract.query, req.query, QUERY, refusal) : undefined;
    const body = contract.body ? checked(contract.body, req.body, BODY, refusal) : undefined;
    const answer = await handle(req, res, { ...records, query, body });
    if (answer !== undefined) res.json(answer);
  };
}
