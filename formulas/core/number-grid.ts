/**
 * A range of numbers as the core reads it fast: one Float64Array, row by row. The service
 * decodes a packed range (contracts/packed-range.ts, a wire format) into one; formulas
 * receive numbers, never the wire's base64.
 */
/** A decoded range of numbers, row by row; NaN is a blank cell. What schemas read fast. */
export class NumberGrid {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array,
    /** Known to hold whole numbers only (decoded from "i4"/"i2"); false means not known. */
    readonly whole = false,
  ) {}

  /** The cell as Excel passed it: a number, or null for a blank. */
  at(r: number, c: number): number | null {
    const x = this.data[r * this.cols + c]!;
    return Number.isNaN(x) ? null : x;
  }

  /** A result's rows (a formula's result has no blanks). */
  resultRows(): number[][] {
    return this.nested((r, c) => this.data[r * this.cols + c]!);
  }

  /** The nested rows every other schema reads (blank cells as null). */
  toRows(): (number | null)[][] {
    return this.nested((r, c) => this.at(r, c));
  }

  private nested<T>(cell: (r: number, c: number) => T): T[][] {
    const out = new Array<T[]>(this.rows);
    for (let r = 0; r < this.rows; r++) {
      const row = new Array<T>(this.cols);
      for (let c = 0; c < this.cols; c++) row[c] = cell(r, c);
      out[r] = row;
    }
    return out;
  }
}
