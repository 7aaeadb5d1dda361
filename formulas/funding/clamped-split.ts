/**
 * The arithmetic behind EDU.FUNDSPLIT, exact to the fen.
 *
 * Unit i's formula amount is v_i(r) = L_i + r * S_i (a lump sum L_i plus its weighted
 * driver total S_i at a rate r per driver unit); it gets v_i clamped to its floor F_i and
 * cap C_i. The clamped sum f(r) = Σ clamp(v_i(r), F_i, C_i) never decreases as r grows, so
 * there is a smallest r >= 0 with f(r) = budget. That is the rate the UK's school funding
 * formula tools reach by fixing floored and capped units and re-spreading the rest until
 * nothing moves; here it is found directly and checked exactly:
 *
 * 1. Doubles only guess which units are floored, capped or free (a safeguarded Newton
 *    iteration on f). The guess decides nothing.
 * 2. The guess gives a linear equation whose exact solution r = num / den (integers) is
 *    verified by evaluating f(r) exactly. If the guess was wrong (a unit within a rounding
 *    error of its floor or cap), an exact bisection over the units' breakpoints takes over.
 * 3. Each unit gets the whole fen of its exact amount; the fen left over (fewer than the
 *    number of units) go by largest remainder. All remainders share the denominator den,
 *    so they compare as integers. Ties go to the larger weighted driver total S_i, then to
 *    the earlier row.
 *
 * How the integers are held. Per-unit amounts (lump sums, floors, caps, totals) are whole
 * fen of at most 10^14 (10^12 yuan) in Float64Arrays: every whole number below 2^53 is a
 * double exactly, and adding or comparing such doubles is exact integer arithmetic. Sums
 * over many units are exact while they stay below 2^53 and are redone in bigint past that.
 * Unit i's share of the rate, floor(num * S_i / den) and its remainder, is computed either
 * with bigints or, when num < 2^53 and den < 2^50 (the usual case), with Dekker's
 * error-free product (the exact product of two doubles as the sum of two doubles), which
 * yields the same integers without a bigint per unit (see `exactQuotient`).
 */
import { exactQuotient, topRemainders } from './fen-remainders.js';

export interface SplitInput {
  /** The pot, fen. */
  budget: bigint;
  /** Fixed amount given first, whole fen in [0, 10^14]. */
  lump: Float64Array;
  /** Lowest total, whole fen (0 for none). */
  floor: Float64Array;
  /** Highest total, whole fen, Infinity for none; never below the unit's floor. */
  cap: Float64Array;
  /** Weighted driver totals S_i >= 0 on one integer scale: exact when `weightBig` is absent. */
  weight: Float64Array;
  /** The S_i as bigints, given when some S_i is too large for a double to hold exactly. */
  weightBig?: readonly bigint[];
}

/** The rate r = num / den (den > 0) in fen per unit of weighted driver. */
export interface Level {
  num: bigint;
  den: bigint;
}

