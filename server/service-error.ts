/**
 * The one error type of the service. Everything that answers a request with a failure,
 * from a route, a middleware, the sign-in check or Node's own HTTP parser, is (or is turned
 * into) a ServiceError, and middleware/errors.ts writes every one of them in the one JSON
 * shape of contracts/errors.ts: `{ "error": { code, zh, en, details? } }`.
 * The message stays two strings, Chinese and English; only the add-in joins them, where
 * Excel needs one.
 */
import type { Bilingual, FormulaError } from '../formulas/core/errors.js';

/** What `details` of contracts/errors.ts holds, as the server hands it over (items may carry more fields). */
export interface ErrorDetails {
  issues?: readonly Bilingual[];
  more?: number;
}

export interface ServiceErrorExtras {
  /** Structured detail a client can act on, e.g. every issue of a form payload. */
  details?: ErrorDetails;
  /** Response headers that belong to the failure (Retry-After, WWW-Authenticate). */
  headers?: Record<string, string>;
}

export class ServiceError extends Error {
  readonly zh: string;
  readonly en: string;
  readonly details: ErrorDetails | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    text: Bilingual,
    extras: ServiceErrorExtras = {},
  ) {
    super(text.en);
    this.name = 'ServiceError';
    this.zh = text.zh;
    this.en = text.en;
    this.details = extras.details;
    this.headers = extras.headers ?? {};
  }
}

/** A formula's error value as the answer of a route that computes one result (422: well-formed, but not computable). */
export const unprocessable = (value: FormulaError): ServiceError => new ServiceError(422, value.error.code, value.error);
