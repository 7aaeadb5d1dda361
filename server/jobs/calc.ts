/**
 * The calculation endpoints, generated from the registry, run in the worker pool:
 *   POST /api/v1/calc/{ID}  { "args": [...], "pack"?: true }                    -> 200 { value } | 422 { error }
 *   POST /api/v1/calc       { "calls": [{ "fn", "args", "addresses"? }, ...], "pack"?: true } -> 200 { results: [...] }
 * "addresses" (optional) are the arguments' places in the workbook as Excel gives them
 * (requiresParameterAddresses): messages then name a cell as "B7" rather than "row 3".
 * Arguments are positional, exactly as Excel passes them (null for an omitted optional,
 * 2-D arrays for ranges). Any range argument may instead be a packed range
 * (contracts/packed-range.ts); with "pack": true, every all-number result of at least
 * PACK_MIN_CELLS cells comes back packed too. In a batch one bad call never fails the others.
 */
import { calcBatchBodySchema, calcOneBodySchema } from '../../contracts/calc.js';
import { arityProblem, evaluateFormula, findFormula, type AnyFormula } from '../../formulas/index.js';
import type { ArgumentAddresses } from '../../formulas/core/invoke.js';
import { formulaError, isFormulaError, type FormulaError } from '../../formulas/core/errors.js';
import type { ResultValue } from '../../formulas/core/excel-values.js';
import { decodePacked, looksPacked, packGrid, packRows, PACK_MIN_CELLS, type PackedRange } from '../../contracts/packed-range.js';
import { NumberGrid } from '../../formulas/core/number-grid.js';
import type { ParamSpec } from '../../formulas/core/definition.js';
import type { JobDefinition, JobInput } from '../pool/job.js';
import { ServiceError, unprocessable } from '../service-error.js';


type WireOutcome = { value: ResultValue | PackedRange } | FormulaError;
type Evaluated = { value: ResultValue | NumberGrid } | FormulaError;

/** The arguments as the core takes them: each packed range (a wire format) decoded into a NumberGrid once, here. */
function unpacked(def: AnyFormula, args: readonly unknown[]): unknown[] | FormulaError {
  const out = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) {
    const raw = args[i];
    if (!looksPacked(raw)) {
      out[i] = raw;
      continue;
    }
    const spec: ParamSpec | undefined = def.params[i];
    const grid = spec?.dimensionality === 'matrix' ? decodePacked(raw) : { zh: '这个参数只接受单个值，不接受区域', en: 'this argument takes a single value, not a range' };
    if (!(grid instanceof NumberGrid)) {
      const name = spec?.name ?? String(i + 1);
      return formulaError('VALUE', `参数 ${name}（第 ${i + 1} 个参数）不合要求：${grid.zh}`, `Argument ${name} (argument ${i + 1}) is not acceptable: ${grid.en}`);
    }
    out[i] = grid;
  }
  return out;
}

/** One call, never throwing: a bug in a formula becomes an #N/A for that call alone. */
function runCall(def: AnyFormula, wireArgs: unknown[], input: JobInput, where?: ArgumentAddresses): Evaluated {
  const args = unpacked(def, wireArgs);
  if (isFormulaError(args)) return args;
  try {
    const result = evaluateFormula(def, args, input.context, where);
    return isFormulaError(result) ? result : { value: result };
  } catch (err) {
    input.log('error', 'formula.crash', { fn: def.id, error: String(err instanceof Error ? err.stack : err) });
    return formulaError('NA', `计算 EDU.${def.id} 时服务内部出错，已记录；请联系管理员`, `Internal error while computing EDU.${def.id}; it was logged, please tell your administrator`);
  }
}

/** The outcome as sent: a large all-number result packed when the caller asked for packing, else as nested rows. */
function toWire(outcome: Evaluated, pack: boolean | undefined): WireOutcome {
  if (!('value' in outcome)) return outcome;
  const { value } = outcome;
  if (value instanceof NumberGrid) {
    return { value: pack && value.data.length >= PACK_MIN_CELLS ? packGrid(value) : value.resultRows() };
  }
  const packed = pack && Array.isArray(value) ? packRows(value, { blanks: false }) : undefined;
  return { value: packed ?? value };
}

export const calcOneJob: JobDefinition = {
  name: 'calc.one',
  lane: 'by-size',
  run(input) {
    const id = input.params.id ?? '';
    const def = findFormula(id);
    if (!def) {
      throw new ServiceError(400, 'BAD_REQUEST', { zh: `没有函数 "${id}"：GET /api/v1/functions 列出全部函数`, en: `Unknown function "${id}": GET /api/v1/functions lists the functions` });
    }
    const body = calcOneBodySchema.safeParse(input.body);
    if (!body.success) {
      throw new ServiceError(400, 'BAD_REQUEST', { zh: '请求体应为 {"args": [...]}：按顺序给出参数，省略的可选参数写 null', en: 'The body must be {"args": [...]}: the arguments in order, null for an omitted optional' });
    }
    const arity = arityProblem(def, body.data.args);
    if (arity) throw new ServiceError(400, 'BAD_REQUEST', { zh: arity.zh, en: arity.en });
    const outcome = runCall(def, body.data.args, input, body.data.addresses);
    if ('error' in outcome) throw unprocessable(outcome);
    return { json: toWire(outcome, body.data.pack) };
  },
};

export const calcBatchJob: JobDefinition = {
  name: 'calc.batch',
  lane: 'by-size',
  run(input) {
    const body = calcBatchBodySchema.safeParse(input.body);
    if (!body.success) {
      throw new ServiceError(400, 'BAD_REQUEST', { zh: '请求体应为 {"calls": [{"fn": "APPORTION", "args": [...]}, ...]}', en: 'The body must be {"calls": [{"fn": "APPORTION", "args": [...]}, ...]}' });
    }
    const { calls } = body.data;
    const { maxCalls } = input.limits;
    if (calls.length > maxCalls) {
      throw new ServiceError(413, 'TOO_LARGE', { zh: `一次最多 ${maxCalls} 个计算，本次有 ${calls.length} 个：请分成几次发送`, en: `A batch may hold at most ${maxCalls} calls; this one has ${calls.length}. Split it into several requests.` });
    }
    const results = calls.map(({ fn, args, addresses: where }): WireOutcome => {
      const def = findFormula(fn);
      if (!def) return formulaError('NA', `没有函数 EDU.${fn}：请检查函数名`, `There is no function EDU.${fn}: check the name`);
      const arity = arityProblem(def, args);
      if (arity) return formulaError('VALUE', arity.zh, arity.en);
      return toWire(runCall(def, args, input, where), body.data.pack);
    });
    return { json: { results } };
  },
};
