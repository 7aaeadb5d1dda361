/**
 * The rotation plan: prepared from the input, solved by HiGHS in two lexicographic programs,
 * and every plan checked by the independent verifier (formulas/rotation/plan-verify.ts).
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { shippedProfileSource } from '../../../formulas/index.js';
import { preparePlan } from '../../../formulas/rotation/plan-prepare.js';
import { type SolvedPlan, solvePlan } from '../../../formulas/rotation/plan-solve.js';
import { type PlanInput, type PlanProblem, planInputSchema } from '../../../formulas/rotation/plan-types.js';
import { verifyPlan } from '../../../formulas/rotation/plan-verify.js';
import { solveLexicographic } from '../../../server/solvers/highs.js';
import { smallCounty } from './county-fixture.js';
import { mulberry32 } from './synthetic-county.js';

type Body = z.input<typeof planInputSchema>;

async function plan(body: Body): Promise<{ input: PlanInput; solved: SolvedPlan }> {
  const input = planInputSchema.parse(body);
  const prepared = preparePlan(input, shippedProfileSource);
  if (!prepared.ok) throw new Error(`not plannable: ${JSON.stringify(prepared.problems)}`);
  const solved = await solvePlan(prepared.plan, solveLexicographic);
  if ('error' in solved) throw new Error(solved.error);
  expect(verifyPlan(input, solved.result, shippedProfileSource)).toEqual([]);
  return { input, solved };
}

function problems(body: Body): { kind: string; problems: PlanProblem[] } {
  const prepared = preparePlan(planInputSchema.parse(body), shippedProfileSource);
  if (prepared.ok) throw new Error('expected problems');
  return { kind: prepared.kind, problems: prepared.problems };
}

describe('rotation plan: a small county worked out by hand', () => {
  // 城关一小 S1: 11 eligible (a01–a11; a12 has 3 years) → ⌈1.1⌉ = 2 rotate, ⌈20% × 2⌉ = 1 backbone.
  //   Backbone among the eligible: a05 (数学, 14 years) and a07 (英语, 11 years).
  // 城关二小 S2: 10 eligible (b01–b10; b11 has 4 years) → 1 rotates, and ⌈0.2⌉ = 1 backbone:
  //   the one who goes must be b01 (体育, 25 years) or b03 (英语, 17 years).
  // Needs: R1 数学 1 + 英语 1, R2 语文 1 + 数学 1, R3 英语 1 (5 in all, 3 rotate).
  //
  // 1. needs: 3 can be placed: S2 sends b03 (英语, needed), not b01 (体育, needed nowhere);
  //    S1 sends two of 数学/语文/英语 with a backbone among them.
  // 2. seniority (rank = eligible colleagues with more years): S1 must include a05 (rank 4) or
  //    a07 (rank 6); the best pair is a01 (rank 0, 数学) + a05 (rank 4, 数学): 4. a02 (语文, rank
  //    1) and a04 (英语, rank 3) are passed over for the backbone rule. S2: b03, rank 2 (b01 is
  //    passed over: no school needs 体育). Total 6.
  // 3. travel: the two 数学 teachers fill R1 (5) and R2 (15) either way: 20; b03 goes to R3
  //    (12) rather than R1 (20). Total 32. The longer-serving a01 gets the nearer R1.
  it('sends a01 → R1, a05 → R2, b03 → R3', async () => {
    const { solved } = await plan(smallCounty());
    const r = solved.result;
    expect(r.rows.map((x) => [x.seq, x.teacherId, x.fromSchool, x.toSchool, x.subject, x.backbone, x.yearsAtSchool, x.distance])).toEqual([
      [1, 'a01', '城关一小', '河西小学', '数学', false, 20, 5],
      [2, 'a05', '城关一小', '山口小学', '数学', true, 14, 15],
      [3, 'b03', '城关二小', '北坡小学', '英语', true, 17, 12],
    ]);
    expect(r.totals).toEqual({ teachers: 24, eligible: 21, rotating: 3, backboneRotating: 2, needs: 5, needsFilled: 3, unplaced: 0, travel: 32, seniorityRank: 6 });
    expect(r.sending.map((s) => [s.schoolId, s.eligible, s.eligibleBackbone, s.quota, s.backboneQuota, s.rotating, s.backboneRotating])).toEqual([
      ['S1', 11, 2, 2, 1, 2, 1],
      ['S2', 10, 2, 1, 1, 1, 1],
    ]);
    expect(r.receiving.find((x) => x.schoolId === 'R1')!.needs).toEqual([
      { subject: '数学', need: 1, filled: 1 },
      { subject: '英语', need: 1, filled: 0 },
    ]);
    expect(solved.stages.map((s) => [s.name, s.value])).toEqual([
      ['needs', 0],
      ['seniority', 6],
      ['travel', 3200],
      ['order', solved.stages[3]!.value],
    ]);
    expect(r.form.title).toBe('教师交流轮岗计划表');
    expect(r.warnings.map((w) => w.en)).toEqual(['1 teacher at receiving schools takes no part in this plan (only sending schools\' teachers rotate)']);
  });

  it('gives the same plan for the same input, in any row order', async () => {
    const first = (await plan(smallCounty())).solved.result;
    const again = (await plan(smallCounty())).solved.result;
    expect(again).toEqual(first);
    const rand = mulberry32(7);
    const shuffled = smallCounty();
    for (const list of [shuffled.teachers, shuffled.schools] as unknown[][]) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
    }
    expect((await plan(shuffled)).solved.result).toEqual(first);
  });

  it('without distances, fills the same needs with the same teachers', async () => {
    const body = smallCounty();
    for (const s of body.schools) delete (s as { distances?: unknown }).distances;
    const r = (await plan(body)).solved.result;
    expect(r.rows.map((x) => x.teacherId)).toEqual(['a01', 'a05', 'b03']);
    expect(r.rows.every((x) => x.distance === null && x.fillsNeed)).toBe(true);
    expect(r.totals.travel).toBeNull();
  });

  it('with backbone base "eligible", S1 owes ⌈20% × 11⌉ = 3 backbone teachers and has only 2', () => {
    // 10% of 11 → 2, but 20% of the 11 eligible → 3 backbone, so 3 rotate; S1 has 2 eligible backbone.
    // S2: 20% of 10 → 2 backbone, 2 rotate; S2 has exactly 2 (b01, b03).
    const body = { ...smallCounty(), parameters: { backboneBase: 'eligible' } };
    expect(problems(body)).toEqual({
      kind: 'rules',
      problems: [
        {
          rule: 'backbone',
          schoolId: 'S1',
          school: '城关一小',
          required: 3,
          existing: 2,
          zh: '城关一小（S1）须交流骨干教师 3 人，但符合交流条件的骨干教师只有 2 人',
          en: '城关一小 (S1) must rotate 3 backbone teachers but has only 2 eligible backbone teachers',
        },
      ],
    });
  });

  it('leaves a teacher unplaced (destination blank, with a warning) when the subject is needed nowhere', async () => {
    // R1–R3 need nothing but 数学 1 at R1: S1's two go as a01 (数学) → R1 and a05 (数学, the backbone)
    // left over; S2 must send a backbone: b03 or b01, neither needed: the senior b01 (rank 0) goes.
    const body = smallCounty();
    body.schools = body.schools.map((s) => (s.role === 'sending' || s.role === '城镇' ? s : { ...s, needs: s.id === 'R1' ? { 数学: 1 } : {} }));
    const r = (await plan(body)).solved.result;
    expect(r.rows.map((x) => [x.teacherId, x.toSchoolId, x.fillsNeed])).toEqual([
      ['a01', 'R1', true],
      ['a05', null, false],
      ['b01', null, false],
    ]);
    expect(r.totals.unplaced).toBe(2);
    expect(r.warnings.some((w) => w.en.startsWith('2 rotating teachers teach subjects no receiving school still needs'))).toBe(true);
  });

  it('exempts teachers near retirement before counting the quota', async () => {
    // With exemptYears 5 as of 2025-09-01, a01 (男, born 1966-03-10, retires 2026-07-10) is
    // exempt: S1 has 10 eligible → 1 rotates, 1 backbone: a05 (数学, backbone) goes.
    const body = smallCounty();
    body.teachers = body.teachers.map((t) => ({ ...t, birthdate: t.id === 'a01' ? '1966-03-10' : '1985-01-01', retireCategory: '男' }));
    body.parameters = { exemptYears: 5, asOf: '2025-09-01' };
    const r = (await plan(body)).solved.result;
    expect(r.sending[0]).toMatchObject({ eligible: 10, exempt: 1, quota: 1, backboneQuota: 1 });
    expect(r.rows.map((x) => [x.teacherId, x.toSchoolId])).toEqual([
      ['a05', 'R1'],
      ['b03', 'R3'],
    ]);
  });

  it('follows a quota the bureau assigns above the policy minimum', async () => {
    // S1 assigned 3 (policy 2; backbone ⌈20% × 3⌉ = 1): a01 (rank 0) + a05 (rank 4, the backbone)
    // as before, and a02 (语文, rank 1) for R2's 语文 need: ranks 0 + 1 + 4 + b03's 2 = 7.
    // Travel: a01 → R1 (5), a05 → R2 (15), a02 → R2 (15), b03 → R3 (12) = 47.
    const body = smallCounty();
    body.schools = body.schools.map((s) => (s.id === 'S1' ? { ...s, quota: 3 } : s));
    const r = (await plan(body)).solved.result;
    expect(r.rows.map((x) => [x.teacherId, x.toSchoolId])).toEqual([
      ['a01', 'R1'],
      ['a05', 'R2'],
      ['a02', 'R2'],
      ['b03', 'R3'],
    ]);
    expect(r.totals).toMatchObject({ rotating: 4, needsFilled: 4, seniorityRank: 7, travel: 47 });
  });
});

describe('rotation plan: edge cases', () => {
  it('gives an empty plan when no teacher has been at a sending school long enough', async () => {
    const body = smallCounty();
    body.teachers = body.teachers.map((t) => ({ ...t, yearsAtSchool: 2 }));
    const r = (await plan(body)).solved.result;
    expect(r.rows).toEqual([]);
    expect(r.sending.map((s) => [s.eligible, s.quota])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(r.totals).toMatchObject({ rotating: 0, needs: 5, needsFilled: 0 });
  });

  it('plans with no receiving school at all: everyone who must rotate is left for the bureau to place', async () => {
    const body = smallCounty();
    body.schools = body.schools.filter((s) => String(s.id).startsWith('S'));
    body.teachers = body.teachers.filter((t) => t.school !== 'R1');
    const r = (await plan(body)).solved.result;
    // No needs: seniority alone decides, with the backbone rule: S1 a01 (rank 0) + a05 (rank 4,
    // the senior backbone teacher); S2 b01 (rank 0, backbone).
    expect(r.rows.map((x) => [x.teacherId, x.toSchoolId])).toEqual([
      ['a01', null],
      ['a05', null],
      ['b01', null],
    ]);
  });

  it('adds up a need written twice with stray spaces', async () => {
    const body = smallCounty();
    body.schools = body.schools.map((s) => (s.id === 'R1' ? { ...s, needs: { 数学: 1, ' 数学 ': 1, 英语: 1 } } : s));
    const r = (await plan(body)).solved.result;
    expect(r.receiving.find((x) => x.schoolId === 'R1')!.needs).toEqual([
      { subject: '数学', need: 2, filled: 2 },
      { subject: '英语', need: 1, filled: 0 },
    ]);
  });
});

describe('rotation plan: infeasible and inconsistent inputs are answered with the reason', () => {
  it('names the school and rule when too few backbone teachers are eligible', () => {
    const body = smallCounty();
    body.teachers = body.teachers.map((t) => (t.school === 'S2' ? { ...t, backbone: false } : t));
    const { kind, problems: list } = problems(body);
    expect(kind).toBe('rules');
    expect(list).toEqual([expect.objectContaining({ rule: 'backbone', schoolId: 'S2', required: 1, existing: 0 })]);
    expect(list[0]!.zh).toBe('城关二小（S2）须交流骨干教师 1 人，但符合交流条件的骨干教师只有 0 人');
  });

  it('names the school when its assigned quota exceeds its eligible teachers, or falls below the policy', () => {
    const body = smallCounty();
    body.schools = body.schools.map((s) => (s.id === 'S1' ? { ...s, quota: 12 } : s.id === 'S2' ? { ...s, quota: 0 } : s));
    const { problems: list } = problems(body);
    // S1: 12 assigned, 11 eligible; and ⌈20% × 12⌉ = 3 backbone, 2 eligible. S2: 0 assigned, policy 1.
    expect(list.map((p) => [p.rule, p.schoolId, p.required, p.existing])).toEqual([
      ['quota', 'S1', 12, 11],
      ['backbone', 'S1', 3, 2],
      ['quota-below-policy', 'S2', 1, 0],
    ]);
    expect(list[0]!.en).toBe('城关一小 (S1) must rotate 12 but has only 11 eligible teachers');
  });

  it('lists data problems: duplicate ids, unknown schools, missing distances, missing asOf', () => {
    const body = smallCounty();
    body.teachers.push({ ...body.teachers[0]!, name: '重复' }, { id: 'x1', name: '新', school: 'S9', subject: '数学', backbone: false, yearsAtSchool: 7 });
    body.schools = body.schools.map((s) => (s.id === 'R3' ? { ...s, distances: { S1: 30 } } : s));
    const { kind, problems: list } = problems(body);
    expect(kind).toBe('input');
    expect(list.map((p) => p.rule)).toEqual(['duplicate-teacher', 'unknown-school', 'missing-distance']);
    expect(list[2]!.en).toContain('北坡小学 (R3) has no distance from sending school S2');
    const noDate = problems({ ...smallCounty(), parameters: { exemptYears: 5 } });
    expect(noDate.problems.map((p) => p.rule)).toEqual(['missing-as-of']);
  });

  it('names each teacher whose birth date or category the exemption needs and cannot read', () => {
    const body = { ...smallCounty(), parameters: { exemptYears: 5, asOf: '2025-09-01' } };
    body.teachers = body.teachers.map((t) => ({ ...t, birthdate: '1980-01-01', retireCategory: t.id === 'a02' ? '女' : '男' }));
    const { problems: list } = problems(body);
    expect(list).toEqual([expect.objectContaining({ rule: 'invalid-retire-category', teacherId: 'a02', schoolId: 'S1' })]);
  });
});

describe('rotation plan: the verifier catches a plan that breaks a rule', () => {
  const broken = async (edit: (rows: SolvedPlan['result']['rows']) => SolvedPlan['result']['rows']) => {
    const { input, solved } = await plan(smallCounty());
    const rows = edit(structuredClone(solved.result.rows)).map((r, i) => ({ ...r, seq: i + 1 }));
    const result = { ...solved.result, rows };
    return verifyPlan(input, result, shippedProfileSource).map((v) => v.rule);
  };

  it('a school below its quota', async () => {
    expect(await broken((rows) => rows.slice(1))).toContain('quota');
  });

  it('no backbone teacher from a school that owes one', async () => {
    // a05 (backbone) replaced by a09 (数学, 9 years, not backbone).
    const rules = await broken((rows) => rows.map((r) => (r.teacherId === 'a05' ? { ...r, teacherId: 'a09', name: '教师a09', backbone: false, yearsAtSchool: 9 } : r)));
    expect(rules).toContain('backbone');
  });

  it('a junior colleague sent while a senior one of the same subject stays', async () => {
    // a01 (数学, 20 years) replaced by a09 (数学, 9 years).
    const rules = await broken((rows) => rows.map((r) => (r.teacherId === 'a01' ? { ...r, teacherId: 'a09', name: '教师a09', yearsAtSchool: 9 } : r)));
    expect(rules).toEqual(expect.arrayContaining(['seniority']));
  });

  it('an ineligible teacher, a teacher listed twice, a need exceeded, a longer trip', async () => {
    expect(await broken((rows) => rows.map((r) => (r.teacherId === 'a05' ? { ...r, teacherId: 'a12', name: '教师a12', yearsAtSchool: 3 } : r)))).toContain('eligibility');
    expect(await broken((rows) => [...rows, rows[0]!])).toContain('row');
    expect(await broken((rows) => rows.map((r) => (r.teacherId === 'a05' ? { ...r, toSchoolId: 'R1', toSchool: '河西小学', distance: 5 } : r)))).toContain('need');
    // b03 to R1 (20) while R3 (12) still needs 英语.
    expect(await broken((rows) => rows.map((r) => (r.teacherId === 'b03' ? { ...r, toSchoolId: 'R1', toSchool: '河西小学', distance: 20 } : r)))).toContain('travel');
  });

  it('a teacher left unplaced while a school still needs the subject', async () => {
    expect(await broken((rows) => rows.map((r) => (r.teacherId === 'b03' ? { ...r, toSchoolId: null, toSchool: null, distance: null, fillsNeed: false } : r)))).toContain('need');
  });
});

/**
 * Exhaustive search on tiny counties: every selection meeting the quotas, every placement,
 * the lexicographic best (unplaced, seniority ranks, travel) — computed without the model or
 * the solver — must equal the plan's.
 */
