/**
 * JSON bodies: at most `limit` bytes, valid UTF-8 (invalid bytes are refused, not quietly
 * replaced), nested at most MAX_DEPTH levels (a workbook range is 2-D; nothing honest goes
 * deeper, and deep nesting is how a body exhausts the stack later), and only finite numbers
 * (1e999 parses to Infinity, which JSON cannot hold and would be saved as null).
 */
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { problem } from './errors.js';

export const MAX_DEPTH = 64;

/** Where `value` first breaks the rules above, as a path like `calls[3].args[0]`; else undefined. */
export function jsonShapeProblem(value: unknown, maxDepth = MAX_DEPTH): { path: string; zh: string; en: string } | undefined {
  const tooLarge = (at: string) => ({
    path: at,
    zh: `${at} 处的数太大，超出了可表示的范围（约 ±1.8e308）`,
    en: `the number at ${at} is too large to represent (beyond about ±1.8e308)`,
  });
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : tooLarge('(body)');
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v !== 'object' || v === null) continue;
    const at = item.path || '(body)';
    if (item.depth >= maxDepth) return { path: at, zh: `${at} 处嵌套超过 ${maxDepth} 层`, en: `the body is nested deeper than ${maxDepth} levels at ${at}` };
    const isArray = Array.isArray(v);
    const keys = isArray ? undefined : Object.keys(v);
    const count = isArray ? v.length : keys!.length;
    const pathOf = (i: number): string => (isArray ? `${item.path}[${i}]` : item.path ? `${item.path}.${keys![i]}` : keys![i]!);
    for (let i = count - 1; i >= 0; i--) {
      const child: unknown = isArray ? v[i] : (v as Record<string, unknown>)[keys![i]!];
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) return tooLarge(pathOf(i));
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, depth: item.depth + 1, path: pathOf(i) });
      }
    }
  }
  return undefined;
}

export function jsonBody(limit: number): RequestHandler[] {
  const parse = express.json({
    limit,
    strict: false,
    verify: (_req, _res, buf) => {
      if (!isUtf8(buf)) {
        throw problem(400, 'BAD_ENCODING', '请求内容不是有效的 UTF-8 文本：请以 UTF-8 编码发送 JSON', 'The body is not valid UTF-8: send the JSON encoded as UTF-8');
      }
    },
  });
  const guard: RequestHandler = (req, _res, next) => {
    const found = req.body === undefined ? undefined : jsonShapeProblem(req.body);
    next(found ? problem(400, 'BAD_JSON_SHAPE', `请求内容不合要求：${found.zh}`, `The body is not acceptable: ${found.en}`) : undefined);
  };
  return [parse, guard];
}
