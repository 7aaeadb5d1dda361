/**
 * What the pane writes when loading a scenario: strings Excel would read as formulas are
 * formatted as text first; saved formulas come back only when restoring is asked for, and
 * then only where a formula was saved.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardCounts, looksLikeFormula, writePlan } from '../../../addin/taskpane/logic/formula-guard.js';
import { readSaved } from '../../../addin/taskpane/logic/saved-values.js';

describe('formula guard', () => {
  it('knows the four characters Excel starts a formula with, and nothing else', () => {
    expect(['=1+1', '+A1', '-A1', '@SUM(A1)'].map(looksLikeFormula)).toEqual([true, true, true, true]);
    expect(['1+1', ' =1', '＝1', '', 'text'].map(looksLikeFormula)).toEqual([false, false, false, false, false]);
    expect([-5, 0, true].map(looksLikeFormula)).toEqual([false, false, false]);
  });

  it('formats as text exactly the formula-like strings, and restores nothing unless asked', () => {
    const values = [['=WEBSERVICE("x")', 5], ['plain', '-A1']];
    const plan = writePlan(values, [['', ''], ['', '=SUM(B1)']], false);
    expect(plan).toEqual({ values, textFormat: [['@', null], [null, '@']], formulas: undefined });
  });

  it('restores a saved formula in its cell (not formatted as text), and only where one was saved', () => {
    const values = [['=WEBSERVICE("x")', 18]];
    expect(writePlan(values, [['', '=SUM(B6:B8)']], true)).toEqual({ values, textFormat: [['@', null]], formulas: [[null, '=SUM(B6:B8)']] });
    expect(writePlan([[1, 2]], undefined, true)).toEqual({ values: [[1, 2]], textFormat: undefined, formulas: undefined });
  });

  it('never leaves a formula-like string unguarded without restoring (property)', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constantFrom('=A1', '+1', '-x', '@y'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (values, restore) => {
        const plan = writePlan(values, undefined, restore);
        values.forEach((row, r) => row.forEach((v, c) => expect(plan.textFormat?.[r]?.[c] === '@').toBe(looksLikeFormula(v))));
        expect(plan.formulas).toBeUndefined();
      }),
    );
  });

  it('counts what the confirmation shows, and keeps saved formulas only when their shape matches', () => {
    expect(guardCounts([['=x'], ['+y'], [3]], [[''], [''], ['=SUM(A1)']])).toEqual({ asText: 2, formulas: ['=SUM(A1)'] });
    expect(readSaved({ kind: 'range', values: [[1], [2]], formulas: [[''], ['=A1']] })).toMatchObject({ formulas: [[''], ['=A1']] });
    expect(readSaved({ kind: 'range', values: [[1], [2]], formulas: [['=A1']] })).not.toHaveProperty('formulas');
  });
});
