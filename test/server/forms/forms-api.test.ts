/**
 * The forms API around the layout: listing, schemas, examples, 400s that name the row and
 * the field, 422s for payloads that cannot be printed, the download name, and the audit
 * record of every export.
 */
import { OneTimeLinks } from '../../../server/download-links.js';
import { createHash } from 'node:crypto';
import express from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../server/context.js';
import { createApp } from '../../../server/app.js';
import { canonicalJson, contentDisposition, payloadHash } from '../../../server/jobs/form-export.js';
import { silentLogger } from '../../../server/logger.js';
import { sharedPool } from '../../../server/pool/pool.js';
import { pooledHandlers } from '../../../server/routes/pooled.js';
import { ROUTES } from '../../../contracts/routes.js';
import { SHIPPED_POLICY } from '../../../server/storage/county-profiles.js';
import { startTestApp } from '../../helpers/storage-app.js';

const app = createApp();

const posts = () => ({
  rows: [
    { name: '第一学区教育事务中心', director: 1, deputies: 8 },
    { name: '第二学区教育事务中心', director: 1, deputies: 5 },
    { name: '第三学区教育事务中心', director: 1, deputies: 5 },
  ],
});

const funds = (shares: (string | number)[][], budget: string | number = 300) => ({
  budget,
  drivers: [{ name: '按人数' }, { name: '分类别' }],
  rows: shares.map((s, i) => ({ name: `单位${i + 1}`, shares: s })),
});

describe('listing and describing', () => {
  it('GET /api/v1/forms lists the five forms', async () => {
    const res = await request(app).get('/api/v1/forms');
    expect(res.status).toBe(200);
    expect(res.body.forms.map((f: { id: string }) => f.id)).toEqual([
      'district-centre-posts',
      'public-funds',
      'teacher-rotation',
      'balance-indicators',
      'key-tasks',
    ]);
    for (const f of res.body.forms) {
      expect(f.title).toMatch(/表$/);
      expect(f.summary.zh.length).toBeGreaterThan(0);
      expect(f.summary.en.length).toBeGreaterThan(0);
    }
  });

  it('GET /api/v1/forms/{id} gives the payload’s JSON Schema and the field names', async () => {
    const res = await request(app).get('/api/v1/forms/public-funds');
    expect(res.status).toBe(200);
    expect(res.body.schema.type).toBe('object');
    expect(Object.keys(res.body.schema.properties)).toEqual(expect.arrayContaining(['budget', 'drivers', 'rows', 'signature']));
    expect(res.body.fields.shares).toEqual({ zh: '分配金额', en: 'shares' });
  });

  it('answers 404 in JSON for an unknown form, naming it', async () => {
    for (const path of ['/api/v1/forms/no-such-form', '/api/v1/forms/no-such-form/example']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(404);
      expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('no-such-form');
    }
    const post = await request(app).post('/api/v1/forms/no-such-form').send({});
    expect(post.status).toBe(404);
  });
});

