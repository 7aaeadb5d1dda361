/**
 * The one map from validation issues to words: every function, form and route says the same
 * kind of mistake the same way, and the English never carries the Chinese.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ParamSpec } from '../../../formulas/core/definition.js';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { invoke } from '../../../formulas/core/invoke.js';
import { issueReason, said, showValue, valueProblem } from '../../../formulas/core/issue-messages.js';
import { findFormula, registry, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const CJK = /[\u3400-\u9fff]/;
const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('the map', () => {
  it.each([
    [z.number(), 'x', '"x" 不是数字', '"x" is not a number'],
    [z.number().int(), 5.5, '5.5 不是整数', '5.5 is not a whole number'],
    [z.number().min(0), -1, '-1 小于 0', '-1 is below 0'],
    [z.number().positive(), 0, '0 不大于 0', '0 is not above 0'],
    [z.number().max(10), 11, '11 大于 10', '11 is above 10'],
    [z.array(z.number()).min(1), [], '[0 项] 是空的', '[0 items] is empty'],
    [z.string().max(3), 'abcd', '"abcd" 超过 3 个字', '"abcd" is longer than 3 characters'],
    [z.enum(['a', 'b']), 'c', '"c" 不是可选值之一（a、b）', '"c" is not one of the choices (a, b)'],
    [z.number().refine(() => false, said('须为偶数', 'must be even')), 3, '3 须为偶数', '3 must be even'],
  ])('%#: %s', (schema, value, zh, en) => {
    expect(valueProblem(firstIssue(schema, value), value)).toEqual({ zh, en });
  });

  it('says a missing value is missing rather than showing it', () => {
    expect(valueProblem(firstIssue(z.object({ a: z.number() }), {}), undefined)).toEqual({ zh: '缺少此项，请填写', en: 'is missing; please fill it in' });
  });

  it('shows blank, lists and objects in each language’s own words', () => {
    expect([null, [1, 2], {}].map(showValue)).toEqual([
      { zh: '（空）', en: '(empty)' },
      { zh: '[2 项]', en: '[2 items]' },
      { zh: '（对象）', en: '(an object)' },
    ]);
  });

  it('a custom check without words of its own still has a Chinese sentence', () => {
    expect(issueReason(firstIssue(z.number().refine(() => false, 'odd'), 1))).toEqual({ zh: '不符合要求', en: 'odd' });
  });
});

describe('the same mistake reads the same in every function', () => {
  // Every scalar number parameter given the text "abc": one sentence shape, whatever the function.
  const cases = registry.flatMap((def) =>
    def.params.flatMap((p: ParamSpec, i: number) => (p.dimensionality === 'scalar' && p.type === 'number' ? [[def.id, i, p.name] as const] : [])),
  );

  it.each(cases)('EDU.%s argument %i (%s) given "abc"', (id, i, name) => {
    const def = findFormula(id)!;
    // Start from the function's own first example, so every other argument is valid.
    const args = def.params.map((_: ParamSpec, j: number) => def.examples[0]?.args[j] ?? null);
    args[i] = 'abc';
    const result = invoke(def, args, ctx);
    expect(isFormulaError(result)).toBe(true);
    if (!isFormulaError(result)) return;
    expect(result.error.zh.startsWith(`参数 ${name} 的值 "abc" `)).toBe(true);
    expect(result.error.en.startsWith(`${name}: "abc" `)).toBe(true);
  });

  it('EDU.INSPECTORS says what is wrong with a share in English only (its English once carried the Chinese)', () => {
    const result = invoke(findFormula('INSPECTORS')!, [[[5]], null, null, 'a third'], ctx);
    expect(isFormulaError(result) && result.error.en).toMatch(/^maxFullTimeShare: "a third" /);
    expect(isFormulaError(result) && CJK.test(result.error.en.split('. ')[0]!)).toBe(false);
  });
});
