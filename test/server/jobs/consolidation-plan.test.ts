import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';

const app = createApp();

// Two central schools and four small ones; the plan is worked out in the comments below.
//   C1 400 pupils, capacity 420 (20 free); C2 200 pupils, capacity 205 (5 free)
//   S1 7 pupils (2 teachers, 1 temporary) 3 km from C1, 9 km from C2
//   S2 4 pupils (1 teacher) 6 km from C2, 12 km from C1
//   S3 18 pupils (3 teachers, 1 temporary) 4 km from C1
//   S4 9 pupils, kept (families disagree)
// Stage 1 (≤ 10): S1 and S2 both have 2 receivers in range: S1 (larger) first → C1 (3 km,
//   20 free) → 13 free; S2 → C2 (6 km, 5 free) → 1 free. S4 kept.
// Stage 2 (≤ 30): S3 → C1 (4 km, 13 free < 18): not placed, 5 seats short.
// This is also the optimum: S1 fits only at C1 (C2 has 5 free), and S1 + S3 = 25 > 20 free
// there, so merging both stage-1 schools leaves no room for S3. Pupil-km 7×3 + 4×6 = 45.
const body = {
  schools: [
    { id: 'C1', name: '一中心', pupils: 400, teachers: 30, capacity: 420 },
    { id: 'C2', name: '二中心', pupils: 200, teachers: 15, capacity: 205 },
    { id: 'S1', name: '一教学点', pupils: 7, teachers: 2, temporaryStaff: 1 },
    { id: 'S2', name: '二教学点', pupils: 4, teachers: 1 },
    { id: 'S3', name: '三小学', pupils: 18, teachers: 3, temporaryStaff: 1 },
    { id: 'S4', name: '四教学点', pupils: 9, teachers: 2, kept: true },
  ],
  distances: [
    { from: 'S1', to: 'C1', km: 3 },
    { from: 'S1', to: 'C2', km: 9 },
    { from: 'S2', to: 'C2', km: 6 },
    { from: 'S2', to: 'C1', km: 12 },
    { from: 'S3', to: 'C1', km: 4 },
  ],
  thresholds: [10, 30],
  maxDistanceKm: 15,
};

describe('POST /api/v1/consolidation/plan', () => {
  it('answers 200 with the plan, the summary sentence and rows for a new sheet', async () => {
    const res = await request(app).post('/api/v1/consolidation/plan').send(body).expect(200);
    expect(res.body.merges.map((m: { schoolId: string; receiverId: string }) => [m.schoolId, m.receiverId])).toEqual([
      ['S1', 'C1'],
      ['S2', 'C2'],
    ]);
    expect(res.body.summary).toMatchObject({ schoolsMerged: 2, pupilsPlaced: 11, teachersRedeployed: 3, temporaryStaffRedeployed: 1, seatsShort: 5, keptSchools: 1 });
    expect(res.body.summary.text.zh).toBe(
      '优化10人以下学校2所，30人以下学校0所，安置学生11人，分流教师3人，安置临聘人员1人，保留1所（群众不同意或条件暂不成熟），1所暂无法安置（尚缺学位5个）。',
    );
    expect(res.body.sheet.rows[1][0]).toBe(res.body.summary.text.zh);
  });

  it('reports each objective proven optimal, beside the greedy plan’s values', async () => {
    const res = await request(app).post('/api/v1/consolidation/plan').send(body).expect(200);
    expect(res.body.solver).toMatchObject({ method: 'optimal', proven: true, name: 'HiGHS' });
    expect(res.body.solver.objectives.map((o: { name: string; value: number; bound: number; greedy: number }) => [o.name, o.value, o.bound, o.greedy])).toEqual([
      ['stage1', 2, 2, 2],
      ['stage2', 0, 0, 0],
      ['pupilKm', 45, 45, 45],
      ['seatsAdded', 0, 0, 0],
    ]);
  });

  it('answers the greedy plan when asked (method: "greedy")', async () => {
    const res = await request(app).post('/api/v1/consolidation/plan').send({ ...body, method: 'greedy' }).expect(200);
    expect(res.body.solver).toMatchObject({ method: 'greedy', proven: false });
    expect(res.body.solver.name).toBeUndefined();
  });

  it('answers 400 for a body that is not a plan request', async () => {
    const res = await request(app).post('/api/v1/consolidation/plan').send({ schools: 'none' }).expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toContain('schools');
    await request(app).post('/api/v1/consolidation/plan').send({ ...body, thresholds: [30, 10] }).expect(400);
  });

  it('answers 422 with a bilingual message for a table the planner cannot use', async () => {
    const res = await request(app)
      .post('/api/v1/consolidation/plan')
      .send({ ...body, distances: [{ from: 'S1', to: 'X9', km: 2 }] })
      .expect(422);
    expect(res.body.error.code).toBe('VALUE');
    expect(res.body.error.zh).toContain('X9');
    expect(res.body.error.en).toContain('X9');
  });
});
