/**
 * Registers every registry function with WPS 表格 under the namespace EDU, so cells read
 * `=EDU.APPORTION(...)` as in Excel: wps.AddCustomFunction(namespace, name, callback,
 * metadata), available from WPS 12.1.0.20540 (金山文档开放平台, WPS 加载项自定义函数; the
 * signature as WPS's type declarations give it, et-jsapi-declare 2.5.0 addon.et.d.ts).
 * Each callback answers synchronously from the answer board (answer-board.ts).
 */
import type { AnswerBoard } from './answer-board.js';
import { wpsCellValue } from './cell-values.js';
import { WPS_NAMESPACE, type WpsFunctionInfo, type WpsMetadata } from './wps-files.js';

/** The part of the global `wps` object used here, so tests can pass a stand-in. */
export interface WpsFunctionsApi {
  AddCustomFunction(namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: WpsMetadata): void;
}

export function registerWpsFunctions(wps: WpsFunctionsApi, board: AnswerBoard, functions: readonly WpsFunctionInfo[]): string[] {
  for (const f of functions) {
    wps.AddCustomFunction(
      WPS_NAMESPACE,
      f.id,
      // Exactly the declared parameters, an omitted optional one as null (as Excel passes it).
      (...args: unknown[]) => wpsCellValue(board.read(f.id, Array.from({ length: f.paramCount }, (_, i) => args[i] ?? null))),
      f.metadata,
    );
  }
  return functions.map((f) => f.id);
}
