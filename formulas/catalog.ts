/**
 * The registry described as plain data: what the catalog endpoint serves and what
 * functions.json, the CustomFunctions registrations and docs/functions.md are made from.
 */
import type { AnyFormula, Category, Dimensionality, ExcelType, FormulaExample, ParamSpec } from './core/definition.js';
import { zeroAdvice } from './core/coerce.js';
import type { Bilingual } from './core/errors.js';
import { registry } from './registry.js';

export interface CatalogParam {
  name: string;
  summary: Bilingual;
  dimensionality: Dimensionality;
  type: ExcelType;
  optional: boolean;
  default?: unknown;
  /** Where 0 cannot mean blank (core/coerce.ts): 0 is an error, and this says what to write instead. */
  zero?: Bilingual;
}

export interface CatalogEntry {
  id: string;
  name: string;
  category: Category;
  summary: Bilingual;
  rounding: Bilingual;
  pure: boolean;
  params: CatalogParam[];
  result: { dimensionality: Dimensionality; type: ExcelType; summary: Bilingual };
  examples: FormulaExample[];
}

export function describeFormula(def: AnyFormula): CatalogEntry {
  return {
    id: def.id,
    name: `EDU.${def.id}`,
    category: def.category,
    summary: def.summary,
    rounding: def.rounding,
    pure: def.pure,
    params: def.params.map((p: ParamSpec) => ({
      name: p.name,
      summary: p.summary,
      dimensionality: p.dimensionality,
      type: p.type,
      optional: p.optional === true || p.default !== undefined,
      ...(p.default !== undefined ? { default: p.default } : {}),
      ...(zeroAdvice(p) ? { zero: zeroAdvice(p) } : {}),
    })),
    result: def.result,
    examples: [...def.examples],
  };
}

export function catalog(formulas: readonly AnyFormula[] = registry): CatalogEntry[] {
  return formulas.map(describeFormula);
}
