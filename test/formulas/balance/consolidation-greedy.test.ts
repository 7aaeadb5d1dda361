import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsolidationPlan, consolidationInputSchema } from '../../../formulas/balance/consolidation-schema.js';
import { planGreedy } from '../../../formulas/balance/consolidation-greedy.js';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { countyArb, workedCounty as county } from './consolidation-county.js';

const plan = (body: unknown): ConsolidationPlan => {
  const result = planGreedy(consolidationInputSchema.parse(body));
  if (isFormulaError(result)) throw new Error(`${result.error.zh} / ${result.error.en}`);
  return result;
};
const domainError = (body: unknown): string => {
  const result = planGreedy(consolidationInputSchema.parse(body));
  if (!isFormulaError(result)) throw new Error('expected a domain error');
  return `${result.error.zh} / ${result.error.en}`;
};

describe('consolidation plan: bad input', () => {
  it('rejects malformed tables at the schema (thresholds not ascending, negative pupils)', () => {
    expect(consolidationInputSchema.safeParse({ ...county, thresholds: [30, 10] }).success).toBe(false);
    expect(consolidationInputSchema.safeParse({ schools: [{ id: 'A', pupils: -1 }] }).success).toBe(false);
    expect(consolidationInputSchema.safeParse({ schools: [] }).success).toBe(false);
  });

  it('rejects duplicate ids, unknown ids in distances, conflicting distances and receivers without capacity', () => {
    expect(domainError({ schools: [{ id: 'A', pupils: 5 }, { id: 'A', pupils: 7 }] })).toContain('"A"');
    expect(domainError({ ...county, distances: [{ from: 'A', to: 'Z', km: 1 }] })).toContain('"Z"');
    expect(
      domainError({
        ...county,
        distances: [
          { from: 'A', to: 'C1', km: 8 },
          { from: 'C1', to: 'A', km: 9 },
        ],
      }),
    ).toContain('8');
    expect(domainError({ schools: [{ id: 'C', name: '中心校', pupils: 300 }, { id: 'A', pupils: 5 }] })).toContain('capacity');
  });
});

describe('consolidation plan: the worked county', () => {
  const result = plan(county);

  it('merges the schools worked out above, in that order', () => {
    expect(result.merges.map((m) => [m.stage, m.schoolId, m.receiverId, m.distanceKm, m.seatsAdded])).toEqual([
      [1, 'F', 'C2', 9, 0],
      [1, 'B', 'C1', 15, 0],
      [1, 'A', 'C1', 8, 0],
      [2, 'D', 'C1', 5, 0],
    ]);
  });

  it('reports what seed 001 reports, per stage and in total', () => {
    expect(result.summary.stages).toEqual([
      { stage: 1, threshold: 10, schoolsMerged: 3, pupilsPlaced: 25, teachersRedeployed: 6, temporaryStaffRedeployed: 1 },
      { stage: 2, threshold: 30, schoolsMerged: 1, pupilsPlaced: 25, teachersRedeployed: 3, temporaryStaffRedeployed: 1 },
    ]);
    expect(result.summary).toMatchObject({
      schoolsMerged: 4,
      pupilsPlaced: 50,
      teachersRedeployed: 9,
      temporaryStaffRedeployed: 2,
      seatsAdded: 0,
      seatsShort: 28,
      keptSchools: 1,
      unplacedSchools: 1,
    });
    expect(result.summary.text.zh).toBe(
      '优化10人以下学校3所，30人以下学校1所，安置学生50人，分流教师9人，安置临聘人员2人，保留1所（群众不同意或条件暂不成熟），1所暂无法安置（尚缺学位28个）。',
    );
  });

  it('lists the receivers and the schools not merged', () => {
    expect(result.receivers).toEqual([
      { id: 'C1', name: '城关中心小学', capacity: 450, pupilsBefore: 400, pupilsPlaced: 40, pupilsAfter: 440, seatsAdded: 0, freeSeatsAfter: 10, seatsShort: 0 },
      { id: 'C2', name: '西江中心小学', capacity: 310, pupilsBefore: 300, pupilsPlaced: 10, pupilsAfter: 310, seatsAdded: 0, freeSeatsAfter: 0, seatsShort: 28 },
    ]);
    expect(result.notMerged.map((u) => [u.stage, u.schoolId, u.reason, u.nearestReceiverId, u.seatsShort])).toEqual([
      [1, 'K', 'kept', null, 0],
      [2, 'E', 'noSeats', 'C2', 28],
    ]);
  });

  it('adds the seats instead when expansion is allowed', () => {
    // E goes to its nearest receiver C2 (4 km), which has 0 free: 28 seats added.
    const expanded = plan({ ...county, expansion: true });
    expect(expanded.merges.at(-1)).toMatchObject({ schoolId: 'E', receiverId: 'C2', seatsAdded: 28 });
    expect(expanded.summary).toMatchObject({ schoolsMerged: 5, pupilsPlaced: 78, teachersRedeployed: 13, temporaryStaffRedeployed: 3, seatsAdded: 28, seatsShort: 0 });
  });

  it('reads "below" thresholds as strictly fewer: F (10 pupils) moves to stage 2', () => {
    const below = plan({ ...county, thresholdRule: 'below' });
    expect(below.merges.find((m) => m.schoolId === 'F')?.stage).toBe(2);
    expect(below.summary.text.zh.startsWith('优化不足10人学校2所，不足30人学校')).toBe(true);
  });

  it('gives rectangular rows for a new sheet, with the summary sentence and every merge', () => {
    const { rows, headerRows, sectionRows, titleRows } = result.sheet;
    expect(result.sheet.name).toBe('布局调整方案');
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    expect(rows[1]![0]).toBe(result.summary.text.zh);
    expect(titleRows).toEqual([0]);
    expect(sectionRows).toHaveLength(3);
    expect(headerRows).toHaveLength(3);
    const firstMerge = rows[headerRows[0]! + 1]!;
    expect(firstMerge.slice(0, 10)).toEqual(['10人以下', 'F', '己教学点', 10, 2, 0, 'C2', '西江中心小学', 9, 0]);
    expect(rows[headerRows[0]! + 5]!.slice(0, 6)).toEqual(['合计', '', '4所', 50, 9, 2]);
  });
});

