/**
 * The allocator setting the service wants on Linux (server/node-flags.ts): the tests and
 * benchmarks start it with SERVICE_ENV, and a service started without it says so at start.
 */
import { describe, expect, it } from 'vitest';
import { allocatorLine, SERVICE_ENV } from '../../server/node-flags.js';

describe('the allocator setting', () => {
  it('fixes glibc\'s mmap threshold at 128 KiB', () => {
    expect(SERVICE_ENV).toEqual({ MALLOC_MMAP_THRESHOLD_: String(128 * 1024) });
  });

  it('on Linux without it, a start-up line names the setting and where to put it; with it, or elsewhere, nothing', () => {
    expect(allocatorLine('linux', {})).toEqual({
      missing: 'MALLOC_MMAP_THRESHOLD_',
      hint: expect.stringMatching(/^set MALLOC_MMAP_THRESHOLD_=131072 where the service is started \(the systemd unit in docs\/deploy.md does\)/),
    });
    expect(allocatorLine('linux', { ...SERVICE_ENV })).toBeUndefined();
    expect(allocatorLine('win32', {})).toBeUndefined();
  });
});
