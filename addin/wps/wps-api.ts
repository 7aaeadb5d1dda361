/**
 * The part of WPS 表格's JavaScript object model this add-in uses, declared here rather than
 * taken from WPS's own declarations (npm et-jsapi-declare, whose licence forbids modifying
 * it and whose globals would clash with the DOM's). Names and shapes follow those
 * declarations (et-jsapi-declare 2.5.0: index.d.ts for the add-in root, lib.et.d.ts for
 * Application, Workbook, Worksheet, Range, Names, ListObjects), which mirror Excel's COM
 * object model; test/helpers/wps-stub.ts implements the same subset as the stand-in.
 *
 * One assumption is not in those declarations: that Value2 of a block of cells reads and
 * writes as an array of rows (a one-cell range as the bare value), as the Excel COM model
 * and WPS's JS samples treat it. docs/wps.md lists what was verified only against the stand-in.
 */

export type WpsCell = number | string | boolean | null | undefined;

export interface WpsFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  /** BGR as a number, as in Excel's COM model. */
  Color: number;
}

export interface WpsRange {
  Value2: WpsCell | WpsCell[][];
  Formula: string | string[][];
  NumberFormat: string | string[][];
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Worksheet: WpsWorksheet;
  readonly Font: WpsFont;
  readonly Interior: { Color: number };
  readonly Borders: { LineStyle: number; Weight: number };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  RowHeight: number;
  /** "$A$1:$B$2" (absolute, no sheet) by default, as in Excel. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Resize(RowSize?: number, ColumnSize?: number): WpsRange;
  Offset(RowOffset?: number, ColumnOffset?: number): WpsRange;
  Merge(Across?: boolean): void;
  ClearContents(): void;
  Select(): void;
}

export interface WpsListObject {
  Name: string;
  readonly Range: WpsRange;
  readonly HeaderRowRange: WpsRange;
  /** Absent (null) when the table has no data rows. */
  readonly DataBodyRange: WpsRange | null;
  Resize(Range: WpsRange): void;
}

export interface WpsCollection<T> {
  readonly Count: number;
  /** 1-based index or name; throws when there is no such item, as in Excel. */
  Item(Index: number | string): T;
}

export interface WpsName {
  Name: string;
  Visible: boolean;
  RefersTo: string;
  /** Throws when the name does not refer to cells (a constant or a formula). */
  readonly RefersToRange: WpsRange;
  Delete(): void;
}

/** Margins in points; Orientation 1 portrait, 2 landscape; PaperSize 9 is A4 (XlPaperSize). */
export interface WpsPageSetup {
  Orientation: number;
  PaperSize: number;
  /** False, so FitToPagesWide/Tall apply; FitToPagesTall false means "as many as needed". */
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  CenterHorizontally: boolean;
  TopMargin: number;
  BottomMargin: number;
  LeftMargin: number;
  RightMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  PrintTitleRows: string;
  PrintArea: string;
  CenterFooter: string;
}

export interface WpsWorksheet {
  Name: string;
  Range(Cell1: string): WpsRange;
  readonly PageSetup: WpsPageSetup;
  readonly ListObjects: WpsCollection<WpsListObject>;
  Activate(): void;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Names: WpsCollection<WpsName> & { Add(Name: string, RefersTo: string): WpsName };
  readonly Worksheets: WpsCollection<WpsWorksheet> & { Add(Before?: unknown, After?: WpsWorksheet): WpsWorksheet };
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  /** The selected cells (a Range when cells are selected). */
  readonly Selection: WpsRange | null;
  /** The active sheet's window: rows above SplitRow stay on screen when FreezePanes is set. */
  readonly ActiveWindow: { SplitRow: number; FreezePanes: boolean } | null;
  CalculateFull(): void;
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  ShowDialog(url: string, title?: string, width?: number, height?: number, isModal?: boolean): void;
  /** Shared by the add-in's pages, not persisted (index.d.ts, PluginStorage). */
  readonly PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
}
