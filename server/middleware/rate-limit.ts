/**
 * Per-token rate limits: a token bucket per signed-in user (per instance), refilled at
 * `perMinute` with room for a burst, so one runaway workbook cannot starve the rest of the
 * county. Failed sign-ins are limited per client address the same way. Over the limit the
 * answer is 429 with Retry-After. `perMinute: 0` turns the limit off.
 */
import type { RequestHandler } from 'express';
import { principalOf } from '../auth/principal.js';
import { ServiceError } from '../service-error.js';

export interface RateLimit {
  perMinute: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

const SWEEP_EVERY = 1000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private calls = 0;

  constructor(private readonly limit: RateLimit) {}

  /** Takes one request from `key`'s bucket: 0 when allowed, else seconds until one is. */
  take(key: string, now = Date.now()): number {
    if (this.limit.perMinute <= 0) return 0;
    const perMs = this.limit.perMinute / 60_000;
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now, perMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Forgets buckets that have refilled completely. */
  private sweep(now: number, perMs: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

export const tooManyRequests = (retryAfter: number) =>
  new ServiceError(429, 'RATE_LIMITED', { zh: `请求过于频繁，请 ${retryAfter} 秒后再试；若工作簿在不停重算，请检查是否有循环引用或易失函数`, en: `Too many requests; try again in ${retryAfter} s. If the workbook keeps recalculating, look for circular references or volatile functions.` }, { headers: { 'Retry-After': String(retryAfter) } });

export function rateLimit(limiter: RateLimiter): RequestHandler {
  return (req, _res, next) => {
    const principal = principalOf(req);
    const wait = limiter.take(principal ? `user:${principal.name}` : `ip:${req.ip ?? ''}`);
    next(wait > 0 ? tooManyRequests(wait) : undefined);
  };
}
