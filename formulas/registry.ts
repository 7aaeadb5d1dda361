/**
 * The registry: every calculation, declared once. The service's routes, the add-in's
 * functions.json and CustomFunctions registrations, the catalog endpoint and
 * docs/functions.md are all generated from this list and nothing else. Built by
 * registryOf (core/registry-of.ts), the one mechanism that also lists the forms, the jobs
 * and the example sheets: an id listed twice stops the service at start.
 */
import type { AnyFormula } from './core/definition.js';
import { registryOf } from './core/registry-of.js';
import { allocationFormulas } from './allocation/index.js';
import { fundingFormulas } from './funding/index.js';
import { staffingFormulas } from './staffing/index.js';
import { rotationFormulas } from './rotation/index.js';
import { balanceFormulas } from './balance/index.js';
import { policyFormulas } from './policy/index.js';

const formulas = registryOf('formula', [...allocationFormulas, ...fundingFormulas, ...staffingFormulas, ...rotationFormulas, ...balanceFormulas, ...policyFormulas], {
  key: (f: AnyFormula) => f.id,
  // Excel users write EDU.apportion as readily as APPORTION.
  normalize: (id) => id.toUpperCase().replace(/^EDU\./, ''),
});

export const registry: readonly AnyFormula[] = formulas.all;

/** Looks a formula up by id, case-insensitively, with or without the EDU. prefix. */
export const findFormula = formulas.find;
