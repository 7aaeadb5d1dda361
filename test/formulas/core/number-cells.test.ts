/**
 * One range-reading path, fast for every function (formulas/core/number-cells.ts): every
 * range-of-numbers parameter of every function reads a NumberGrid (what the service makes of
 * a packed range) in place, in one loop, without turning it back into rows of cells for a
 * schema per cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../../formulas/core/definition.js';
import { numberVector, perUnitNumbers } from '../../../formulas/core/number-cells.js';
import { NumberGrid } from '../../../formulas/core/number-grid.js';
import { registry } from '../../../formulas/registry.js';

/** A grid that refuses to be turned into rows: reading it any other way than in place fails. */
class InPlaceOnly extends NumberGrid {
  override toRows(): (number | null)[][] {
    throw new Error('read cell by cell instead of in place');
  }
}

describe('the one range path', () => {
  it('every number-range parameter of every function reads a packed range in place', () => {
    const numberRanges = registry.flatMap((f) => (f.params as readonly ParamSpec[]).filter((p) => p.dimensionality === 'matrix' && p.type === 'number').map((p) => ({ f: f.id, p })));
    expect(numberRanges.length).toBeGreaterThan(20);
    for (const { f, p } of numberRanges) {
      const grid = new InPlaceOnly(3, 1, Float64Array.from([1, 2, 3]));
      expect(() => p.schema.safeParse(grid), `${f} ${p.name}`).not.toThrow();
    }
  });

  it('positive: above 0, and the message says so; blank: null where allowed', () => {
    const above = numberVector({ min: 0, positive: true });
    expect(above.parse([[0.5], [3]]).values).toEqual([0.5, 3]);
    const zero = above.safeParse([[2], [0]]);
    expect(zero.success).toBe(false);
    expect(zero.error!.issues[0]).toMatchObject({ code: 'too_small', minimum: 0, inclusive: false, path: [1, 0] });
    expect(numberVector({ min: 0, integer: true, blank: true }).parse([[1], [null], ['']]).values).toEqual([1, null, null]);
    expect(perUnitNumbers({ min: 0, integer: true }).parse(7)).toEqual({ kind: 'all', value: 7 });
  });

  it('property: nested rows and the same numbers packed read the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const schema = numberVector({ min: 0, integer: true });
        expect(schema.parse(new InPlaceOnly(xs.length, 1, Float64Array.from(xs)))).toEqual(schema.parse(xs.map((x) => [x])));
      }),
    );
  });
});
