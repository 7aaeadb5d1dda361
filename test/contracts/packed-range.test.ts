/**
 * Packed ranges (contracts/packed-range.ts): the wire form of large numeric ranges.
 * Hand-worked encodings pin the byte layout (little-endian, row by row); properties show
 * that packing never changes a value and that the browser's base64 path agrees with
 * Node's; every malformed packed range is refused with a message in both languages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  argsJson,
  base64ToBytes,
  bytesToBase64,
  decodePacked,
  PACK_MAX_CELLS,
  packArgs,
  packGrid,
  packRows,
  unpackRows,
} from '../../contracts/packed-range.js';
import { apportion } from '../../formulas/allocation/apportion.js';
import type { FormulaError } from '../../formulas/core/errors.js';
import { invoke, shippedProfileSource } from '../../formulas/index.js';
import { NumberGrid } from '../../formulas/core/number-grid.js';

const everything = { minCells: 1 };

describe('the byte layout, worked by hand', () => {
  it('packs small whole numbers as "i2": 16-bit little-endian, row by row', () => {
    // 1, 2, 3, 4 as int16 LE: 01 00 02 00 03 00 04 00; base64 of those 8 bytes:
    // 000000 010000 000000 100000 000000 110000 000001 000000 | 0000(00) -> A Q A C A A M A B A A =
    const packed = packRows([[1, 2], [3, 4]], everything);
    expect(packed).toEqual({ dtype: 'i2', shape: [2, 2], bdata: 'AQACAAMABAA=' });
  });

  it('packs 0.5 as "f8": the double 0x3FE0000000000000, least significant byte first', () => {
    // bytes 00 00 00 00 00 00 E0 3F -> base64 "AAAAAAAA4D8="
    expect(packRows([[0.5]], everything)).toEqual({ dtype: 'f8', shape: [1, 1], bdata: 'AAAAAAAA4D8=' });
  });

  it('chooses the smallest dtype that holds every cell exactly', () => {
    const dtype = (rows: unknown[][]) => packRows(rows, everything)?.dtype;
    expect(dtype([[32767, -32768]])).toBe('i2');
    expect(dtype([[32768]])).toBe('i4');
    expect(dtype([[-32769]])).toBe('i4');
    expect(dtype([[2147483647, -2147483648]])).toBe('i4');
    expect(dtype([[2147483648]])).toBe('f8');
    expect(dtype([[1, 2.5]])).toBe('f8');
    expect(dtype([[1, null]])).toBe('f8'); // a blank is NaN, which only doubles hold
    expect(dtype([[1, '']])).toBe('f8');
  });

  it('leaves small, ragged, textual and logical ranges nested (undefined)', () => {
    expect(packRows([[1, 2]])).toBeUndefined(); // below PACK_MIN_CELLS
    expect(packRows([[1, 2], [3]], everything)).toBeUndefined();
    expect(packRows([[1, 'x']], everything)).toBeUndefined();
    expect(packRows([[true]], everything)).toBeUndefined();
    expect(packRows([[1, null]], { minCells: 1, blanks: false })).toBeUndefined();
    expect(packRows([], everything)).toBeUndefined();
    expect(packRows([[]], everything)).toBeUndefined();
  });
});

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -40000, max: 40000 }) },
  { weight: 2, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, '', -0) },
);
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

/** What the service reads: blanks as null, -0 as 0 (as JSON would give). */
const asRead = (rows: unknown[][]) => rows.map((r) => r.map((x) => (x === '' || x === null ? null : x === 0 ? 0 : x)));

