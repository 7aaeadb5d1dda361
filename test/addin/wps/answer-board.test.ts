/**
 * The answer board: how a synchronous WPS call gets an asynchronous, batched answer. A call
 * not yet answered returns undefined (the cell shows the placeholder) and is asked for once;
 * when the last outstanding answer arrives the board asks for ONE recalculation, in which
 * every call reads its answer synchronously; 重新计算 (clear) forgets everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerBoard, MAX_WRITE_BACKS } from '../../../addin/wps/answer-board.js';
import type { CallOutcome } from '../../../client/index.js';

/** A client whose answers the test releases by hand. */
function fakeClient() {
  const asked: { fn: string; args: readonly unknown[]; answer(o: CallOutcome): void }[] = [];
  return {
    asked,
    call: (fn: string, args: readonly unknown[]) => new Promise<CallOutcome>((answer) => asked.push({ fn, args, answer })),
  };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('AnswerBoard', () => {
  it('answers undefined at once, asks once per distinct call, and recalculates once when all answers are in', async () => {
    const client = fakeClient();
    let recalculations = 0;
    const board = new AnswerBoard({ call: client.call, recalculate: () => recalculations++ });
    expect(board.read('APPORTION', [48, [[1], [2]]])).toBeUndefined();
    expect(board.read('APPORTION', [48, [[1], [2]]])).toBeUndefined();
    expect(board.read('APPORTION', [10, [[1], [2]]])).toBeUndefined();
    expect(client.asked.map((a) => a.args[0])).toEqual([48, 10]);
    client.asked[0]!.answer({ value: [[16], [32]] });
    await flush();
    expect(recalculations).toBe(0);
    expect(board.outstanding).toBe(1);
    client.asked[1]!.answer({ value: [[3], [7]] });
    await flush();
    expect(recalculations).toBe(1);
    expect(board.read('APPORTION', [48, [[1], [2]]])).toEqual({ value: [[16], [32]] });
    expect(board.read('APPORTION', [10, [[1], [2]]])).toEqual({ value: [[3], [7]] });
    expect(client.asked).toHaveLength(2);
  });

  it('the write-back recalculation reads every answer synchronously and asks for nothing more', async () => {
    const client = fakeClient();
    let board: AnswerBoard;
    const seen: (CallOutcome | undefined)[] = [];
    board = new AnswerBoard({ call: client.call, recalculate: () => seen.push(board.read('PROFILE', ['cn-national', 'funding.perPupil.primary'])) });
    board.read('PROFILE', ['cn-national', 'funding.perPupil.primary']);
    client.asked[0]!.answer({ value: 720 });
    await flush();
    expect(seen).toEqual([{ value: 720 }]);
    expect(client.asked).toHaveLength(1);
  });

  it('keeps error answers too, so a recalculation does not ask again and again while the service is down', async () => {
    const client = fakeClient();
    let recalculations = 0;
    const board = new AnswerBoard({ call: client.call, recalculate: () => recalculations++ });
    board.read('WEIGHTEDCV', [[[1]], [[2]]]);
    const down: CallOutcome = { error: { code: 'NA', zh: '无法连接', en: 'Cannot reach' } };
    client.asked[0]!.answer(down);
    await flush();
    expect(board.read('WEIGHTEDCV', [[[1]], [[2]]])).toEqual(down);
    expect(client.asked).toHaveLength(1);
    expect(recalculations).toBe(1);
  });

  it('clear() (重新计算, new settings) forgets answers and drops answers to calls asked before it', async () => {
    const client = fakeClient();
    let recalculations = 0;
    const board = new AnswerBoard({ call: client.call, recalculate: () => recalculations++ });
    board.read('URBANPUPILS', [47500, 0.4, 0.6]);
    board.clear();
    client.asked[0]!.answer({ value: 1 });
    await flush();
    expect(recalculations).toBe(0);
    expect(board.read('URBANPUPILS', [47500, 0.4, 0.6])).toBeUndefined();
    expect(client.asked).toHaveLength(2);
    client.asked[1]!.answer({ value: 9500 });
    await flush();
    expect(board.read('URBANPUPILS', [47500, 0.4, 0.6])).toEqual({ value: 9500 });
  });

  it('a recalculation that fails (no workbook open any more) does not break the board', async () => {
    const client = fakeClient();
    const board = new AnswerBoard({ call: client.call, recalculate: () => { throw new Error('no workbook'); } });
    board.read('URBANPUPILS', [1, 0.1, 0.2]);
    client.asked[0]!.answer({ value: 0 });
    await flush();
    expect(board.read('URBANPUPILS', [1, 0.1, 0.2])).toEqual({ value: 0 });
  });

  it('a chain of formulas takes one write-back per link; an argument that changes at every calculation (NOW()) stops after MAX_WRITE_BACKS', async () => {
    let now = 0;
    let recalculations = 0;
    const asked: number[] = [];
    let board: AnswerBoard;
    // Every recalculation calls the function with a new argument, as =EDU.PROFILE(…, NOW()) would.
    const recalculate = () => {
      recalculations++;
      board.read('PROFILE', ['cn-national', ++now]);
    };
    board = new AnswerBoard({ call: async (_fn, args) => (asked.push(args[1] as number), { value: 1 }), recalculate });
    board.read('PROFILE', ['cn-national', now]);
    for (let i = 0; i < MAX_WRITE_BACKS + 5; i++) await flush();
    expect(recalculations).toBe(MAX_WRITE_BACKS);
    expect(asked).toHaveLength(MAX_WRITE_BACKS + 1);
    // The clerk's next edit (a call outside a write-back) starts a new burst, with its own rounds.
    board.read('PROFILE', ['cn-national', -1]);
    for (let i = 0; i < MAX_WRITE_BACKS + 5; i++) await flush();
    expect(recalculations).toBe(2 * MAX_WRITE_BACKS);
  });

  it('property: whatever order the answers arrive in, exactly one recalculation follows the last, and each call reads its own answer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat()), async (totals, picks) => {
        const client = fakeClient();
        let recalculations = 0;
        const board = new AnswerBoard({ call: client.call, recalculate: () => recalculations++ });
        for (const t of totals) board.read('APPORTION', [t]);
        const order = [...client.asked];
        const it = picks[Symbol.iterator]();
        while (order.length > 0) {
          const [next] = order.splice(it.next().value % order.length, 1);
          expect(recalculations).toBe(0);
          next!.answer({ value: Number(next!.args[0]) * 2 });
          await flush();
        }
        expect(recalculations).toBe(1);
        for (const t of totals) expect(board.read('APPORTION', [t])).toEqual({ value: t * 2 });
      }),
      { numRuns: 100 },
    );
  });
});
