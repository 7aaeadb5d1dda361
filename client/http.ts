/**
 * The one HTTP client of every front end, typed by route name: `api.call('scenarioVersion',
 * { params: { id, n: 2 } })` goes to the path contracts/endpoints.ts names and answers the
 * type contracts/routes.ts declares for that route, so a changed contract breaks the build of
 * every client, not a clerk's pane at run time. The address and token are read at each call
 * (the clerk may change them); every failure, reading the settings included, becomes a
 * ClientError with words from failures.ts. Types only come from contracts (no zod here).
 */
import { ENDPOINTS, pathOf, type Method, type RouteName, type RouteParams } from '../contracts/endpoints.js';
import type { ROUTES, RouteAnswer, RouteBody, RouteQuery } from '../contracts/routes.js';
import { ClientError, describeFailure, networkFailure, notJsonFailure, reasonOf, settingsFailure, timeoutFailure } from './failures.js';

/** Where to send and as whom: Settings (settings.ts) is one. */
export interface ServiceAddress {
  serviceUrl(): string;
  token(): string | undefined;
}

export interface CallOptions {
  /** Per-request time limit; 60 s unless said. */
  timeoutMs?: number;
  /**
   * A POST that creates a record (a scenario version) goes with an Idempotency-Key and is
   * sent once more with the same key when the answer was lost (network failure, time-out):
   * the service then answers the first save instead of adding a second version.
   */
  once?: boolean;
}

type FileRoute = { [N in RouteName]: (typeof ROUTES)[N]['answer'] extends 'file' ? N : never }[RouteName];
export type JsonRoute = Exclude<RouteName, FileRoute>;

type Field<T, K extends string> = [T] extends [never] ? { [P in K]?: undefined } : { [P in K]: T };
/** What a call to route N is given: its path parameters, body and query, each where the route has one. */
export type RouteRequest<N extends RouteName> = Field<keyof RouteParams<N> extends never ? never : RouteParams<N>, 'params'> &
  Field<RouteBody<N>, 'body'> & { query?: [RouteQuery<N>] extends [never] ? undefined : RouteQuery<N> };
/** The request may be left out where the route needs nothing. */
type RequestArgs<N extends RouteName> = object extends RouteRequest<N> ? [request?: RouteRequest<N>, options?: CallOptions] : [request: RouteRequest<N>, options?: CallOptions];

const DEFAULT_TIMEOUT_MS = 60_000;

export class ServiceClient {
  constructor(
    private readonly address: ServiceAddress,
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** The service's base address, without a trailing slash. */
  baseUrl(): string {
    return this.address.serviceUrl().replace(/\/+$/, '');
  }

  /** A JSON route: its answer as the contract declares it. */
  async call<N extends JsonRoute>(name: N, ...[request, options]: RequestArgs<N>): Promise<RouteAnswer<N>> {
    const res = await this.route(name, request, options);
    try {
      return (await res.json()) as RouteAnswer<N>;
    } catch {
      throw notJsonFailure(res.status);
    }
  }

  /** A route answering a file (a form's .xlsx): its bytes and the name the service gives it. */
  async file<N extends FileRoute>(name: N, fallbackName: string, ...[request, options]: RequestArgs<N>): Promise<{ blob: Blob; fileName: string }> {
    const res = await this.route(name, request, options);
    return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition'), fallbackName) };
  }

  private async route(name: RouteName, given: unknown, options: CallOptions = {}): Promise<Response> {
    const request = given as { params?: Record<string, string | number>; body?: unknown; query?: Record<string, unknown> } | undefined;
    const query = new URLSearchParams(Object.entries(request?.query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
    const path = pathOf(name, request?.params) + (query.toString() ? `?${query.toString()}` : '');
    const body = request?.body === undefined ? undefined : JSON.stringify(request.body);
    const send = (key?: string) => this.send(ENDPOINTS[name].method, path, body, options.timeoutMs, key);
    if (!options.once) return send();
    const key = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    try {
      return await send(key);
    } catch (err) {
      // Only a lost answer is sent again; a refusal (4xx, 5xx) is the answer.
      if (!(err instanceof ClientError) || err.status !== 0 || !err.retryable) throw err;
      return send(key);
    }
  }

  /**
   * One request with a body already serialised (the batching client builds its own), the
   * token, a time limit, and any failure as a ClientError: an answer that is not 2xx, no
   * answer, or settings that cannot be read.
   */
  async send(method: Method, path: string, body: string | undefined, timeoutMs = DEFAULT_TIMEOUT_MS, idempotencyKey?: string): Promise<Response> {
    let base: string;
    let token: string | undefined;
    try {
      base = this.baseUrl();
      token = this.address.token();
    } catch (err) {
      throw settingsFailure(reasonOf(err));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let res: Response;
    try {
      res = await this.fetchFn(`${base}${path}`, { method: method.toUpperCase(), headers, body, signal: controller.signal });
    } catch {
      throw controller.signal.aborted ? timeoutFailure(Math.round(timeoutMs / 1000)) : networkFailure(base);
    } finally {
      clearTimeout(timer);
    }
    if (res.ok) return res;
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      parsed = undefined;
    }
    throw describeFailure(res.status, parsed);
  }
}

/** The file name from Content-Disposition, preferring the UTF-8 form (filename*=UTF-8''…). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}
