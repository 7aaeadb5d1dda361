/**
 * Errors the HTTP layer answers with a status. Route handlers throw these for malformed
 * requests (400), limits (413) and the like; the one error handler in app.ts turns them
 * into `{ "error": { "code", "message" } }` JSON. Domain errors of formulas are not thrown:
 * they are values and answer 422.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);
export const tooLarge = (message: string): HttpError => new HttpError(413, 'TOO_LARGE', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);
