/**
 * What a county profile must be when it is written (issue 15): dates that exist on the
 * calendar, and at most MAX_PROFILE_BYTES of JSON, so no county's profiles take long to load.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PROFILE_BYTES } from '../../../server/storage/county-profiles.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const source = { document: '某县编办〔2024〕3号', title: '县域中小学教职工编制调整' };
const profile = (values: Record<string, unknown[]>) => ({ title: { zh: '某县', en: 'A county' }, extends: 'cn-national', values });

describe('county profile checks on write', () => {
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.addUser('admin-a', 'admin', '360731');
  });
  afterAll(() => app?.close());

  it.each([
    ['2023-02-30', 'February has 28 days in 2023'],
    ['2023-02-29', '2023 is not a leap year'],
    ['2024-13-01', 'there is no month 13'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-00-10', 'there is no month 0'],
  ])('refuses the effective date %s (%s), naming where it is', async (effective) => {
    const res = await app.request('PUT', '/api/v1/profiles/jx-dates', { token: admin, body: profile({ k: [{ value: 1, effective, source }] }) });
    expect(res.status).toBe(400);
    expect((res.body as { error: { en: string } }).error.en).toMatch(/values\.k\[0\]\.effective.*is not a real (calendar )?date/);
  });

  it('accepts 29 February of a leap year', async () => {
    const res = await app.request('PUT', '/api/v1/profiles/jx-dates', { token: admin, body: profile({ k: [{ value: 1, effective: '2024-02-29', source }] }) });
    expect(res.status).toBe(200);
  });

  it('refuses a profile over the size limit with 413 saying the limit, and stores nothing', async () => {
    // 600 keys of about 440 bytes each: about 264,000 bytes, over the 262,144-byte limit.
    const values = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, [{ value: i, effective: '2024-09-01', source, note: 'x'.repeat(350) }]]));
    const res = await app.request('PUT', '/api/v1/profiles/jx-big', { token: admin, body: profile(values) });
    expect(res.status).toBe(413);
    expect((res.body as { error: { zh: string; en: string } }).error.en).toContain(`limit of ${MAX_PROFILE_BYTES} bytes`);
    expect((res.body as { error: { zh: string } }).error.zh).toContain(`${MAX_PROFILE_BYTES} 字节`);
    expect((await app.request('GET', '/api/v1/profiles/jx-big', { token: admin })).status).toBe(404);
    // Half of it fits.
    const half = Object.fromEntries(Object.entries(values).slice(0, 300));
    expect((await app.request('PUT', '/api/v1/profiles/jx-big', { token: admin, body: profile(half) })).status).toBe(200);
  });
});
