/**
 * Tokens: 32 random bytes, only the SHA-256 kept; the lookup part is the hash's first 16
 * hex digits and the comparison is of whole hashes.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestToken, looksLikeToken, newToken, sameHash } from '../../../server/auth/tokens.js';

describe('tokens', () => {
  it('are edu_ and 43 base64url characters (32 bytes), different every time', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    expect(tokens.every(looksLikeToken)).toBe(true);
    expect(new Set(tokens).size).toBe(200);
    expect(Buffer.from(tokens[0]!.slice(4), 'base64url')).toHaveLength(32);
  });

  it('are stored as their SHA-256, looked up by its first 16 hex digits', () => {
    const token = newToken();
    const d = digestToken(token);
    expect(d.hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(d.lookup).toBe(d.hash.slice(0, 16));
  });

  it('compare whole hashes only', () => {
    const { hash } = digestToken(newToken());
    expect(sameHash(hash, hash)).toBe(true);
    expect(sameHash(hash, `${hash.slice(0, 63)}${hash[63] === '0' ? '1' : '0'}`)).toBe(false);
    expect(sameHash(hash, hash.slice(0, 32))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });

  it('reject anything not shaped like a token before any lookup (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(looksLikeToken(s)).toBe(/^edu_[A-Za-z0-9_-]{43}$/.test(s));
      }),
    );
  });
});
