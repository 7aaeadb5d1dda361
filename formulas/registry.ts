/**
 * The registry: every calculation, declared once. The service's routes, the add-in's
 * functions.json and CustomFunctions registrations, the catalog endpoint and
 * docs/functions.md are all generated from this list and nothing else.
 */
import type { AnyFormula } from './core/definition.js';
import { allocationFormulas } from './allocation/index.js';
import { fundingFormulas } from './funding/index.js';
import { staffingFormulas } from './staffing/index.js';
import { rotationFormulas } from './rotation/index.js';
import { balanceFormulas } from './balance/index.js';
import { policyFormulas } from './policy/index.js';

export const registry: readonly AnyFormula[] = [
  ...allocationFormulas,
  ...fundingFormulas,
  ...staffingFormulas,
  ...rotationFormulas,
  ...balanceFormulas,
  ...policyFormulas,
];

const byId = new Map(registry.map((f) => [f.id, f]));

/** Looks a formula up by id, case-insensitively, with or without the EDU. prefix. */
export function findFormula(id: string): AnyFormula | undefined {
  return byId.get(id.toUpperCase().replace(/^EDU\./, ''));
}
