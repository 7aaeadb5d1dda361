/**
 * The one definition of a calculation. Each file in formulas/<family>/ exports one of
 * these; the service routes, the add-in's functions.json and registrations, the catalog
 * endpoint and docs/functions.md are all generated from the registry of them.
 */
import type { z } from 'zod';
import type { CellNames } from './cell-names.js';
import type { Bilingual, FormulaError } from './errors.js';
import type { ResultValue } from './excel-values.js';
import type { NumberGrid } from './number-grid.js';
import type { ProfileSource } from './profiles.js';

export type Category = 'allocation' | 'funding' | 'staffing' | 'rotation' | 'balance' | 'policy';
export type Dimensionality = 'scalar' | 'matrix';
/** The Excel types of functions.json. */
export type ExcelType = 'number' | 'string' | 'boolean' | 'any';
/**
 * What a cell of an argument holds, which decides how coerce.ts reads text, yes/no words
 * and blank cells: a number (blank = 0), a bound (blank or 无 = no limit, 0 refused), text,
 * a yes/no, a date, or anything (left to the schema).
 */
export type CellKind = 'number' | 'bound' | 'text' | 'yesno' | 'date' | 'any';

/** For an argument where 0 cannot mean what a blank cell means (core/coerce.ts). */
export interface ZeroRule {
  /** What to write instead of 0 (or a blank cell inside a range). */
  advice: Bilingual;
  /** The number the words 无 / none stand for here (e.g. 0 for "no exemption"). */
  none?: number;
  /** Only a single 0 for the whole argument is refused; inside a range 0 and blank both mean 0. */
  wholeOnly?: boolean;
}

export interface ParamSpec<N extends string = string, S extends z.ZodType = z.ZodType> {
  /** The name Excel shows in the formula tooltip (camelCase, ASCII). */
  name: N;
  summary: Bilingual;
  dimensionality: Dimensionality;
  type: ExcelType;
  optional?: boolean;
  /** Used when the argument is omitted; passed through `schema` like a given value. */
  default?: z.input<S>;
  /** What to enter: appended to every validation message about this argument. */
  hint: Bilingual;
  schema: S;
  /** How its cells are read; by default from `type` (number, string -> text, boolean -> yesno, any). */
  cell?: CellKind;
  /** Set where 0 cannot mean blank: a 0 is then an error carrying this advice. */
  zero?: ZeroRule;
}

export interface ResultSpec {
  dimensionality: Dimensionality;
  type: ExcelType;
  summary: Bilingual;
}

export interface FormulaExample {
  /** How it reads in a cell, e.g. `=EDU.APPORTION(48, {3;5;8}, "hamilton")`. */
  formula: string;
  /** The same call as positional JSON arguments (null for an omitted optional). */
  args: unknown[];
  /** The exact result; a test runs every example. */
  result: ResultValue | FormulaError;
}

export interface ComputeContext {
  profiles: ProfileSource;
}

/** What `compute` receives besides its arguments: the profiles, and how to name a unit's cell in a message. */
export interface CallContext extends ComputeContext {
  cells: CellNames;
}

/** The parsed arguments handed to `compute`, keyed by parameter name. */
export type ParsedArgs<P extends readonly ParamSpec[]> = {
  [E in P[number] as E['name']]: E extends { optional: true }
    ? E extends { default: unknown }
      ? z.output<E['schema']>
      : z.output<E['schema']> | undefined
    : z.output<E['schema']>;
};

export interface FormulaDefinition<P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  /** Upper-case id; Excel shows it as EDU.<id>. */
  id: string;
  category: Category;
  summary: Bilingual;
  /** The rounding rule, stated for the reference (policy: "at least" rounds up, money to the fen). */
  rounding: Bilingual;
  params: P;
  result: ResultSpec;
  /**
   * True when the same arguments always give the same result, so the add-in may cache it
   * for the session. Functions that read a policy profile are not pure: a county may edit
   * its profile.
   */
  pure: boolean;
  examples: readonly FormulaExample[];
  /**
   * A large all-number result may come back as a NumberGrid: invoke hands callers nested
   * rows as usual, and the service can pack it without building 100,000 small arrays.
   */
  compute(args: ParsedArgs<P>, ctx: CallContext): ResultValue | NumberGrid | FormulaError;
}

/** Declares a formula; the identity function that gives `compute` typed arguments. */
export function defineFormula<const P extends readonly ParamSpec[]>(def: FormulaDefinition<P>): FormulaDefinition<P> {
  return def;
}

/** Declares one parameter, keeping its literal name, optionality and schema type for `ParsedArgs`. */
export function param<const T extends ParamSpec>(spec: T): T {
  return spec;
}

/** The type-erased form kept in the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFormula = FormulaDefinition<any>;
