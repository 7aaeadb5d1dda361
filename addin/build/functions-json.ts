/**
 * functions.json, the metadata Excel reads to know the EDU functions, generated from the
 * registry's catalog (never written by hand). Excel shows one language per file: the
 * default file is zh-CN and the manifest points en-US users at functions.en-US.json.
 */
import type { CatalogEntry } from '../../formulas/catalog.js';
import { PARAM_NAMES_ZH } from '../../formulas/param-names.js';

export type MetadataLocale = 'zh' | 'en';

export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    result: { type: string; dimensionality: string };
    parameters: { name: string; description: string; type: string; dimensionality: string; optional: boolean }[];
    options?: { requiresParameterAddresses: true };
  }[];
}

export function functionsJson(entries: readonly CatalogEntry[], locale: MetadataLocale): FunctionsJson {
  return {
    functions: entries.map((e) => ({
      id: e.id,
      name: e.id,
      description: e.summary[locale],
      result: { type: e.result.type, dimensionality: e.result.dimensionality },
      parameters: e.params.map((p) => ({
        // zh-CN Excel shows the Chinese name in the tooltip; en-US keeps the ASCII one.
        name: locale === 'zh' ? (PARAM_NAMES_ZH[p.name] ?? p.name) : p.name,
        description: p.default === undefined ? p.summary[locale] : `${p.summary[locale]} (${locale === 'zh' ? '默认' : 'default'} ${JSON.stringify(p.default)})`,
        type: p.type,
        dimensionality: p.dimensionality,
        optional: p.optional,
      })),
      // Excel then passes each argument's address (CustomFunctionsRuntime 1.3); it allows this only for matrix results.
      ...(e.result.dimensionality === 'matrix' ? { options: { requiresParameterAddresses: true as const } } : {}),
    })),
  };
}

/** What the functions bundle needs at run time: ids, how many arguments Excel passes, purity. */
export function runtimeFunctionList(entries: readonly CatalogEntry[]): { id: string; paramCount: number; pure: boolean }[] {
  return entries.map((e) => ({ id: e.id, paramCount: e.params.length, pure: e.pure }));
}
