/**
 * Style rectangles: a form's styles as few ranges as possible, each cell in exactly one
 * rectangle of its own style.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rectsOf, runsOf } from '../../../addin/taskpane/excel/rects.js';

describe('rectsOf', () => {
  it('answers nothing for an empty grid and skips undefined cells', () => {
    expect(rectsOf([])).toEqual([]);
    expect(rectsOf([[undefined, undefined]])).toEqual([]);
  });

  it('joins a form body into one rectangle per column style (hand-drawn case)', () => {
    // title merged across 3 columns, header row, 3 body rows: text | integer | integer
    const keys = [
      ['title', 'title', 'title'],
      ['header', 'header', 'header'],
      ['body.text', 'body.integer', 'body.integer'],
      ['body.text', 'body.integer', 'body.integer'],
      ['body.text', 'body.integer', 'body.integer'],
    ];
    expect(rectsOf(keys)).toEqual([
      { key: 'title', top: 0, left: 0, bottom: 0, right: 2 },
      { key: 'header', top: 1, left: 0, bottom: 1, right: 2 },
      { key: 'body.text', top: 2, left: 0, bottom: 4, right: 0 },
      { key: 'body.integer', top: 2, left: 1, bottom: 4, right: 2 },
    ]);
  });

  it('covers every defined cell exactly once with its own key', () => {
    const grid = fc.array(fc.array(fc.constantFrom('a', 'b', undefined), { minLength: 4, maxLength: 4 }), { maxLength: 8 });
    fc.assert(
      fc.property(grid, (keys) => {
        const seen = keys.map((row) => row.map(() => 0));
        for (const r of rectsOf(keys)) {
          for (let y = r.top; y <= r.bottom; y++) {
            for (let x = r.left; x <= r.right; x++) {
              expect(keys[y]![x]).toBe(r.key);
              seen[y]![x]! += 1;
            }
          }
        }
        keys.forEach((row, y) => row.forEach((k, x) => expect(seen[y]![x]).toBe(k === undefined ? 0 : 1)));
      }),
    );
  });
});

describe('runsOf', () => {
  it('groups equal neighbours', () => {
    expect(runsOf([22, 22, 40, 22])).toEqual([
      { from: 0, to: 1, value: 22 },
      { from: 2, to: 2, value: 40 },
      { from: 3, to: 3, value: 22 },
    ]);
    expect(runsOf([])).toEqual([]);
  });
});
