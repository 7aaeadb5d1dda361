/**
 * The shape of one function as the compute-into-cells pane knows it (generated from the
 * registry by addin/build/pane-functions.ts and written into the bundle).
 */
import type { Bilingual } from '../../formulas/core/errors.js';

export interface PaneParam {
  /** The ASCII name (as in docs/functions.md). */
  name: string;
  /** The Chinese name zh-CN Excel shows in a formula tooltip. */
  zh: string;
  summary: Bilingual;
  dimensionality: 'scalar' | 'matrix';
  optional: boolean;
  default?: unknown;
}

export interface PaneFunction {
  id: string;
  /** EDU.<id> */
  name: string;
  /** "分配 Allocation" */
  category: string;
  summary: Bilingual;
  rounding: Bilingual;
  pure: boolean;
  params: PaneParam[];
  result: { dimensionality: 'scalar' | 'matrix'; summary: Bilingual };
}

/** Written into the bundle at build time (addin/build/build.ts). */
declare const __EDU_PANE_FUNCTIONS__: readonly PaneFunction[];

export const paneFunctionList = (): readonly PaneFunction[] => __EDU_PANE_FUNCTIONS__;