describe('consolidation plan: edge cases', () => {
  it('without distances every receiver is in range: the one with most free seats first', () => {
    const r = plan({
      schools: [
        { id: 'R1', pupils: 100, capacity: 110 },
        { id: 'R2', pupils: 100, capacity: 130 },
        { id: 'S', pupils: 8, teachers: 1 },
      ],
    });
    expect(r.merges.map((m) => [m.schoolId, m.receiverId, m.distanceKm])).toEqual([['S', 'R2', null]]);
  });

  it('a school with no receiver in range is left, out of range', () => {
    const r = plan({ ...county, maxDistanceKm: 1 });
    expect(r.merges).toEqual([]);
    // Schools not merged are listed by stage, then by id, whichever planner made the plan.
    expect(r.notMerged.filter((u) => u.reason === 'outOfRange').map((u) => u.schoolId)).toEqual(['A', 'B', 'F', 'D', 'E']);
  });

  it('accepts school codes typed as numbers and reports them as text', () => {
    const r = plan({
      schools: [
        { id: 3607330001, pupils: 300, capacity: 320 },
        { id: 3607330002, pupils: 5, teachers: 1 },
      ],
      distances: [{ from: 3607330002, to: '3607330001', km: 6.5 }],
      maxDistanceKm: 10,
    });
    expect(r.merges.map((m) => [m.schoolId, m.receiverId, m.distanceKm])).toEqual([['3607330002', '3607330001', 6.5]]);
    expect(consolidationInputSchema.safeParse({ schools: [{ id: 1.5, pupils: 3 }] }).success).toBe(false);
  });

  it('a small school marked receives: true is never merged and takes pupils', () => {
    const r = plan({
      schools: [
        { id: 'H', pupils: 20, capacity: 40, receives: true },
        { id: 'S', pupils: 8 },
      ],
    });
    expect(r.merges.map((m) => [m.schoolId, m.receiverId])).toEqual([['S', 'H']]);
  });
});

describe('consolidation plan: properties', () => {
  it('never fills a receiver beyond its capacity plus the seats it adds (none without expansion)', () => {
    fc.assert(
      fc.property(countyArb, (body) => {
        const r = plan(body);
        for (const school of body.schools.flatMap((s) => ('capacity' in s ? [s] : []))) {
          const placed = r.merges.filter((m) => m.receiverId === school.id).reduce((s, m) => s + m.pupils, 0);
          const added = r.merges.filter((m) => m.receiverId === school.id).reduce((s, m) => s + m.seatsAdded, 0);
          if (!body.expansion) expect(added).toBe(0);
          expect(placed).toBeLessThanOrEqual(Math.max(0, school.capacity - school.pupils) + added);
        }
      }),
    );
  });

  it('never merges a kept school or a receiver, places each school at most once, within the distance', () => {
    fc.assert(
      fc.property(countyArb, (body) => {
        const r = plan(body);
        const kept = new Set(body.schools.filter((s) => 'kept' in s && s.kept).map((s) => s.id));
        const merged = r.merges.map((m) => m.schoolId);
        expect(merged.filter((id) => kept.has(id) || id.startsWith('R'))).toEqual([]);
        expect(new Set([...merged, ...r.notMerged.map((u) => u.schoolId)]).size).toBe(merged.length + r.notMerged.length);
        if (body.maxDistanceKm !== undefined) for (const m of r.merges) expect(m.distanceKm!).toBeLessThanOrEqual(body.maxDistanceKm);
        expect(r.summary.pupilsPlaced).toBe(r.merges.reduce((s, m) => s + m.pupils, 0));
        expect(r.summary.teachersRedeployed).toBe(r.merges.reduce((s, m) => s + m.teachers, 0));
      }),
    );
  });

  it('is deterministic: the order of the table does not change the plan', () => {
    const withShuffle = countyArb.chain((body) =>
      fc.tuple(fc.constant(body), fc.shuffledSubarray(body.schools, { minLength: body.schools.length, maxLength: body.schools.length })),
    );
    fc.assert(
      fc.property(withShuffle, ([body, shuffled]) => {
        expect(plan({ ...body, schools: shuffled, distances: [...body.distances].reverse() })).toEqual(plan(body));
      }),
    );
  });
});
