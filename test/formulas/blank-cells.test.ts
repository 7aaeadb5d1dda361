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
 *   Where no example gives the parameter a range, one is built from the values its cells may
 *   hold (what the examples give it, its default, 无 for a bound, 1 or 0 for a number) in the
 *   shape of the example's other ranges, and kept where the call with it succeeds; a
 *   parameter for which none can be built fails, asking for an example. Nothing is skipped.
 * - Every outcome has the declared shape: a `matrix` result is rows even for one value, and
 *   no result cell is null or undefined (Excel would show 0, office-js #1503).
 */
import { describe, expect, it } from 'vitest';
import { kindOf, zeroAdvice } from '../../formulas/core/coerce.js';
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

type Shape = readonly [rows: number, cols: number];

/** The shapes a call's other ranges suggest for a range argument: one cell per row, per column, or per cell. */
function shapesBeside(args: readonly unknown[], i: number): Shape[] {
  const shapes = new Map<string, Shape>();
  args.forEach((arg, j) => {
    if (j === i || !isRange(arg)) return;
    const [rows, cols] = [arg.length, arg[0]!.length];
    for (const shape of [[rows, 1], [1, cols], [rows, cols]] as const) {
      if (shape[0] * shape[1] >= 2) shapes.set(shape.join('x'), shape);
    }
  });
  return [...shapes.values()];
}

/** What one cell of the parameter may hold: the examples' values for it, its default, and a neutral value of its kind. */
function cellValues(def: AnyFormula, i: number, spec: ParamSpec): unknown[] {
  const given = def.examples.map((x) => x.args[i]).filter((v) => v !== null && v !== undefined && !Array.isArray(v));
  const fallback = spec.default !== undefined && !Array.isArray(spec.default) ? [spec.default] : [];
  const neutral = kindOf(spec) === 'bound' ? ['无'] : kindOf(spec) === 'number' ? [1, 0] : [];
  return [...new Set([...given, ...fallback, ...neutral])];
}

/**
 * Calls in which argument i is a range of at least two cells: the examples that give one,
 * else per example the first range built from `cellValues` in a shape of `shapesBeside`
 * with which the call succeeds.
 */
function callsWithRange(def: AnyFormula, i: number, spec: ParamSpec): unknown[][] {
  const own = def.examples.filter((x) => isRange(x.args[i])).map((x) => x.args);
  if (own.length > 0) return own;
  const built: unknown[][] = [];
  for (const example of def.examples) {
    const candidates = shapesBeside(example.args, i).flatMap(([rows, cols]) =>
      cellValues(def, i, spec).map((v) => withArg(example.args, i, Array.from({ length: rows }, () => new Array<unknown>(cols).fill(v)))),
    );
    const working = candidates.find((args) => !isFormulaError(invoke(def, args, ctx)));
    if (working) built.push(working);
  }
  return built;
}

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
      it(`${spec.name}: a blank cell inside the range reads the same as null, "" and 0`, () => {
        const calls = callsWithRange(def, i, spec);
        expect(calls.length, `EDU.${def.id}: no example gives ${spec.name} a range and none could be built: add an example that does`).toBeGreaterThan(0);
        for (const args of calls) {
          const what = `EDU.${def.id}(${JSON.stringify(args).slice(1, -1)})`;
          const [asNull, asEmpty, asZero] = BLANKS.map((blank) => invoke(def, withArg(args, i, blankedLast(args[i] as unknown[][], blank)), ctx));
          for (const outcome of [asNull, asEmpty, asZero]) expectShape(def, outcome!, `${what} with a blank in ${spec.name}`);
          expect(same(asNull!, asEmpty!), `${what}: null vs "" in ${spec.name}`).toBe(true);
          const ok = same(asZero!, asNull!) || isDocumentedZeroError(spec, asZero!);
          expect(ok, `${what}: 0 vs null in ${spec.name}: ${JSON.stringify(asZero)} vs ${JSON.stringify(asNull)}`).toBe(true);
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
