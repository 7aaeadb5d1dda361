/**
 * Generated from the registry (issue 13 §1): a blank cell gives the same answer whether
 * Excel sends it as null (the web), "" (some builds) or 0 (Windows and Mac), for every
 * parameter of every function. Each function's examples are the base calls; a new function
 * is covered by its examples without anyone writing a test for it.
 *
 * - Each optional argument, and a single blank cell given to it, in all three encodings:
 *   the same outcome as leaving it out, or, where the parameter declares that 0 cannot mean
 *   blank (`zero`, or a bound), 0 is a #VALUE! carrying that advice.
 * - Each range argument of at least two cells, with one cell blanked in all three
 *   encodings: null and "" give the same outcome, and 0 the same again or the documented error.
 * - Every outcome has the declared shape: a `matrix` result is rows even for one value, and
 *   no result cell is null or undefined (Excel would show 0, office-js #1503).
 */
import { describe, expect, it } from 'vitest';
import { zeroAdvice } from '../../formulas/core/coerce.js';
import type { AnyFormula, ParamSpec } from '../../formulas/core/definition.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { invoke, shippedProfileSource } from '../../formulas/index.js';
import { registry } from '../../formulas/registry.js';

const ctx = { profiles: shippedProfileSource };
const BLANKS = [null, '', 0] as const;

type Outcome = ReturnType<typeof invoke>;

/** Errors compare by code (their messages show the value: "(空 / empty)" or 0); values exactly. */
function same(a: Outcome, b: Outcome): boolean {
  if (isFormulaError(a) || isFormulaError(b)) return isFormulaError(a) && isFormulaError(b) && a.error.code === b.error.code;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The outcome for 0 where 0 cannot mean blank: a #VALUE! whose message gives the parameter's advice. */
function isDocumentedZeroError(spec: ParamSpec, outcome: Outcome): boolean {
  const advice = zeroAdvice(spec);
  return advice !== undefined && isFormulaError(outcome) && outcome.error.code === 'VALUE' && outcome.error.zh.includes(advice.zh);
}

function expectShape(def: AnyFormula, outcome: Outcome, what: string): void {
  if (isFormulaError(outcome)) return;
  if (def.result.dimensionality === 'matrix') {
    expect(Array.isArray(outcome) && outcome.every(Array.isArray), `${what}: a matrix result must be rows`).toBe(true);
  }
  const cells = Array.isArray(outcome) ? outcome.flat() : [outcome];
  expect(cells.some((v) => v === null || v === undefined), `${what}: no null in a result`).toBe(false);
}

const withArg = (args: readonly unknown[], i: number, value: unknown): unknown[] => {
  const out = args.slice();
  while (out.length <= i) out.push(null);
  out[i] = value;
  return out;
};

/** The range with its last cell replaced. */
const blankedLast = (rows: unknown[][], value: unknown): unknown[][] =>
  rows.map((row, r) => (r === rows.length - 1 ? row.map((v, c) => (c === row.length - 1 ? value : v)) : row));

const isRange = (v: unknown): v is unknown[][] => Array.isArray(v) && Array.isArray(v[0]) && v.flat().length >= 2;

describe.each(registry.map((def) => [def.id, def] as const))('EDU.%s: blank cells', (_, def) => {
  it('has an example to start from', () => {
    expect(def.examples.length).toBeGreaterThan(0);
  });

  def.params.forEach((spec: ParamSpec, i: number) => {
    if (spec.optional || spec.default !== undefined) {
      it(`${spec.name}: left out, null, "", 0 and a single blank cell agree (or 0 is the documented error)`, () => {
        for (const example of def.examples) {
          const omitted = invoke(def, withArg(example.args, i, null), ctx);
          expectShape(def, omitted, `${example.formula} without ${spec.name}`);
          for (const blank of BLANKS) {
            const encodings = spec.dimensionality === 'matrix' ? [blank, [[blank]]] : [blank];
            for (const given of encodings) {
              const outcome = invoke(def, withArg(example.args, i, given), ctx);
              expectShape(def, outcome, `${example.formula} with ${spec.name} = ${JSON.stringify(given)}`);
              const ok = same(outcome, omitted) || (blank === 0 && isDocumentedZeroError(spec, outcome));
              expect(ok, `${example.formula} with ${spec.name} = ${JSON.stringify(given)}: ${JSON.stringify(outcome)} vs left out ${JSON.stringify(omitted)}`).toBe(true);
            }
          }
        }
      });
    }

    if (spec.dimensionality === 'matrix') {
      const examples = def.examples.filter((x) => isRange(x.args[i]));
      it.runIf(examples.length > 0)(`${spec.name}: a blank cell inside the range reads the same as null, "" and 0`, () => {
        for (const example of examples) {
          const [asNull, asEmpty, asZero] = BLANKS.map((blank) => invoke(def, withArg(example.args, i, blankedLast(example.args[i] as unknown[][], blank)), ctx));
          for (const outcome of [asNull, asEmpty, asZero]) expectShape(def, outcome!, `${example.formula} with a blank in ${spec.name}`);
          expect(same(asNull!, asEmpty!), `${example.formula}: null vs "" in ${spec.name}`).toBe(true);
          const ok = same(asZero!, asNull!) || isDocumentedZeroError(spec, asZero!);
          expect(ok, `${example.formula}: 0 vs null in ${spec.name}: ${JSON.stringify(asZero)} vs ${JSON.stringify(asNull)}`).toBe(true);
        }
      });
    }
  });
});

describe('every matrix result is rows and no result holds null, in every example', () => {
  for (const def of registry) {
    it(`EDU.${def.id}`, () => {
      for (const example of def.examples) expectShape(def, invoke(def, example.args, ctx), example.formula);
    });
  }
});
