/**
 * When a plan fails its own verifier (a bug: answered 500), the log says how many violations
 * of which rule and the request's SHA-256, and never the verifier's messages, which name
 * teachers by the request's ids and names (a county may use ID-card numbers as ids). The
 * verifiers are replaced here by ones that fail with messages in their real wording, naming
 * the teacher; the rest of each job runs as in the service.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { shippedProfileSource } from '../../../formulas/index.js';
import type { JobInput } from '../../../server/pool/job.js';
import { consolidationPlanJob } from '../../../server/jobs/consolidation-plan.js';
import { rotationPlanJob } from '../../../server/jobs/rotation-plan.js';
import { ServiceError } from '../../../server/service-error.js';
import { smallCounty } from '../../formulas/rotation/county-fixture.js';

const ID_NUMBER = '360731198503071232';
const NAME = '欧阳明轩';

vi.mock('../../../formulas/rotation/plan-verify.js', () => ({
  verifyPlan: () => [
    { rule: 'row', message: `teacher ${ID_NUMBER}: name, subject, backbone or years differ from the input` },
    { rule: 'eligibility', message: `teacher ${ID_NUMBER} (${NAME}, 3 years) is not eligible to rotate` },
    { rule: 'row', message: `teacher ${ID_NUMBER} is listed more than once` },
  ],
}));
vi.mock('../../../formulas/balance/consolidation-verify.js', () => ({
  verifyConsolidation: () => [{ rule: 'merge', message: `${NAME}小学 is merged twice` }],
}));

async function runLogged(job: typeof rotationPlanJob, body: unknown) {
  const logs: { event: string; fields?: Record<string, unknown> }[] = [];
  const input: JobInput = {
    body,
    params: {},
    query: {},
    context: { profiles: shippedProfileSource },
    limits: { maxCalls: 5000, maxValues: 2_000_000 },
    log: (_level, event, fields) => logs.push({ event, fields }),
  };
  const failure = await Promise.resolve(job.run(input)).then(
    () => undefined,
    (err: unknown) => err,
  );
  return { logs, failure };
}

const sha256 = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

describe('a plan that fails its own check is logged without names or ID numbers', () => {
  it('rotation: counts per rule and the request hash', async () => {
    const body = smallCounty();
    body.teachers[0] = { ...body.teachers[0]!, id: ID_NUMBER, name: NAME };
    const { logs, failure } = await runLogged(rotationPlanJob, body);
    expect(failure).toBeInstanceOf(ServiceError);
    expect((failure as ServiceError).code).toBe('PLAN_CHECK');
    expect(logs).toEqual([{ event: 'rotation.verify', fields: { violations: 3, rules: { row: 2, eligibility: 1 }, inputHash: sha256(body) } }]);
    expect(JSON.stringify(logs)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(logs)).not.toContain(NAME);
  });

  it('consolidation: counts per rule and the request hash', async () => {
    const body = {
      schools: [
        { id: 'C1', name: '中心小学', pupils: 400, teachers: 30, capacity: 420 },
        { id: 'S1', name: `${NAME}小学`, pupils: 7, teachers: 2 },
      ],
      distances: [{ from: 'S1', to: 'C1', km: 3 }],
      thresholds: [10],
    };
    const { logs, failure } = await runLogged(consolidationPlanJob, body);
    expect((failure as ServiceError).code).toBe('PLAN_CHECK');
    expect(logs).toEqual([{ event: 'consolidation.verify', fields: { violations: 1, rules: { merge: 1 }, inputHash: sha256(body) } }]);
    expect(JSON.stringify(logs)).not.toContain(NAME);
  });
});