export interface Split {
  level: Level;
  /** Whole fen per unit; they add up to the budget exactly. */
  totals: Float64Array;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const SAFE_BIG = BigInt(SAFE);
/** Largest den for the double path: keeps every intermediate of `exactQuotient` below 2^53. */
const FAST_DEN = 2 ** 50;
/** A share r*S_i at least this large exceeds any cap or budget (10^14 fen) by far. */
const HUGE = 2 ** 50;
const HUGE_BIG = BigInt(HUGE);

const clamp = (v: number, floor: number, cap: number): number => (v < floor ? floor : v > cap ? cap : v);

/** S_i as a bigint. */
const weightAt = (input: SplitInput, i: number): bigint => input.weightBig?.[i] ?? BigInt(input.weight[i]!);

/** Σ term(i) over whole numbers, exactly: in doubles while below 2^53, else again in bigint. */
function sumExact(n: number, term: (i: number) => number): bigint {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += term(i);
  if (sum <= SAFE) return BigInt(sum);
  let big = 0n;
  for (let i = 0; i < n; i++) big += BigInt(term(i));
  return big;
}

/** f(0): every unit at its lump sum, raised to its floor or held at its cap. */
export function lowestTotal(input: SplitInput): bigint {
  const { lump, floor, cap } = input;
  return sumExact(lump.length, (i) => clamp(lump[i]!, floor[i]!, cap[i]!));
}

/**
 * The most f can reach: units with drivers at their caps, units without drivers at their
 * lowest. Undefined when some unit with drivers has no cap (f grows without bound).
 */
export function highestTotal(input: SplitInput): bigint | undefined {
  const { lump, floor, cap, weight } = input;
  for (let i = 0; i < lump.length; i++) if (weight[i] !== 0 && cap[i] === Infinity) return undefined;
  return sumExact(lump.length, (i) => (weight[i] === 0 ? clamp(lump[i]!, floor[i]!, cap[i]!) : cap[i]!));
}

/**
 * Splits the budget. The caller has checked lowestTotal <= budget <= highestTotal and
 * that some unit has drivers when lowestTotal < budget. `guess` is replaceable so tests
 * can drive the exact fallback.
 */
export function splitExactly(input: SplitInput, guess: (input: SplitInput) => Uint8Array = guessStates): Split {
  const { level, at } = findLevel(input, guess);
  if (compareToBudget(input, level, at) !== 0) throw new Error('splitExactly: the level does not meet the budget');
  const leftover = Number(input.budget - BigInt(at.intSum));
  const totals = at.ints;
  for (const i of topRemainders(at, input, leftover)) totals[i]! += 1;
  return { level, totals };
}

const FREE = 0;
const FLOORED = 1;
const CAPPED = 2;

/** The smallest r >= 0 with f(r) = budget, and f evaluated there. */
export function findLevel(input: SplitInput, guess: (input: SplitInput) => Uint8Array = guessStates): { level: Level; at: Evaluation } {
  const zero: Level = { num: 0n, den: 1n };
  if (lowestTotal(input) >= input.budget || input.weight.every((s) => s === 0)) return { level: zero, at: evaluate(input, zero) };
  const candidate = linearLevel(input, guess(input));
  if (candidate !== undefined) {
    const at = evaluate(input, candidate);
    if (compareToBudget(input, candidate, at) === 0) {
      if (at.leftFree) return { level: candidate, at };
      const level = flatStart(input, candidate);
      return { level, at: evaluate(input, level) };
    }
  }
  const level = bisectLevel(input);
  return { level, at: evaluate(input, level) };
}

/**
 * Guesses with doubles which units are floored, capped or free at the solution: Newton
 * steps on the piecewise-linear f, kept inside a bracket [lo, hi] and replaced by halving
 * when they leave it.
 */
export function guessStates(input: SplitInput): Uint8Array {
  const { lump: L, floor: F, cap: C, weight: S } = input;
  const n = L.length;
  const B = Number(input.budget);
  let reach = 0;
  let sumS = 0;
  let sumBase = 0;
  for (let i = 0; i < n; i++) {
    sumBase += clamp(L[i]!, F[i]!, C[i]!);
    const s = S[i]!;
    if (s > 0) {
      sumS += s;
      // Beyond this r the unit is capped (or, without a cap, free for good with v >= B).
      reach = Math.max(reach, (F[i]! - L[i]!) / s, C[i] === Infinity ? B / s : (C[i]! - L[i]!) / s);
    }
  }
  let lo = 0;
  let hi = reach > 0 ? reach * 2 : Infinity;
  let r = sumS > 0 ? Math.max(0, (B - sumBase) / sumS) : 0;
  const states = new Uint8Array(n);
  let newton = false;
  for (let iter = 0; iter < 200; iter++) {
    let g = 0;
    let slope = 0;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const v = L[i]! + r * S[i]!;
      const state = v < F[i]! ? FLOORED : v > C[i]! ? CAPPED : FREE;
      if (state !== states[i]) {
        changed = true;
        states[i] = state;
      }
      if (state === FREE) {
        g += v;
        slope += S[i]!;
      } else g += state === FLOORED ? F[i]! : C[i]!;
    }
    // A Newton step that kept every unit where it was has landed on this piece's root.
    if (g === B || (newton && !changed)) break;
    if (g < B) lo = r;
    else hi = r;
    let next = slope > 0 ? r + (B - g) / slope : NaN;
    newton = next > lo && next < hi;
    if (!newton) next = hi === Infinity ? Math.max(lo * 2, Number.MIN_VALUE) : lo + (hi - lo) / 2;
    if (next === r || next === lo || next === hi) break;
    r = next;
  }
  return states;
}