describe('400: a malformed payload, naming the row and the field', () => {
  it('names the row (number and unit), the field and the value', async () => {
    const body = posts();
    (body.rows[2] as Record<string, unknown>).deputies = 5.5;
    const res = await request(app).post('/api/v1/forms/district-centre-posts').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_PAYLOAD');
    expect(res.body.error.details.issues).toEqual([
      {
        path: 'rows[2].deputies',
        row: 3,
        field: 'deputies',
        zh: '单位第 3 行（第三学区教育事务中心）的“副主任及专干”（deputies）：5.5 不是整数',
        en: 'Row 3 of units (第三学区教育事务中心), field deputies (副主任及专干): 5.5 is not a whole number',
      },
    ]);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('第 3 行');
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('deputies');
  });

  it('reports a missing field, an unknown (misspelt) field and a negative count, all at once', async () => {
    const res = await request(app)
      .post('/api/v1/forms/district-centre-posts')
      .send({ rows: [{ name: '甲', director: -1, deputy: 3 }] });
    expect(res.status).toBe(400);
    const zh = res.body.error.details.issues.map((i: { zh: string }) => i.zh);
    expect(zh).toContain('单位第 1 行（甲）的“书记兼主任”（director）：-1 小于 0');
    expect(zh).toContain('单位第 1 行（甲）的“副主任及专干”（deputies）：缺少此项，请填写');
    expect(zh).toContain('单位第 1 行（甲）：有不认识的字段 deputy：请检查拼写（GET /api/v1/forms/district-centre-posts/example 给出完整示例）');
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('另有 2 处问题');
  });

  it('refuses an amount with more than two decimals, naming the row and the item', async () => {
    const res = await request(app)
      .post('/api/v1/forms/public-funds')
      .send(funds([['100', '50'], ['100', '49.999']]));
    expect(res.status).toBe(400);
    const [issue] = res.body.error.details.issues;
    expect(issue.path).toBe('rows[1].shares[1]');
    expect(issue.row).toBe(2);
    expect(issue.zh).toContain('单位第 2 行（单位2）的“分配金额”（shares）第 2 项');
    expect(issue.zh).toContain('最多两位小数');
    expect(issue.en).toContain('at most two decimals');
  });

  it('refuses an empty list, a body that is not an object and a malformed date', async () => {
    const empty = await request(app).post('/api/v1/forms/key-tasks').send({ rows: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.issues[0].zh).toBe('“任务”（rows）：[0 项] 是空的');
    const list = await request(app).post('/api/v1/forms/key-tasks').send([1, 2]);
    expect(list.status).toBe(400);
    const date = await request(app)
      .post('/api/v1/forms/district-centre-posts')
      .send({ ...posts(), signature: { date: '2023-02-30' } });
    expect(date.status).toBe(400);
    expect(date.body.error.details.issues[0].zh).toContain('不是 YYYY-MM-DD 形式的日期');
  });

  it('refuses an unknown fonts option', async () => {
    const res = await request(app).post('/api/v1/forms/district-centre-posts?fonts=comic').send(posts());
    expect(res.status).toBe(400);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('official');
  });
});

describe('422: a payload the form cannot print as it stands', () => {
  it('public funds one fen short of the budget, saying by how much', async () => {
    const res = await request(app)
      .post('/api/v1/forms/public-funds')
      .send(funds([['100.00', '50.00'], ['100.00', '49.99']]));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FORM_PROBLEM');
    expect(res.body.error.zh).toBe(
      '各单位合计 299.99 元，与预算总额 300.00 元少 0.01 元：分配结果必须与预算分毫不差，请核对各单位金额（用 EDU 分配函数可保证合计等于预算）',
    );
  });

  it('a row with more shares than drivers', async () => {
    const res = await request(app)
      .post('/api/v1/forms/public-funds')
      .send(funds([['100', '50', '1'], ['100', '50']]));
    expect(res.status).toBe(422);
    expect(res.body.error.zh).toContain('单位第 1 行（单位1）有 3 个分配金额，但分配因素有 2 个');
  });

  it('posts that do not add up to the approved establishment', async () => {
    const res = await request(app)
      .post('/api/v1/forms/district-centre-posts')
      .send({ ...posts(), establishment: 48 });
    expect(res.status).toBe(422);
    expect(res.body.error.zh).toContain('各单位岗位合计 21 个，与核定编制 48 名不一致（相差 -27）');
  });

  it('a junior school without junior standards', async () => {
    const res = await request(app)
      .post('/api/v1/forms/balance-indicators')
      .send({
        standards: { primary: { thresholds: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], cvLimit: 0.5 } },
        schools: [{ name: '某中学', stage: '初中', enrolment: 500, values: [5, 1, 1, 6, 11, 2600, 2.5] }],
      });
    expect(res.status).toBe(422);
    expect(res.body.error.zh).toContain('学校第 1 行（某中学）是初中，但没有给出初中的标准值');
  });
});

