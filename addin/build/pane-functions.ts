/**
 * What the compute-into-cells pane (addin/compute/, for Excel without custom functions)
 * offers: every registry function with its Chinese and English descriptions, each parameter
 * with its Chinese name, description, shape and default. Generated from the catalog at build
 * time and written into the pane's bundle, so the pane offers exactly the registry.
 */
import type { CatalogEntry } from '../../formulas/catalog.js';
import { PARAM_NAMES_ZH } from '../../formulas/param-names.js';
import type { PaneFunction } from '../compute/pane-function.js';
import { CATEGORY_TITLES } from './docs.js';

export function paneFunctions(entries: readonly CatalogEntry[]): PaneFunction[] {
  return entries.map((e) => ({
    id: e.id,
    name: e.name,
    category: CATEGORY_TITLES[e.category] ?? e.category,
    summary: e.summary,
    rounding: e.rounding,
    pure: e.pure,
    params: e.params.map((p) => ({
      name: p.name,
      zh: PARAM_NAMES_ZH[p.name] ?? p.name,
      summary: p.summary,
      dimensionality: p.dimensionality,
      optional: p.optional,
      ...(p.default !== undefined ? { default: p.default } : {}),
    })),
    result: { dimensionality: e.result.dimensionality, summary: e.result.summary },
  }));
}
