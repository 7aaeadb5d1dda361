/**
 * functions.json, the metadata Excel reads to know the EDU functions, generated from the
 * registry's catalog (never written by hand). Excel shows one language per file: the
 * default file is zh-CN and the manifest points en-US users at functions.en-US.json.
 */
import type { CatalogEntry } from '../../formulas/catalog.js';

export type MetadataLocale = 'zh' | 'en';

export interface FunctionsJson {
  functions: {
    id: string;
    name: string;
    description: string;
    result: { type: string; dimensionality: string };
    parameters: { name: string; description: string; type: string; dimensionality: string; optional: boolean }[];
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
        name: p.name,
        description: p.default === undefined ? p.summary[locale] : `${p.summary[locale]} (${locale === 'zh' ? '默认' : 'default'} ${JSON.stringify(p.default)})`,
        type: p.type,
        dimensionality: p.dimensionality,
        optional: p.optional,
      })),
    })),
  };
}

/** What the functions bundle needs at run time: ids, how many arguments Excel passes, purity. */
export function runtimeFunctionList(entries: readonly CatalogEntry[]): { id: string; paramCount: number; pure: boolean }[] {
  return entries.map((e) => ({ id: e.id, paramCount: e.params.length, pure: e.pure }));
}
