/**
 * Amounts on forms are integer fen (bigint) from the moment they are read: totals are sums
 * of integers, so a 合计 row equals the budget to the fen or the form says by how much it
 * does not. A cell gets the yuan value fen / 100, the double nearest that decimal, which
 * Excel shows exactly with the format #,##0.00.
 */
import { z } from 'zod';
import { said } from '../../formulas/core/issue-messages.js';
import { scaledInteger } from '../../formulas/core/exact.js';
import { fenToYuan, MAX_FEN } from '../../formulas/core/money.js';


const MONEY_TEXT = /^\d+(\.\d{1,2})?$/;

const NOT_MONEY = said(
  '不是可识别的金额：应为不小于 0 的金额，最多两位小数（分），如 1600000 或 "83333.34"',
  'cannot be read as an amount: give a non-negative amount with at most two decimals (fen), e.g. 1600000 or "83333.34"',
);

/** Yuan as a number (1600000, 83333.34) or text ("1,600,000.00"), read exactly into fen. */
export const moneyFen = () =>
  z.union([z.number(), z.string()]).transform((input, ctx): bigint => {
    let fen: bigint | undefined;
    if (typeof input === 'number') {
      fen = Number.isFinite(input) && input >= 0 ? scaledInteger(input, 2) : undefined;
    } else {
      const text = input.trim().replace(/,/g, '');
      if (MONEY_TEXT.test(text)) {
        const [whole = '0', frac = ''] = text.split('.');
        fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
      }
    }
    if (fen === undefined || fen > MAX_FEN) {
      ctx.issues.push({ code: 'custom', ...NOT_MONEY, input });
      return z.NEVER;
    }
    return fen;
  });

/** The value a cell holds for an amount in fen. */
export const yuan = (fen: bigint): number => fenToYuan(fen);

export const sumFen = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);