describe('download name', () => {
  it('encodes the Chinese file name by RFC 5987, escaping what encodeURIComponent leaves', () => {
    expect(contentDisposition('岗位(草稿)*.xlsx', 'form.xlsx')).toBe(
      `attachment; filename="form.xlsx"; filename*=UTF-8''%E5%B2%97%E4%BD%8D%28%E8%8D%89%E7%A8%BF%29%2A.xlsx`,
    );
  });

  it('uses the payload’s title, without characters a file name cannot hold', async () => {
    const res = await request(app)
      .post('/api/v1/forms/district-centre-posts')
      .send({ ...posts(), title: '平江县/学区岗位设置表' });
    expect(res.status).toBe(200);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!;
    expect(decodeURIComponent(encoded)).toBe('平江县学区岗位设置表.xlsx');
  });
});

describe('audit', () => {
  function auditedApp(audit: (event: AuditEvent) => Promise<void>) {
    const a = express();
    const work = { maxCalls: 10, maxValues: 10_000 };
    const pooled = pooledHandlers({ pool: sharedPool(), maxBodyBytes: 100_000, work, policyFor: () => SHIPPED_POLICY, audit: (_req, event) => audit(event), logger: silentLogger, downloads: new OneTimeLinks() });
    a.post(ROUTES.formXlsx.path, ...pooled({ job: 'form.xlsx' }));
    a.post(ROUTES.formLayout.path, ...pooled({ job: 'form.layout' }));
    return a;
  }

  it('records every export with the SHA-256 of the canonical payload, whatever the key order', async () => {
    const events: AuditEvent[] = [];
    const a = auditedApp(async (e) => {
      events.push(e);
    });
    const body = posts();
    const shuffled = { rows: body.rows.map((r) => ({ deputies: r.deputies, name: r.name, director: r.director })) };
    await request(a).post('/api/v1/forms/district-centre-posts').send(body).expect(200);
    await request(a).post('/api/v1/forms/district-centre-posts/layout').send(shuffled).expect(200);
    const expected = createHash('sha256').update(canonicalJson(body)).digest('hex');
    expect(events).toEqual([
      { action: 'form.export', target: 'district-centre-posts', inputHash: expected, details: { format: 'xlsx' } },
      { action: 'form.export', target: 'district-centre-posts', inputHash: expected, details: { format: 'layout' } },
    ]);
  });

  it('records nothing for a refused payload, and sends no file when the audit cannot be written', async () => {
    const events: AuditEvent[] = [];
    const ok = auditedApp(async (e) => {
      events.push(e);
    });
    await request(ok).post('/api/v1/forms/district-centre-posts').send({ rows: [] }).expect(400);
    expect(events).toEqual([]);
    const failing = auditedApp(async () => {
      throw new Error('audit store down');
    });
    const res = await request(failing).post('/api/v1/forms/district-centre-posts').send(posts());
    expect(res.status).toBe(500);
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('canonical JSON: sorted keys at every level, arrays in order, so equal payloads hash equal', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":2}],"b":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(payloadHash(reversed)).toBe(payloadHash(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('audit in the real store', () => {
  it('an export by a signed-in user is in the county’s audit log with its actor and payload hash', async () => {
    const app = await startTestApp({ auth: 'tokens' });
    try {
      const token = await app.addUser('财务股 李某', 'finance', 'pingjiang');
      const body = posts();
      const res = await app.request('POST', '/api/v1/forms/district-centre-posts', { token, body });
      expect(res.status).toBe(200);
      const refused = await app.request('POST', '/api/v1/forms/district-centre-posts', { token, body: { rows: [] } });
      expect(refused.status).toBe(400);
      const entries = await app.storage.listAudit('pingjiang', { limit: 10, action: 'form.export' });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor: '财务股 李某', action: 'form.export', target: 'district-centre-posts', inputHash: payloadHash(body), details: { format: 'xlsx' } });
    } finally {
      await app.close();
    }
  });
});
