/**
 * JSON bodies: at most `limit` bytes, valid UTF-8 (invalid bytes are refused, not quietly
 * replaced), nested at most MAX_DEPTH levels (a workbook range is 2-D; nothing honest goes
 * deeper, and deep nesting is how a body exhausts the stack later), and only finite numbers
 * (1e999 parses to Infinity, which JSON cannot hold and would be saved as null).
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';
import { badJson } from './errors.js';

export const MAX_DEPTH = 64;

type Segment = string | number;
type Breach = { kind: 'deep' | 'infinite' | 'many'; path: Segment[] };

interface Walk {
  maxDepth: number;
  maxValues: number;
  /** Values seen so far: every scalar, and every cell a packed range declares. */
  values: number;
}

/** Cells a packed range ({dtype, shape: [rows, cols], bdata}) declares; 0 for anything else. */
function packedCells(value: object): number {
  const { shape, bdata } = value as { shape?: unknown; bdata?: unknown };
  if (typeof bdata !== 'string' || !Array.isArray(shape) || shape.length !== 2) return 0;
  const [rows, cols] = shape as unknown[];
  return typeof rows === 'number' && typeof cols === 'number' && rows > 0 && cols > 0 ? rows * cols : 0;
}

/**
 * Depth-first walk that allocates nothing on the way down (a body may hold millions of
 * cells); the path is assembled only for the one place that breaks a rule. Recursion is
 * bounded by maxDepth, so it cannot exhaust the stack.
 */
function breach(value: unknown, depth: number, walk: Walk): Breach | undefined {
  if (typeof value !== 'object' || value === null) {
    walk.values++;
    if (typeof value === 'number' && !Number.isFinite(value)) return { kind: 'infinite', path: [] };
    return walk.values > walk.maxValues ? { kind: 'many', path: [] } : undefined;
  }
  if (depth >= walk.maxDepth) return { kind: 'deep', path: [] };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) return { kind: 'infinite', path: [i] };
        if (++walk.values > walk.maxValues) return { kind: 'many', path: [i] };
      } else {
        const found = breach(child, depth + 1, walk);
        if (found) {
          found.path.unshift(i);
          return found;
        }
      }
    }
    return undefined;
  }
  walk.values += packedCells(value);
  if (walk.values > walk.maxValues) return { kind: 'many', path: [] };
  for (const key of Object.keys(value)) {
    const found = breach((value as Record<string, unknown>)[key], depth + 1, walk);
    if (found) {
      found.path.unshift(key);
      return found;
    }
  }
  return undefined;
}

const pathText = (path: readonly Segment[]): string =>
  path.reduce<string>((at, s) => (typeof s === 'number' ? `${at}[${s}]` : at ? `${at}.${s}` : s), '') || '(body)';

export interface ShapeProblem {
  /** 'many': more values than maxValues (answered 413), else malformed (400). */
  kind: Breach['kind'];
  path: string;
  zh: string;
  en: string;
}

/**
 * Where `value` first breaks the rules above, as a path like `calls[3].args[0]`; else
 * undefined. `maxValues` bounds the scalars (and packed cells) the whole body may hold.
 */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_DEPTH, maxValues = Infinity): ShapeProblem | undefined {
  const found = breach(value, 0, { maxDepth, maxValues, values: 0 });
  if (!found) return undefined;
  const at = pathText(found.path);
  if (found.kind === 'deep') return { kind: 'deep', path: at, zh: `${at} 处嵌套超过 ${maxDepth} 层`, en: `the body is nested deeper than ${maxDepth} levels at ${at}` };
  if (found.kind === 'many') {
    return {
      kind: 'many',
      path: at,
      zh: `请求中的数值超过了每次 ${maxValues.toLocaleString('en-US')} 个的上限（到 ${at} 为止）`,
      en: `the body holds more than the limit of ${maxValues.toLocaleString('en-US')} values per request (reached at ${at})`,
    };
  }
  return {
    kind: 'infinite',
    path: at,
    zh: `${at} 处的数太大，超出了可表示的范围（约 ±1.8e308）`,
    en: `the number at ${at} is too large to represent (beyond about ±1.8e308)`,
  };
}

const notUtf8 = (): ServiceError =>
  new ServiceError(400, 'BAD_ENCODING', { zh: '请求内容不是有效的 UTF-8 文本：请以 UTF-8 编码发送 JSON', en: 'The body is not valid UTF-8: send the JSON encoded as UTF-8' });

/** 413 for too many values (with what to do), 400 for the rest. */
function shapeError(found: ShapeProblem): ServiceError {
  if (found.kind === 'many') {
    return new ServiceError(413, 'TOO_LARGE', {
      zh: `${found.zh}：请分成几次发送，大的数值区域可用压缩格式（packed range，见 docs/api.md）`,
      en: `${found.en}: split it into several requests; large numeric ranges can be sent packed (docs/api.md)`,
    });
  }
  return new ServiceError(400, 'BAD_JSON_SHAPE', { zh: `请求内容不合要求：${found.zh}`, en: `The body is not acceptable: ${found.en}` });
}

/**
 * Bytes to JSON with every rule above, for a worker thread: {} for an empty body (as
 * express.json answers), else the value; throws the same 400/413 errors as the middleware.
 */
export function parseJsonBytes(bytes: Uint8Array, maxValues: number): unknown {
  if (bytes.length === 0) return {};
  if (!isUtf8(bytes)) throw notUtf8();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (err) {
    throw badJson(err instanceof Error ? err.message : String(err));
  }
  const found = jsonShapeProblem(value, MAX_DEPTH, maxValues);
  if (found) throw shapeError(found);
  return value;
}

/**
 * The JSON body of the routes that are not pooled (scenarios, profiles, sign-in): parsed on
 * the main thread, so `limit` is kept small enough that the worst body parses in well
 * under a second (docs/deploy.md gives the figures).
 */
export function jsonBody(limit: number, maxValues = Infinity): RequestHandler[] {
  const parse = express.json({
    limit,
    strict: false,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) throw notUtf8();
    },
  });
  const guard: RequestHandler = (req, _res, next) => {
    const found = req.body === undefined ? undefined : jsonShapeProblem(req.body, MAX_DEPTH, maxValues);
    next(found ? shapeError(found) : undefined);
  };
  return [parse, guard];
}
