/**
 * Packed ranges: a compact wire form for large numeric ranges, both ways. The service
 * decodes them before a formula sees its arguments (server/jobs/calc.ts); formulas get a
 * NumberGrid (formulas/core/number-grid.ts).
 *
 *   { "dtype": "f8" | "i4" | "i2", "shape": [rows, cols], "bdata": "<base64>" }
 *
 * `bdata` holds rows x cols numbers, row by row, little-endian: "f8" as IEEE-754 doubles
 * (NaN marks a blank cell), "i4" and "i2" as 32- and 16-bit signed integers (no blanks),
 * which quarter the size of whole-number ranges such as pupil counts. The same idea as
 * Plotly's typed-array JSON; numpy writes it with `tobytes()`.
 *
 * Why: a county-wide range (100,000 units x 6 drivers) as nested JSON arrays is 4.7 MiB of
 * decimal text and 100,000 small arrays; formatting, parsing and collecting them took
 * longer than the split itself (BENCHMARKS.md). Packed, the same range is one string that
 * decodes into one typed array. Nothing is lost: "f8" carries exactly the double Excel
 * holds (a JSON number is parsed into the same double), "i4"/"i2" only whole numbers, and the
 * arithmetic on money stays exact because the formulas read each double's decimal value,
 * as they do for JSON.
 *
 * Only numbers and blanks can be packed; a range with text or TRUE/FALSE goes as nested
 * arrays. The service accepts a packed range for any range argument; it packs a result
 * only when asked, and only an all-number one of at least PACK_MIN_CELLS cells (below
 * that nested JSON is as small and as quick).
 */
import type { Bilingual } from '../formulas/core/errors.js';
import { NumberGrid } from '../formulas/core/number-grid.js';
import { cellLabel } from '../formulas/core/row-label.js';

export type PackedDtype = 'f8' | 'i4' | 'i2';

/** Packed cells on the wire, one typed array per dtype. */
type WireCells = Float64Array | Int32Array | Int16Array;

export interface PackedRange {
  dtype: PackedDtype;
  shape: [number, number];
  bdata: string;
}

/** Ranges smaller than this are not worth packing (the add-in packs from here up, the service likewise). */
export const PACK_MIN_CELLS = 1024;

/** The most cells one packed range may declare (16,777,216: far beyond a sheet's useful ranges, and 128 MiB decoded). */
export const PACK_MAX_CELLS = 2 ** 24;

const BYTES: Record<PackedDtype, number> = { f8: 8, i4: 4, i2: 2 };

/** Anything that claims to be a packed range (it is then either decoded or refused, never read as something else). */
export function looksPacked(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'bdata' in value;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type NodeBufferClass = {
  from(data: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: string): string };
  from(data: string, encoding: string): Uint8Array;
};
/** Node's Buffer (native and fast) when present; the browser's atob/btoa otherwise. */
const NodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;