describe('packing never changes a value', () => {
  it('rows -> packed -> rows gives back every cell (blank as null)', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const packed = packRows(rows, everything)!;
        expect(unpackRows(JSON.parse(JSON.stringify(packed)))).toEqual(asRead(rows));
      }),
      { numRuns: 500 },
    );
  });

  it("the browser's base64 (btoa/atob) and Node's Buffer give the same text and bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64(bytes, true);
        expect(bytesToBase64(bytes, false)).toBe(text);
        expect(base64ToBytes(text, bytes.length, false)).toEqual(new Uint8Array(bytes));
        expect(new Uint8Array(base64ToBytes(text, bytes.length, true)!)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it('argsJson is JSON.stringify with the packed ranges spliced in unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(matrix, fc.integer(), fc.string(), fc.constant(null))), (args) => {
        const packed = args.map((a) => (Array.isArray(a) ? (packRows(a, everything) ?? a) : a));
        expect(JSON.parse(argsJson(packed))).toEqual(JSON.parse(JSON.stringify(packed)));
      }),
    );
  });

  it('argsJson escapes an object that merely looks packed (only its own packed ranges are spliced)', () => {
    const forged = { dtype: 'f8', shape: [1, 1], bdata: '","injected":"1' };
    expect(JSON.parse(argsJson([forged]))).toEqual([forged]);
  });

  it('packArgs packs only ranges of PACK_MIN_CELLS cells or more', () => {
    const big = Array.from({ length: 1024 }, (_, i) => [i]);
    const [a, b, c] = packArgs([big, [[1], [2]], 'x']);
    expect(a).toMatchObject({ dtype: 'i2', shape: [1024, 1] });
    expect(b).toEqual([[1], [2]]);
    expect(c).toBe('x');
  });

  it('packGrid packs a result grid the same way, and resultRows gives its rows', () => {
    const grid = new NumberGrid(2, 2, new Float64Array([1, -0, 1.25, 70000]));
    const packed = packGrid(grid);
    expect(packed.dtype).toBe('f8');
    const back = decodePacked(JSON.parse(JSON.stringify(packed)) as Record<string, unknown>) as NumberGrid;
    expect(back.resultRows()).toEqual([[1, 0], [1.25, 70000]]);
    expect(packGrid(new NumberGrid(1, 2, new Float64Array([40000, 7]))).dtype).toBe('i4');
  });
});

describe('a malformed packed range is refused, in Chinese and English', () => {
  const good = packRows([[1, 2], [3, 4]], everything)!;
  const refusal = (value: Record<string, unknown>) => {
    const answer = decodePacked(value);
    expect(answer).not.toBeInstanceOf(NumberGrid);
    return answer as { zh: string; en: string };
  };

  it('an unknown dtype', () => {
    const { zh, en } = refusal({ ...good, dtype: 'u8' });
    expect(zh).toContain('"u8"');
    expect(en).toContain('"f8"');
  });

  it('a shape that is not two positive whole numbers', () => {
    for (const shape of [[2], [0, 2], [2.5, 2], ['2', 2], null]) expect(refusal({ ...good, shape }).en).toContain('[rows, columns]');
  });

  it('more cells than the limit', () => {
    const { zh, en } = refusal({ ...good, shape: [PACK_MAX_CELLS, 2] });
    expect(zh).toContain(String(PACK_MAX_CELLS * 2));
    expect(en).toContain('split the calculation');
  });

  it('bdata of the wrong length, or not base64, or not text', () => {
    // 2 x 2 "i2" cells are 8 bytes: 12 base64 characters.
    expect(refusal({ ...good, bdata: 'AQACAAMA' }).en).toContain('12 characters');
    expect(refusal({ ...good, bdata: 'AQAC!AMABAA=' }).zh).toContain('base64');
    expect(refusal({ ...good, bdata: 'AQ==AAMABAA=' }).zh).toContain('8 字节');
    expect(refusal({ ...good, bdata: 12 }).en).toContain('base64');
  });

  it('an infinity among doubles, naming its row and column', () => {
    const data = new Float64Array([1, 2, 3, Infinity]);
    const bdata = bytesToBase64(new Uint8Array(data.buffer));
    const { zh, en } = refusal({ dtype: 'f8', shape: [2, 2], bdata });
    expect(zh).toContain('第 2 行第 2 列');
    expect(en).toContain('row 2, column 2');
  });
});

describe('a decoded packed range reads like nested rows in every range parameter', () => {
  const ctx = { profiles: shippedProfileSource };
  // What the service hands a formula: the wire form decoded into a NumberGrid (server/jobs/calc.ts).
  const packed = (rows: unknown[][]) => decodePacked(JSON.parse(JSON.stringify(packRows(rows, { minCells: 1 }))) as Record<string, unknown>);

  it('EDU.APPORTION gives the same posts for packed and nested weights, blanks and bounds included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 300 }), (pupils, posts) => {
        const weights = pupils.map((p) => [p]);
        const minimum = pupils.map(() => [null]);
        expect(invoke(apportion, [posts, packed(weights), 'hamilton', packed(minimum)], ctx)).toEqual(invoke(apportion, [posts, weights, 'hamilton', minimum], ctx));
      }),
      { numRuns: 100 },
    );
  });

  it('EDU.APPORTION names the row of a bad packed weight, as for nested rows', () => {
    const result = invoke(apportion, [10, packed([[3], [-1]]), 'hamilton'], ctx) as FormulaError;
    const nested = invoke(apportion, [10, [[3], [-1]], 'hamilton'], ctx) as FormulaError;
    expect(`${result.error.zh} / ${result.error.en}`).toBe(`${nested.error.zh} / ${nested.error.en}`);
    expect(`${result.error.zh} / ${result.error.en}`).toContain('-1');
  });
});
