/**
 * JSON bodies: at most `limit` bytes, valid UTF-8 (invalid bytes are refused, not quietly
 * replaced), nested at most MAX_DEPTH levels (a workbook range is 2-D; nothing honest goes
 * deeper, and deep nesting is how a body exhausts the stack later), and only finite numbers
 * (1e999 parses to Infinity, which JSON cannot hold and would be saved as null).
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';

export const MAX_DEPTH = 64;

type Segment = string | number;
type Breach = { kind: 'deep' | 'infinite'; path: Segment[] };

/**
 * Depth-first walk that allocates nothing on the way down (a body may hold millions of
 * cells); the path is assembled only for the one place that breaks a rule. Recursion is
 * bounded by maxDepth, so it cannot exhaust the stack.
 */
function breach(value: unknown, depth: number, maxDepth: number): Breach | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { kind: 'infinite', path: [] };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= maxDepth) return { kind: 'deep', path: [] };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) return { kind: 'infinite', path: [i] };
      } else if (typeof child === 'object' && child !== null) {
        const found = breach(child, depth + 1, maxDepth);
        if (found) {
          found.path.unshift(i);
          return found;
        }
      }
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const found = breach((value as Record<string, unknown>)[key], depth + 1, maxDepth);
    if (found) {
      found.path.unshift(key);
      return found;
    }
  }
  return undefined;
}

const pathText = (path: readonly Segment[]): string =>
  path.reduce<string>((at, s) => (typeof s === 'number' ? `${at}[${s}]` : at ? `${at}.${s}` : s), '') || '(body)';

/** Where `value` first breaks the rules above, as a path like `calls[3].args[0]`; else undefined. */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_DEPTH): { path: string; zh: string; en: string } | undefined {
  const found = breach(value, 0, maxDepth);
  if (!found) return undefined;
  const at = pathText(found.path);
  if (found.kind === 'deep') return { path: at, zh: `${at} 处嵌套超过 ${maxDepth} 层`, en: `the body is nested deeper than ${maxDepth} levels at ${at}` };
  return {
    path: at,
    zh: `${at} 处的数太大，超出了可表示的范围（约 ±1.8e308）`,
    en: `the number at ${at} is too large to represent (beyond about ±1.8e308)`,
  };
}

export function jsonBody(limit: number): RequestHandler[] {
  const parse = express.json({
    limit,
    strict: false,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) {
        throw new ServiceError(400, 'BAD_ENCODING', { zh: '请求内容不是有效的 UTF-8 文本：请以 UTF-8 编码发送 JSON', en: 'The body is not valid UTF-8: send the JSON encoded as UTF-8' });
      }
    },
  });
  const guard: RequestHandler = (req, _res, next) => {
    const found = req.body === undefined ? undefined : jsonShapeProblem(req.body);
    next(found ? new ServiceError(400, 'BAD_JSON_SHAPE', { zh: `请求内容不合要求：${found.zh}`, en: `The body is not acceptable: ${found.en}` }) : undefined);
  };
  return [parse, guard];
}
