/**
 * The illustrative consolidation table of examples/sheets/planning.ts, planned as the 计划 pane
 * sends it (thresholds 10 and 30, at most 20 km): it reproduces seed 001's totals — 104 and 11
 * schools merged, 363 pupils placed, 74 teachers and 22 temporary staff redeployed.
 */
import { describe, expect, it } from 'vitest';
import { planConsolidation } from '../../formulas/balance/consolidation-plan.js';
import { consolidationInputSchema } from '../../formulas/balance/consolidation-schema.js';
import { verifyConsolidation } from '../../formulas/balance/consolidation-verify.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { SEED_DISTANCES, SEED_RECEIVERS, SEED_SMALL } from '../../examples/sheets/planning.js';
import { solveLexicographicMip } from '../../server/solvers/highs-mip.js';

describe('布局调整（示例）: seed 001’s totals', () => {
  it('merges 104 + 11 schools, places 363 pupils, redeploys 74 teachers and 22 temporary staff; keeps 2', async () => {
    const input = consolidationInputSchema.parse({ schools: [...SEED_RECEIVERS, ...SEED_SMALL], distances: SEED_DISTANCES, thresholds: [10, 30], maxDistanceKm: 20 });
    const plan = await planConsolidation(input, solveLexicographicMip);
    if ('bug' in plan || isFormulaError(plan)) throw new Error('not planned');
    expect(verifyConsolidation(input, plan)).toEqual([]);
    expect(plan.solver.proven).toBe(true);
    expect(plan.summary.stages.map((s) => s.schoolsMerged)).toEqual([104, 11]);
    expect(plan.summary).toMatchObject({ pupilsPlaced: 363, teachersRedeployed: 74, temporaryStaffRedeployed: 22, keptSchools: 2, unplacedSchools: 0 });
    expect(plan.summary.text.zh.startsWith('优化10人以下学校104所，30人以下学校11所，安置学生363人，分流教师74人，安置临聘人员22人')).toBe(true);
  });
});
