/**
 * Every example in every definition is executed: the reference promises these results,
 * so they must be what compute gives.
 */
import { describe, expect, it } from 'vitest';
import { invoke, registry, shippedProfileSource } from '../../formulas/index.js';

describe.each(registry.map((f) => [f.id, f] as const))('EDU.%s examples', (_id, def) => {
  it.each(def.examples.map((e) => [e.formula, e] as const))('%s', (_formula, example) => {
    expect(invoke(def, example.args, { profiles: shippedProfileSource })).toEqual(example.result);
  });
});