/** The exact r on the linear piece where units are in `states`, if that piece rises. */
export function linearLevel(input: SplitInput, states: Uint8Array): Level | undefined {
  const { lump, floor, cap, weight } = input;
  const n = states.length;
  for (let i = 0; i < n; i++) if (states[i] === CAPPED && cap[i] === Infinity) return undefined;
  const fixed = sumExact(n, (i) => (states[i] === FLOORED ? floor[i]! : states[i] === CAPPED ? cap[i]! : lump[i]!));
  let slope = 0n;
  if (input.weightBig === undefined) slope = sumExact(n, (i) => (states[i] === FREE ? weight[i]! : 0));
  else for (let i = 0; i < n; i++) if (states[i] === FREE) slope += input.weightBig[i]!;
  const num = input.budget - fixed;
  if (slope === 0n || num < 0n) return undefined;
  return { num, den: slope };
}

/** f at some r, unit by unit. */
export interface Evaluation {
  /** Whole fen of each unit's clamped amount. */
  ints: Float64Array;
  /** Each free unit's fraction of a fen times den (0 for the others), as a double: exact when `remsBig` is absent. */
  rems: Float64Array;
  /** The same remainders as bigints, when den is too large for doubles to hold them exactly. */
  remsBig?: bigint[];
  /** Σ ints, exact while `over` is false. */
  intSum: number;
  /** Σ ints passed 2^53: f(r) is certainly above any budget. */
  over: boolean;
  /** Σ rems (bigint: may pass 2^53). */
  remSum: bigint;
  /** Some unit with drivers is free just below r (f rises into r: r is the smallest root). */
  leftFree: boolean;
}

/**
 * f at r = num/den: v = L + q + rho/den with q = floor(num*S/den), rho its remainder.
 * Floors and caps are whole fen, so v < F exactly when L + q < F, and v > C exactly when
 * L + q > C, or L + q = C with rho > 0.
 */
export function evaluate(input: SplitInput, level: Level): Evaluation {
  if (input.weightBig === undefined && level.num <= SAFE_BIG && level.den < BigInt(FAST_DEN)) return evaluateFast(input, Number(level.num), Number(level.den));
  return evaluateBig(input, level);
}

function evaluateFast(input: SplitInput, num: number, den: number): Evaluation {
  const { lump, floor, cap, weight } = input;
  const n = lump.length;
  const ints = new Float64Array(n);
  const rems = new Float64Array(n);
  const r = num / den;
  const qr = { q: 0, rho: 0 };
  let intSum = 0;
  // Σ rems as carries * den + acc, exactly (acc < 2 den < 2^51).
  let acc = 0;
  let carries = 0;
  let leftFree = false;
  for (let i = 0; i < n; i++) {
    const s = weight[i]!;
    let base = lump[i]!;
    let rho = 0;
    if (s !== 0) {
      const estimate = r * s;
      if (estimate >= HUGE) base = Infinity;
      else {
        exactQuotient(num, s, den, Math.floor(estimate), qr);
        base += qr.q;
        rho = qr.rho;
      }
    }
    const f = floor[i]!;
    const c = cap[i]!;
    let v: number;
    if (base < f) v = f;
    else if (base > c || (base === c && rho > 0)) v = c;
    else {
      v = base;
      if (rho !== 0) {
        rems[i] = rho;
        acc += rho;
        if (acc >= den) {
          acc -= den;
          carries++;
        }
      }
      if (s !== 0 && (base > f || rho > 0)) leftFree = true;
    }
    ints[i] = v;
    intSum += v;
  }
  const remSum = BigInt(carries) * BigInt(den) + BigInt(acc);
  return { ints, rems, intSum, over: !(intSum <= SAFE), remSum, leftFree };
}

