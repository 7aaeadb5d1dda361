import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { shippedProfileSource } from '../../../formulas/index.js';
import { planInputSchema } from '../../../formulas/rotation/plan-types.js';
import { verifyPlan } from '../../../formulas/rotation/plan-verify.js';
import { createApp } from '../../../server/app.js';
import { smallCounty } from '../../formulas/rotation/county-fixture.js';
import { syntheticCounty } from '../../formulas/rotation/synthetic-county.js';

const app = createApp();
const post = (body: unknown) => request(app).post('/api/v1/rotation/plan').send(body as object);

describe('POST /api/v1/rotation/plan', () => {
  it('answers 200 with rows ready for 教师交流轮岗计划表 (the small county of plan.test.ts)', async () => {
    const res = await post(smallCounty()).expect(200);
    expect(res.body.form.title).toBe('教师交流轮岗计划表');
    expect(res.body.form.columns.map((c: { zh: string }) => c.zh)).toEqual(['序号', '教师编号', '姓名', '任教学科', '派出学校', '接收学校', '骨干教师', '本校任教年限', '交流距离']);
    expect(res.body.rows).toEqual([
      { seq: 1, teacherId: 'a01', name: '教师a01', fromSchoolId: 'S1', fromSchool: '城关一小', toSchoolId: 'R1', toSchool: '河西小学', subject: '数学', backbone: false, yearsAtSchool: 20, distance: 5, fillsNeed: true },
      { seq: 2, teacherId: 'a05', name: '教师a05', fromSchoolId: 'S1', fromSchool: '城关一小', toSchoolId: 'R2', toSchool: '山口小学', subject: '数学', backbone: true, yearsAtSchool: 14, distance: 15, fillsNeed: true },
      { seq: 3, teacherId: 'b03', name: '教师b03', fromSchoolId: 'S2', fromSchool: '城关二小', toSchoolId: 'R3', toSchool: '北坡小学', subject: '英语', backbone: true, yearsAtSchool: 17, distance: 12, fillsNeed: true },
    ]);
    expect(res.body.parameters).toEqual({ profile: 'cn-national', rate: 0.1, backboneShare: 0.2, backboneBase: 'rotating', minYears: 6, exemptYears: null, asOf: null });
    expect(res.body.solver.name).toBe('HiGHS');
    expect(res.body.solver.stages.map((s: { name: string }) => s.name)).toEqual(['needs', 'seniority', 'travel', 'order']);
  });

  it('answers the same plan to the same request', async () => {
    const a = await post(smallCounty()).expect(200);
    const b = await post(smallCounty()).expect(200);
    const { solver: _a, ...planA } = a.body;
    const { solver: _b, ...planB } = b.body;
    expect(planB).toEqual(planA);
  });

  it('answers 422 ROTATION_INFEASIBLE naming the school and the rule', async () => {
    const body = smallCounty();
    body.teachers = body.teachers.map((t) => (t.school === 'S2' ? { ...t, backbone: false } : t));
    const res = await post(body).expect(422);
    expect(res.body.error.code).toBe('ROTATION_INFEASIBLE');
    expect(res.body.error.details.issues).toEqual([
      {
        rule: 'backbone',
        schoolId: 'S2',
        school: '城关二小',
        required: 1,
        existing: 0,
        zh: '城关二小（S2）须交流骨干教师 1 人，但符合交流条件的骨干教师只有 0 人',
        en: '城关二小 (S2) must rotate 1 backbone teacher but has only 0 eligible backbone teachers',
      },
    ]);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toMatch(/^有 1 条规则无法满足/);
  });

  it('answers 422 ROTATION_INPUT for inconsistent tables', async () => {
    const body = smallCounty();
    body.teachers.push({ id: 'x1', name: '新', school: 'S9', subject: '数学', backbone: '是', yearsAtSchool: 7 });
    const res = await post(body).expect(422);
    expect(res.body.error.code).toBe('ROTATION_INPUT');
    expect(res.body.error.details.issues[0]).toMatchObject({ rule: 'unknown-school', teacherId: 'x1', schoolId: 'S9' });
  });

  it('answers 400, in both languages, for a body that is not a plan request', async () => {
    const empty = await post({}).expect(400);
    expect(empty.body.error.code).toBe('BAD_REQUEST');
    expect(`${empty.body.error.zh} / ${empty.body.error.en}`).toContain('teachers');
    const role = smallCounty();
    role.schools[0] = { ...role.schools[0]!, role: 'capital' };
    const bad = await post(role).expect(400);
    expect(`${bad.body.error.zh} / ${bad.body.error.en}`).toContain('schools[0].role');
    const yes = smallCounty();
    yes.teachers[0] = { ...yes.teachers[0]!, backbone: 'maybe' };
    await post(yes).expect(400);
  });

  it('plans a county of 400 teachers that the independent verifier accepts', async () => {
    const body = syntheticCounty({ seed: 11, sending: 15, receiving: 25, perSending: 24, perReceiving: 2, needsPerSchool: 2, distances: true, exemption: true });
    const res = await post(body).expect(200);
    expect(res.body.totals.rotating).toBe(res.body.sending.reduce((a: number, s: { quota: number }) => a + s.quota, 0));
    expect(verifyPlan(planInputSchema.parse(body), res.body, shippedProfileSource)).toEqual([]);
  });
});
