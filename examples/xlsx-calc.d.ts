/** The part of xlsx-calc (MIT, no bundled types) that examples/workbook-values.ts uses. */
declare module 'xlsx-calc' {
  interface CalcCell {
    v?: unknown;
    f?: string;
    t?: string;
    w?: string;
  }
  interface CalcWorkbook {
    SheetNames: string[];
    Sheets: Record<string, Record<string, CalcCell | string>>;
  }
  interface XlsxCalc {
    (workbook: CalcWorkbook, options?: { continue_after_error?: boolean; log_error?: boolean }): void;
    import_functions(functions: Record<string, unknown>, options?: { override?: boolean }): void;
  }
  const calc: XlsxCalc;
  export default calc;
}