function evaluateBig(input: SplitInput, { num, den }: Level): Evaluation {
  const { lump, floor, cap } = input;
  const n = lump.length;
  const ints = new Float64Array(n);
  const rems = new Float64Array(n);
  const remsBig = new Array<bigint>(n).fill(0n);
  let intSum = 0;
  let remSum = 0n;
  let leftFree = false;
  for (let i = 0; i < n; i++) {
    const s = weightAt(input, i);
    let base = lump[i]!;
    let rho = 0n;
    if (s !== 0n) {
      const p = num * s;
      const q = p / den;
      if (q >= HUGE_BIG) base = Infinity;
      else {
        rho = p % den;
        base += Number(q);
      }
    }
    const f = floor[i]!;
    const c = cap[i]!;
    let v: number;
    if (base < f) v = f;
    else if (base > c || (base === c && rho > 0n)) v = c;
    else {
      v = base;
      if (rho !== 0n) {
        remsBig[i] = rho;
        rems[i] = Number(rho);
        remSum += rho;
      }
      if (s !== 0n && (base > f || rho > 0n)) leftFree = true;
    }
    ints[i] = v;
    intSum += v;
  }
  return { ints, rems, remsBig, intSum, over: !(intSum <= SAFE), remSum, leftFree };
}

/** Compares f(r) with the budget exactly: -1, 0 or 1. */
function compareToBudget(input: SplitInput, level: Level, at: Evaluation = evaluate(input, level)): number {
  if (at.over) return 1;
  const lhs = BigInt(at.intSum) * level.den + at.remSum;
  const rhs = input.budget * level.den;
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/**
 * f is flat just below r (every unit with drivers is floored or capped there): the
 * smallest r with the same f is where the last capped unit reached its cap (or 0).
 */
function flatStart(input: SplitInput, level: Level): Level {
  let best: Level = { num: 0n, den: 1n };
  for (let i = 0; i < input.lump.length; i++) {
    const c = input.cap[i]!;
    if (input.weight[i] === 0 || c === Infinity) continue;
    const s = weightAt(input, i);
    const reach = BigInt(c - input.lump[i]!);
    // Capped at r: L + r*S >= C, i.e. reach * den <= num * S.
    if (reach > 0n && reach * level.den <= level.num * s && reach * best.den > best.num * s) best = { num: reach, den: s };
  }
  return best;
}

/** Where unit i's state can change: r at which it leaves its floor or reaches its cap. */
function breakpoints(input: SplitInput): Level[] {
  const out: Level[] = [];
  for (let i = 0; i < input.lump.length; i++) {
    if (input.weight[i] === 0) continue;
    const s = weightAt(input, i);
    const L = input.lump[i]!;
    if (input.floor[i]! > L) out.push({ num: BigInt(input.floor[i]! - L), den: s });
    const c = input.cap[i]!;
    if (c !== Infinity && c > L) out.push({ num: BigInt(c - L), den: s });
  }
  return out;
}

const less = (a: Level, b: Level): boolean => a.num * b.den < b.num * a.den;

/**
 * Exact fallback: keeps f(lo) < budget <= f(hi) and halves the breakpoints between them
 * until none is left inside; f is linear there and its root is the smallest r.
 */
export function bisectLevel(input: SplitInput): Level {
  let lo: Level = { num: 0n, den: 1n };
  let hi: Level | undefined;
  let inside = breakpoints(input);
  for (;;) {
    inside = inside.filter((b) => less(lo, b) && (hi === undefined || less(b, hi)));
    if (inside.length === 0) break;
    const order = inside.map((b, i) => ({ i, x: Number(b.num) / Number(b.den) })).sort((a, b) => a.x - b.x);
    const pivot = inside[order[order.length >> 1]!.i]!;
    if (compareToBudget(input, pivot) < 0) lo = pivot;
    else hi = pivot;
  }
  const mid: Level = hi === undefined ? { num: lo.num + lo.den, den: lo.den } : { num: lo.num * hi.den + hi.num * lo.den, den: 2n * lo.den * hi.den };
  // No breakpoint lies strictly between lo and hi, so every unit keeps one state there.
  const states = new Uint8Array(input.lump.length);
  for (let i = 0; i < states.length; i++) {
    const v = BigInt(input.lump[i]!) * mid.den + mid.num * weightAt(input, i);
    const c = input.cap[i]!;
    states[i] = v < BigInt(input.floor[i]!) * mid.den ? FLOORED : c !== Infinity && v > BigInt(c) * mid.den ? CAPPED : FREE;
  }
  const level = linearLevel(input, states);
  if (level === undefined) throw new Error('bisectLevel: no rising piece between the breakpoints');
  return level;
}
