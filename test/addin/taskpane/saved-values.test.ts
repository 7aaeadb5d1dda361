/**
 * The shape scenarios keep a named range or table in, and reading what another client
 * saved (a bare 2-D array) the same way.
 */
import { describe, expect, it } from 'vitest';
import { labelsFrom, readSaved, sizeText } from '../../../addin/taskpane/logic/saved-values.js';

describe('readSaved', () => {
  it('refuses what is neither a range nor a table', () => {
    expect(readSaved(null)).toBeUndefined();
    expect(readSaved({ kind: 'table', headers: ['a'], values: [[1, 2]] })).toBeUndefined();
    expect(readSaved([[1, 2], [3]])).toBeUndefined();
    expect(readSaved([])).toBeUndefined();
    expect(readSaved({ values: [[{}]] })).toBeUndefined();
  });

  it('reads the pane’s own shapes and a bare matrix or scalar', () => {
    expect(readSaved({ kind: 'range', address: '预算!B2', values: [[1600000]] })).toEqual({ kind: 'range', address: '预算!B2', values: [[1600000]] });
    expect(readSaved([[1], [null]])).toEqual({ kind: 'range', address: '', values: [[1], ['']] });
    expect(readSaved(48)).toEqual({ kind: 'range', address: '', values: [[48]] });
    expect(readSaved({ kind: 'table', address: 'T!A2:B3', headers: ['学区', '岗位'], values: [['一', 9], ['二', 6]] })).toMatchObject({ kind: 'table', headers: ['学区', '岗位'] });
    expect(readSaved({ kind: 'table', address: '', headers: ['学区'], values: [] })).toEqual({ kind: 'table', address: '', headers: ['学区'], values: [] });
    expect(readSaved({ kind: 'range', address: '', values: [[1], [2]], labels: ['一', '二'] })).toMatchObject({ labels: ['一', '二'] });
  });

  it('says the size without the table header', () => {
    expect(sizeText({ kind: 'table', address: '', headers: ['a', 'b'], values: [[1, 2]] })).toEqual({ zh: '1 行 × 2 列', en: '1 row × 2 columns' });
    expect(sizeText({ kind: 'range', address: '', values: [[1], [2], [3]] }).zh).toBe('3 行 × 1 列');
  });

  it('takes labels only when every one is text', () => {
    expect(labelsFrom(['第一学区', ' 第二学区 '])).toEqual(['第一学区', '第二学区']);
    expect(labelsFrom(['第一学区', ''])).toBeUndefined();
    expect(labelsFrom(['第一学区', 9])).toBeUndefined();
    expect(labelsFrom([])).toBeUndefined();
  });
});
