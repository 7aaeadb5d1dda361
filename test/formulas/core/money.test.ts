import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledInteger } from '../../../formulas/core/exact.js';
import { ceilDiv, fenToYuan, formatYuan, yuanToFen, yuanToFenNumber } from '../../../formulas/core/money.js';

describe('money: yuan typed in a cell as whole fen', () => {
  it('reads at most two decimals exactly and refuses a third', () => {
    expect(yuanToFen(1600000)).toBe(160000000n);
    expect(yuanToFen(0.1)).toBe(10n);
    expect(yuanToFen(1.15)).toBe(115n);
    expect(yuanToFen(999999999999.99)).toBe(99999999999999n);
    expect(yuanToFen(1e12)).toBe(100000000000000n);
    expect(yuanToFen(0.005)).toBeUndefined();
    expect(yuanToFen(1600000.001)).toBeUndefined();
    expect(yuanToFen(0.1 + 0.2)).toBeUndefined();
    expect(yuanToFenNumber(1.15)).toBe(115);
    expect(yuanToFenNumber(2.675)).toBeUndefined();
  });

  it('agrees with reading the decimal the user typed, for every amount up to 10^12 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), fc.integer({ min: 0, max: 9 }), (fen, extra) => {
        // The amount with two decimals, and with a third decimal digit appended.
        const two = fen / 100;
        expect(yuanToFen(two)).toBe(BigInt(fen));
        const three = Number(`${(BigInt(fen) / 100n).toString()}.${(BigInt(fen) % 100n).toString().padStart(2, '0')}${extra === 0 ? '' : extra}`);
        expect(yuanToFen(three)).toBe(scaledInteger(three, 2));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => {
        expect(yuanToFen(x)).toBe(scaledInteger(x, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows fen back as the exact two-decimal amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), (fen) => {
        expect(String(fenToYuan(fen))).toBe(`${fen / 100n}${fen % 100n === 0n ? '' : `.${(fen % 100n).toString().padStart(2, '0').replace(/0$/, '')}`}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats amounts for messages and rounds "at least" up', () => {
    expect(formatYuan(160000000n)).toBe('1,600,000.00');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(-12345n)).toBe('-123.45');
    expect(ceilDiv(7n, 2n)).toBe(4n);
    expect(ceilDiv(6n, 2n)).toBe(3n);
    expect(ceilDiv(-7n, 2n)).toBe(-3n);
  });
});
