/**
 * The recorded calls in the document's settings (addin/compute/records.ts): read back without
 * throwing on entries it cannot use, replaced per output cell, saved through saveAsync, and a
 * failed save said in both languages.
 */
import { describe, expect, it } from 'vitest';
import { readRecords, RECORDS_KEY, saveRecords, withRecord, type ComputeRecord, type DocumentSettings } from '../../../addin/compute/records.js';
import { typedValue } from '../../../addin/compute/function-form.js';

function bag(initial: Record<string, unknown> = {}, fail?: string): DocumentSettings & { saved: Record<string, unknown> } {
  const memory = { ...initial };
  const store = {
    saved: {} as Record<string, unknown>,
    get: (n: string) => memory[n] ?? null,
    set: (n: string, v: unknown) => void (memory[n] = v),
    saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) =>
      setTimeout(() => {
        if (fail) return cb?.({ status: 'failed', error: { message: fail } });
        store.saved = structuredClone(memory);
        cb?.({ status: 'succeeded' });
      }),
  };
  return store;
}

const A: ComputeRecord = { fn: 'APPORTION', args: [{ kind: 'value', value: 48 }, { kind: 'name', name: '学生数' }, { kind: 'omit' }], output: '结果!B2', written: '结果!B2:B9' };

describe('recorded calls', () => {
  it('reads the records kept in the document, skipping (and counting) what is not a record', () => {
    expect(readRecords(bag())).toEqual({ records: [], unreadable: 0 });
    const mixed = bag({ [RECORDS_KEY]: [A, { fn: 'X' }, { ...A, args: [{ kind: 'formula', text: '=1' }] }, 'text'] });
    expect(readRecords(mixed)).toEqual({ records: [A], unreadable: 3 });
    expect(readRecords(bag({ [RECORDS_KEY]: 'not a list' }))).toEqual({ records: [], unreadable: 1 });
  });

  it('one record per output cell: computing into the same cell again replaces its record', () => {
    const B = { ...A, fn: 'WEIGHTEDCV', output: '结果!D2' };
    expect(withRecord([A], B)).toEqual([A, B]);
    const again = { ...A, args: [{ kind: 'value' as const, value: 50 }] };
    expect(withRecord([A, B], { ...again, output: '结果!b2' })).toEqual([{ ...again, output: '结果!b2' }, B]);
  });

  it('saves through saveAsync into the document, and says in both languages when the save fails', async () => {
    const ok = bag();
    await saveRecords(ok, [A]);
    expect(ok.saved[RECORDS_KEY]).toEqual([A]);
    await expect(saveRecords(bag({}, 'read-only'), [A])).rejects.toMatchObject({ zh: expect.stringContaining('计算记录未能存入工作簿（read-only）'), en: expect.stringContaining('could not be kept in the workbook (read-only)') });
  });

  it('a typed value is kept as Excel would hold it: numbers, TRUE/FALSE, else the text as written', () => {
    expect(typedValue(' 48 ')).toEqual({ kind: 'value', value: 48 });
    expect(typedValue('0.25')).toEqual({ kind: 'value', value: 0.25 });
    expect(typedValue('TRUE')).toEqual({ kind: 'value', value: true });
    expect(typedValue('false')).toEqual({ kind: 'value', value: false });
    expect(typedValue('hamilton')).toEqual({ kind: 'value', value: 'hamilton' });
    expect(typedValue('12,100')).toEqual({ kind: 'value', value: '12,100' });
    expect(typedValue('')).toEqual({ kind: 'value', value: '' });
  });
});
