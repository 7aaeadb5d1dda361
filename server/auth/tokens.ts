/**
 * API tokens: 32 random bytes, shown once (base64url, prefixed `edu_`), of which the store
 * keeps only the SHA-256. The first 16 hex digits of the hash find the user; the full hash
 * is then compared in constant time, so neither the lookup nor the comparison tells an
 * attacker how much of a guessed token was right.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'edu_';
const TOKEN_PATTERN = /^edu_[A-Za-z0-9_-]{43}$/;

export interface TokenDigest {
  /** Public part of the hash used to find the user (indexed). */
  lookup: string;
  /** The full SHA-256, hex. */
  hash: string;
}

/** When a token issued at `from` stops working. */
export function tokenExpiry(days: number, from: Date = new Date()): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString();
}

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export const looksLikeToken = (text: string): boolean => TOKEN_PATTERN.test(text);

export function digestToken(token: string): TokenDigest {
  const hash = createHash('sha256').update(token, 'utf8').digest('hex');
  return { lookup: hash.slice(0, 16), hash };
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}