interface Tiny {
  body: Body;
  percent: { rate: number; share: number };
  base: 'rotating' | 'eligible';
}

const tinyCounty: fc.Arbitrary<Tiny> = fc
  .record({
    sending: fc.array(
      fc.array(fc.record({ subject: fc.constantFrom('语文', '数学', '英语'), backbone: fc.boolean(), years: fc.integer({ min: 4, max: 12 }) }), { minLength: 1, maxLength: 5 }),
      { minLength: 1, maxLength: 2 },
    ),
    receiving: fc.array(fc.record({ 语文: fc.integer({ min: 0, max: 1 }), 数学: fc.integer({ min: 0, max: 2 }), 英语: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 3 }),
    distances: fc.option(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 6, maxLength: 6 }), { nil: undefined }),
    rate: fc.constantFrom(10, 30, 40),
    share: fc.constantFrom(20, 50),
    base: fc.constantFrom('rotating' as const, 'eligible' as const),
  })
  .map(({ sending, receiving, distances, rate, share, base }) => ({
    percent: { rate, share },
    base,
    body: {
      teachers: sending.flatMap((ts, s) => ts.map((t, i) => ({ id: `s${s}t${i}`, name: `s${s}t${i}`, school: `S${s}`, subject: t.subject, backbone: t.backbone, yearsAtSchool: t.years }))),
      schools: [
        ...sending.map((_, s) => ({ id: `S${s}`, name: `S${s}`, role: 'sending' })),
        ...receiving.map((needs, r) => ({
          id: `R${r}`,
          name: `R${r}`,
          role: 'receiving',
          needs,
          ...(distances ? { distances: Object.fromEntries(sending.map((_, s) => [`S${s}`, distances[r * 2 + s]!])) } : {}),
        })),
      ],
      parameters: { rate: rate / 100, backboneShare: share / 100, backboneBase: base },
    },
  }));

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [first, ...rest] = xs;
  return [...combinations(rest, k - 1).map((c) => [first!, ...c]), ...combinations(rest, k)];
}

