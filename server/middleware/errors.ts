/**
 * Errors of the service's own (not a formula's) in both languages: the message a finance
 * clerk reads is Chinese first, then English, and says what to do. The app's one error
 * handler answers `{ "error": { code, message, zh, en } }`, the same shape as a formula error.
 */
import { HttpError } from '../http-error.js';

export class BilingualError extends HttpError {
  constructor(
    status: number,
    code: string,
    readonly zh: string,
    readonly en: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(status, code, `${zh} / ${en}`);
  }
}

export const problem = (status: number, code: string, zh: string, en: string, headers?: Record<string, string>): BilingualError =>
  new BilingualError(status, code, zh, en, headers);
