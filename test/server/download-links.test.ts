/**
 * One-time download links (Excel for Mac, office-js #2700): a form's .xlsx behind a link the
 * system browser opens without a sign-in token; it works once, within 5 minutes, and the
 * export is in the audit log like any other.
 */
import request from 'supertest';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { LINK_TTL_MS, OneTimeLinks } from '../../server/download-links.js';
import { forms } from '../../server/forms/index.js';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('POST /api/v1/forms/:id/link, then GET /downloads/:token', () => {
  it('serves the form’s .xlsx once to a client without a token, then says the link is gone and what to do', async () => {
    const app = createApp();
    const form = forms[0]!;
    const made = await request(app).post(`/api/v1/forms/${form.id}/link`).send(form.example as object).expect(200);
    expect(made.body.url).toMatch(/^\/downloads\/[A-Za-z0-9_-]{32}$/);
    expect(made.body.expiresInSeconds).toBe(300);
    const file = await request(app).get(String(made.body.url)).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(made.body.fileName)}`);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(XLSX.read(file.body as Buffer, { type: 'buffer' }).SheetNames.length).toBeGreaterThan(0);
    const again = await request(app).get(String(made.body.url)).expect(404);
    expect(again.body.error.zh).toContain('只能用一次');
    expect(again.body.error.en).toContain('click Download in the Excel task pane again');
  });

  it('forgets a link after its time, and a guessed token finds nothing', () => {
    let now = 1_000_000;
    const links = new OneTimeLinks(LINK_TTL_MS, () => now);
    const token = links.put({ bytes: Buffer.from('x'), fileName: 'a.xlsx', type: 'x' });
    now += LINK_TTL_MS;
    expect(links.take(token)).toBeUndefined();
    expect(links.take('A'.repeat(32))).toBeUndefined();
    const fresh = links.put({ bytes: Buffer.from('y'), fileName: 'b.xlsx', type: 'x' });
    expect(links.take(fresh)?.fileName).toBe('b.xlsx');
    expect(links.take(fresh)).toBeUndefined();
  });
});
