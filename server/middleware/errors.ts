/**
 * The one place an error becomes an answer. `toServiceError` turns whatever was thrown
 * (a ServiceError, a storage failure, body-parser's complaint, a bug) into a ServiceError;
 * `sendError` writes it as `{ "error": { code, zh, en, details? } }` (contracts/errors.ts);
 * `errorResponder` is the Express error middleware doing both, and `answerClientError`
 * gives the requests Node's own parser refuses (400, 408, 431) the same shape.
 */
import type { Socket } from 'node:net';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from '../logger.js';
import { ServiceError } from '../service-error.js';
import { classifyDbError } from '../storage/errors.js';

/** The shape of contracts/errors.ts (a test checks every error answer against that schema). */
export function errorBody(err: ServiceError) {
  const { code, zh, en, details } = err;
  return { error: details === undefined ? { code, zh, en } : { code, zh, en, details } };
}

export function sendError(res: Response, err: ServiceError): void {
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  res.status(err.status).json(errorBody(err));
}

const internal = () =>
  new ServiceError(500, 'INTERNAL', { zh: '服务内部出错，已记录：请告诉管理员', en: 'Internal error; it was logged. Please tell your administrator.' });

/** What a thrown value means for the client; a bug (anything unrecognised) is a 500. */
export function toServiceError(err: unknown, maxBodyBytes: number): ServiceError {
  if (err instanceof ServiceError) return err;
  const stored = classifyDbError(err);
  if (stored?.failure === 'full') {
    return new ServiceError(507, 'STORAGE_FULL', {
      zh: '服务器的存储空间已满，这次保存没有写入（之前保存的内容都完好）：请管理员清理磁盘空间后再试',
      en: "The server's storage is full; this change was not written (everything saved before is intact). Ask your administrator to free disk space, then try again.",
    });
  }
  if (stored?.failure === 'unavailable') {
    return new ServiceError(
      503,
      'STORAGE_UNAVAILABLE',
      {
        zh: '数据库暂时无法使用，这次操作没有完成：请稍后重试，若持续出现请联系管理员',
        en: 'The database is unavailable right now and nothing was changed; try again shortly and tell your administrator if it persists.',
      },
      { headers: { 'Retry-After': '5' } },
    );
  }
  return bodyParserError(err, maxBodyBytes) ?? internal();
}

/** A body that is not JSON, whether body-parser or a worker thread (server/pool/worker.ts) found it. */
export const badJson = (detail: string): ServiceError =>
  new ServiceError(400, 'BAD_JSON', { zh: `请求内容不是有效的 JSON：${detail}`, en: `The body is not valid JSON: ${detail}` });

/** body-parser marks its failures with `type` and a 4xx `status` (and, for a body too large, the `limit` it applied). */
function bodyParserError(err: unknown, maxBodyBytes: number): ServiceError | undefined {
  const { type, status, limit } = (err ?? {}) as { type?: unknown; status?: unknown; limit?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const detail = err instanceof Error ? err.message : '';
  if (type === 'entity.parse.failed') return badJson(detail);
  if (type === 'entity.too.large') {
    const bytes = typeof limit === 'number' ? limit : maxBodyBytes;
    return new ServiceError(413, 'TOO_LARGE', {
      zh: `请求内容超过了 ${bytes} 字节的上限：请分成几次发送，或减少每次的数据（各类请求的上限见 docs/deploy.md）`,
      en: `The body is larger than the limit of ${bytes} bytes; send fewer or smaller calls per request (docs/deploy.md lists the limits)`,
    });
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ServiceError(415, 'UNSUPPORTED', { zh: '请以 UTF-8 编码的 JSON 发送请求内容', en: 'Send the body as UTF-8 JSON' });
  }
  return new ServiceError(status, 'BAD_REQUEST', {
    zh: `请求有误（HTTP ${status}）：请检查请求的格式和内容`,
    en: `Bad request (HTTP ${status}): ${detail || 'check the form and content of the request'}`,
  });
}

/** `onRefusal` records 401 and 403 answers (server/records/denials.ts) before they are sent. */
export function errorResponder(logger: Logger, maxBodyBytes: number, onRefusal?: (req: Request, status: number, code: string) => Promise<void>): ErrorRequestHandler {
  return async (err: unknown, req, res, _next) => {
    const where = { method: req.method, path: req.path };
    if (res.headersSent) {
      if (!res.locals.timedOut) logger.log('error', 'request.error-after-answer', { ...where, error: String(err instanceof Error ? err.stack : err) });
      return;
    }
    const answer = toServiceError(err, maxBodyBytes);
    if (onRefusal && (answer.status === 401 || answer.status === 403)) await onRefusal(req, answer.status, answer.code);
    if (answer.status === 503 || answer.status === 507) {
      logger.log('warn', 'storage.failure', { ...where, status: answer.status, error: err instanceof Error ? err.message : String(err) });
    } else if (answer.status >= 500) {
      logger.log('error', 'request.error', { ...where, error: String(err instanceof Error ? err.stack : err) });
    }
    sendError(res, answer);
  };
}

/** Node's parser codes for a request it refuses before Express sees it. */
function clientErrorOf(code: string | undefined): ServiceError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new ServiceError(431, 'HEADERS_TOO_LARGE', {
      zh: '请求头太大：请清除此站点的 Cookie，或缩短请求的地址后再试',
      en: "The request's headers are too large: clear this site's cookies or shorten the address, then try again",
    });
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new ServiceError(408, 'REQUEST_TIMEOUT', {
      zh: '请求没有在规定时间内发送完整：请检查网络后重试',
      en: 'The request did not arrive in full in time: check the network and try again',
    });
  }
  return new ServiceError(400, 'BAD_HTTP', {
    zh: 'HTTP 请求格式不正确，服务无法读取：请检查调用方的程序',
    en: 'The HTTP request is malformed and could not be read: check the calling program',
  });
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** For `server.on('clientError', …)`: answers in the one JSON shape, then closes the socket. */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = clientErrorOf(err.code);
  const json = JSON.stringify(errorBody(answer));
  socket.end(
    `HTTP/1.1 ${answer.status} ${REASONS[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