/** The best (unplaced, rank sum, travel) over every feasible plan, or undefined when none meets the rules. */
function exhaustive({ body, percent, base }: Tiny): [number, number, number] | undefined {
  const teachers = body.teachers.filter((t) => t.yearsAtSchool >= 6);
  const sending = body.schools.filter((s) => s.role === 'sending');
  const receiving = body.schools.filter((s) => s.role === 'receiving');
  const choices = sending.map((s) => {
    const eligible = teachers.filter((t) => t.school === s.id);
    const e = eligible.length;
    const byRate = Math.ceil((percent.rate * e) / 100);
    const backbone = Math.ceil((percent.share * (base === 'rotating' ? byRate : e)) / 100);
    const q = Math.max(byRate, backbone);
    const rank = (t: (typeof eligible)[number]) => eligible.filter((u) => u.yearsAtSchool > t.yearsAtSchool).length;
    return combinations(eligible, q)
      .filter((c) => c.filter((t) => t.backbone).length >= backbone)
      .map((c) => ({ teachers: c, rank: c.reduce((a, t) => a + rank(t), 0) }));
  });
  if (choices.some((c) => c.length === 0)) return undefined;
  let best: [number, number, number] | undefined;
  const less = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const walk = (i: number, chosen: { teachers: Body['teachers']; rank: number }[]) => {
    if (i < choices.length) {
      for (const c of choices[i]!) walk(i + 1, [...chosen, c]);
      return;
    }
    const going = chosen.flatMap((c) => c.teachers);
    const rankSum = chosen.reduce((a, c) => a + c.rank, 0);
    const left = new Map(receiving.map((r) => [r.id, { ...(r.needs as Record<string, number>) }]));
    const place = (j: number, unplaced: number, travel: number) => {
      if (j === going.length) {
        const score: [number, number, number] = [unplaced, rankSum, travel];
        if (!best || less(score, best) < 0) best = score;
        return;
      }
      const t = going[j]!;
      place(j + 1, unplaced + 1, travel);
      for (const r of receiving) {
        const needs = left.get(r.id)!;
        if ((needs[t.subject] ?? 0) <= 0) continue;
        needs[t.subject]!--;
        place(j + 1, unplaced, travel + ((r.distances as Record<string, number> | undefined)?.[t.school] ?? 0));
        needs[t.subject]!++;
      }
    };
    place(0, 0, 0);
  };
  walk(0, []);
  return best;
}

describe('rotation plan: properties', () => {
  it('matches an exhaustive search on tiny counties, and passes the verifier', async () => {
    await fc.assert(
      fc.asyncProperty(tinyCounty, async (tiny) => {
        const best = exhaustive(tiny);
        const input = planInputSchema.parse(tiny.body);
        const prepared = preparePlan(input, shippedProfileSource);
        expect(prepared.ok).toBe(best !== undefined);
        if (!prepared.ok || best === undefined) return;
        const solved = await solvePlan(prepared.plan, solveLexicographic);
        if ('error' in solved) throw new Error(solved.error);
        const t = solved.result.totals;
        expect([t.unplaced, t.seniorityRank, Math.round((t.travel ?? 0) * 100) / 100]).toEqual(best);
        expect(verifyPlan(input, solved.result, shippedProfileSource)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