export function bytesToBase64(bytes: Uint8Array, useNode = NodeBuffer !== undefined): string {
  if (useNode) return NodeBuffer!.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  // fromCharCode takes arguments; 32 Ki at a time stays well inside every engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The `byteCount` bytes of a padded base64 string, or undefined when it is not exactly
 * that. Node's decoder skips characters outside the alphabet instead of failing, so the
 * text is checked by length: a string of the right length that decodes to the right
 * number of bytes used every character as data. (A regular expression over the 6 MiB of
 * a county-wide range cost 50 ms; this costs nothing.) Node also reads the URL-safe
 * alphabet (- and _), which is harmless: same bytes.
 */
export function base64ToBytes(text: string, byteCount: number, useNode = NodeBuffer !== undefined): Uint8Array | undefined {
  if (text.length !== 4 * Math.ceil(byteCount / 3)) return undefined;
  let bytes: Uint8Array;
  if (useNode) bytes = NodeBuffer!.from(text, 'base64');
  else {
    let binary: string;
    try {
      binary = atob(text);
    } catch {
      return undefined;
    }
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  }
  return bytes.length === byteCount ? bytes : undefined;
}

/**
 * The numbers in little-endian bytes as doubles. Every schema then reads one kind of
 * array (a loop over several kinds runs markedly slower); converting whole numbers to
 * doubles is exact and one native copy.
 */
function numbersFromBytes(bytes: Uint8Array, dtype: PackedDtype): Float64Array {
  const size = BYTES[dtype];
  const count = bytes.length / size;
  if (littleEndian) {
    // A large decoded Buffer has memory of its own and can be viewed in place; a small
    // one sits in Node's shared pool at any offset, so it is copied to aligned memory.
    const { buffer, byteOffset } = bytes.byteOffset % size === 0 ? bytes : new Uint8Array(bytes);
    if (dtype === 'f8') return new Float64Array(buffer, byteOffset, count);
    return new Float64Array(dtype === 'i4' ? new Int32Array(buffer, byteOffset, count) : new Int16Array(buffer, byteOffset, count));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = dtype === 'f8' ? (i: number) => view.getFloat64(i * 8, true) : dtype === 'i4' ? (i: number) => view.getInt32(i * 4, true) : (i: number) => view.getInt16(i * 2, true);
  return Float64Array.from({ length: count }, (_, i) => read(i));
}

/** The cells as little-endian bytes. */
function bytesFromNumbers(data: WireCells): Uint8Array {
  if (littleEndian) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const bytes = new Uint8Array(data.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) {
    if (data instanceof Float64Array) view.setFloat64(i * 8, data[i]!, true);
    else if (data instanceof Int32Array) view.setInt32(i * 4, data[i]!, true);
    else view.setInt16(i * 2, data[i]!, true);
  }
  return bytes;
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 1;

/** Decodes a packed range, or says in both languages what is wrong with it. */
export function decodePacked(value: Record<string, unknown>): NumberGrid | Bilingual {
  const { dtype, shape, bdata } = value;
  if (dtype !== 'f8' && dtype !== 'i4' && dtype !== 'i2') {
    return {
      zh: `压缩区域的 dtype 应为 "f8"（8 字节浮点数）、"i4" 或 "i2"（4 或 2 字节整数），收到 ${JSON.stringify(dtype)}`,
      en: `a packed range's dtype must be "f8" (8-byte doubles), "i4" or "i2" (4- or 2-byte integers), not ${JSON.stringify(dtype)}`,
    };
  }
  if (!Array.isArray(shape) || shape.length !== 2 || !isCount(shape[0]) || !isCount(shape[1])) {
    return { zh: '压缩区域的 shape 应为 [行数, 列数]，两者都是正整数', en: "a packed range's shape must be [rows, columns], both positive whole numbers" };
  }
  const [rows, cols] = shape as [number, number];
  const cells = rows * cols;
  if (cells > PACK_MAX_CELLS) {
    return { zh: `压缩区域有 ${cells} 个单元格，超过上限 ${PACK_MAX_CELLS}：请分成几次计算`, en: `a packed range of ${cells} cells is above the limit of ${PACK_MAX_CELLS}: split the calculation` };
  }
  const byteCount = cells * BYTES[dtype];
  const bytes = typeof bdata === 'string' ? base64ToBytes(bdata, byteCount) : undefined;
  if (bytes === undefined) {
    const chars = 4 * Math.ceil(byteCount / 3);
    return {
      zh: `压缩区域的 bdata 应为 ${rows} 行 × ${cols} 列共 ${byteCount} 字节的 base64 文本（${chars} 个字符），收到的不是`,
      en: `a packed range's bdata must be the base64 text (${chars} characters) of ${rows} x ${cols} cells, ${byteCount} bytes, and it is not`,
    };
  }
  const data = numbersFromBytes(bytes, dtype);
  // Doubles can hold infinities (no cell can); integers cannot.
  for (let i = 0; dtype === 'f8' && i < cells; i++) {
    const x = data[i]!;
    if (x === Infinity || x === -Infinity) {
      const r = Math.floor(i / cols);
      const at = cellLabel(r, i - r * cols);
      return {
        zh: `压缩区域${at.zh}是无穷大，Excel 单元格不会有这个值`,
        en: `the packed range holds an infinity at ${at.en}, which no Excel cell can`,
      };
    }
  }
  return new NumberGrid(rows, cols, data, dtype !== 'f8');
}

const isBlank = (x: unknown): boolean => x === null || x === '';

export interface PackOptions {
  /** Smaller ranges stay nested (default PACK_MIN_CELLS). */
  minCells?: number;
  /** Whether blank cells (null or "") may be packed, as NaN (arguments: yes; results: no, a result has no blanks to give back). */
  blanks?: boolean;
}

/** The smallest dtype that holds every cell exactly, from what a pass over them found. */
function dtypeFor(whole: boolean, lowest: number, highest: number): PackedDtype {
  if (!whole || lowest < -2147483648 || highest > 2147483647) return 'f8';
  return lowest < -32768 || highest > 32767 ? 'i4' : 'i2';
}

/** Packs doubles (no -0; NaN only with "f8") as `dtype`: whole numbers are converted natively, in one copy. */
function packed(dtype: PackedDtype, rows: number, cols: number, data: Float64Array): PackedRange {
  const cells: WireCells = dtype === 'f8' ? data : dtype === 'i4' ? new Int32Array(data) : new Int16Array(data);
  const range: PackedRange = { dtype, shape: [rows, cols], bdata: bytesToBase64(bytesFromNumbers(cells)) };
  packedHere.add(range);
  return range;
}

/**
 * Packs rows of numbers (and blanks if allowed) in the smallest dtype that holds them
 * exactly: "i2" or "i4" when every cell is a whole number in the 16- or 32-bit range,
 * else "f8" (-0 travels as 0, as in JSON). Undefined when the range is ragged, too small
 * to be worth it, or holds anything else (text, TRUE/FALSE, an error value). One pass
 * over the rows: reading nested arrays is the slow part.
 */
export function packRows(rows: readonly unknown[], { minCells = PACK_MIN_CELLS, blanks = true }: PackOptions = {}): PackedRange | undefined {
  const height = rows.length;
  const first = rows[0];
  if (height === 0 || !Array.isArray(first) || first.length === 0) return undefined;
  const width = first.length;
  if (height * width < minCells || height * width > PACK_MAX_CELLS) return undefined;
  const data = new Float64Array(height * width);
  let whole = true;
  let lowest = 0;
  let highest = 0;
  for (let r = 0, at = 0; r < height; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row) || row.length !== width) return undefined;
    for (let c = 0; c < width; c++, at++) {
      const x: unknown = row[c];
      if (typeof x === 'number' && Number.isFinite(x)) {
        data[at] = x || 0; // x || 0 turns -0 into 0
        if (x < lowest) lowest = x;
        else if (x > highest) highest = x;
        if (whole && x !== Math.trunc(x)) whole = false;
      } else if (blanks && isBlank(x)) {
        data[at] = NaN;
        whole = false; // only doubles hold a blank (NaN)
      } else return undefined;
    }
  }
  return packed(dtypeFor(whole, lowest, highest), height, width, data);
}

/** Packs a grid (a formula's result) the same way. */
export function packGrid(grid: NumberGrid): PackedRange {
  const data = new Float64Array(grid.data.length);
  let whole = true;
  let lowest = 0;
  let highest = 0;
  for (let i = 0; i < data.length; i++) {
    const x = grid.data[i]!;
    data[i] = x === 0 ? 0 : x;
    if (x < lowest) lowest = x;
    else if (x > highest) highest = x;
    if (whole && x !== Math.trunc(x)) whole = false; // also for NaN
  }
  return packed(dtypeFor(whole, lowest, highest), grid.rows, grid.cols, data);
}

/** Packed ranges made by packGrid, whose bdata argsJson may splice into JSON unchecked. */
const packedHere = new WeakSet<object>();

/** The rows of a packed range (blank cells as null), or undefined when it is not a valid one. */
export function unpackRows(value: unknown): (number | null)[][] | undefined {
  if (!looksPacked(value)) return undefined;
  const grid = decodePacked(value);
  return grid instanceof NumberGrid ? grid.toRows() : undefined;
}

/**
 * JSON text of an argument list in which large numeric ranges are packed. Same result as
 * JSON.stringify, but each packed range's base64 (which never needs escaping) is spliced
 * in as it is rather than scanned character by character: 5 MiB of ranges took
 * JSON.stringify about 20 ms. Only ranges packed here are spliced (their text is known
 * to be base64); anything else goes through JSON.stringify.
 */
export function argsJson(args: readonly unknown[]): string {
  const parts = args.map((a) => {
    if (typeof a !== 'object' || a === null || !packedHere.has(a)) return JSON.stringify(a) ?? 'null';
    const { dtype, shape, bdata } = a as PackedRange;
    return `{"dtype":${JSON.stringify(dtype)},"shape":${JSON.stringify(shape)},"bdata":"${bdata}"}`;
  });
  return `[${parts.join(',')}]`;
}

/** Each argument that is a large range of numbers (and blanks) packed; everything else as it was. */
export function packArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (Array.isArray(a) ? (packRows(a) ?? a) : a));
}
