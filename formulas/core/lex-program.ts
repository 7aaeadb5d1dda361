/**
 * A linear or mixed-integer program whose objectives are minimised one after another, each
 * over the optimal solutions of those before it (lexicographic), described as plain arrays so
 * that formulas/ can build it without a solver; the service solves it with HiGHS
 * (server/solvers/highs.ts). The matrix is in compressed sparse column form.
 */

export interface LexProgram {
  numCols: number;
  numRows: number;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /**
   * In priority order; integer costs, so optimal duals are integers on a unimodular matrix.
   * `floor`, when known, is a value no solution can go below (e.g. minus the schools that have
   * any receiver): a start that reaches it is optimal for that stage without a solve.
   * `floorRows`: rows that say the same as the floor, one item each (e.g. each such school
   * moves at most once): when the stage reaches its floor, making each of them an equality at
   * its upper bound holds the stage exactly, and much more tightly than one row over its sum.
   */
  objectives: { name: string; cost: Float64Array; floor?: number; floorRows?: Int32Array }[];
  /** 1 where a column must take a whole value (a MIP); absent: every column is continuous. */
  integer?: Uint8Array;
}

export interface LexStage {
  name: string;
  /** The stage's objective value at the answer. */
  value: number;
  ms: number;
  iterations: number;
}

/** A MIP stage also carries the solver's proven bound: value − bound is the gap still open. */
export interface MipStage extends LexStage {
  /** The best lower bound HiGHS proved (minimisation): no solution does better; −∞ when stopped before proving one. */
  bound: number;
  /** True when value = bound, i.e. optimality of this stage was proven. */
  proven: boolean;
}

export type LexSolution =
  | {
      status: 'optimal';
      x: Float64Array;
      stages: LexStage[];
      /** Column bounds of the last stage's optimal face: the optimal solutions of every stage are exactly the feasible points within them. */
      faceLower: Float64Array;
      faceUpper: Float64Array;
    }
  | { status: 'infeasible' | 'error'; message: string };

/** A lexicographic MIP's answer: `proven` false when a time limit stopped a stage before its bound met its value. */
export type MipSolution = { status: 'solved'; proven: boolean; x: Float64Array; stages: MipStage[] } | { status: 'infeasible' | 'error'; message: string };

/** Solves a LexProgram: the service passes HiGHS (server/solvers/highs.ts); tests may pass another. */
export type LexSolver = (program: LexProgram) => Promise<LexSolution>;

/** Solves a lexicographic MIP within a time budget in seconds for all its stages, from a known feasible start. */
export type MipSolver = (program: LexProgram, timeLimitSeconds: number, start?: Float64Array) => Promise<MipSolution>;

/** Collects columns and rows, then hands them over as a LexProgram. */
export class ProgramBuilder {
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly integer: number[] = [];
  private readonly costs: number[][];
  private readonly floors = new Map<string, { value: number; rows: readonly number[] }>();

  constructor(private readonly objectives: readonly string[]) {
    this.costs = objectives.map(() => []);
  }

  /** A row lower ≤ a·x ≤ upper; one bound given: an equality. */
  row(lower: number, upper = lower): number {
    this.rowUpper.push(upper);
    return this.rowLower.push(lower) - 1;
  }

  col(lower: number, upper: number, entries: readonly (readonly [number, number])[], cost: Readonly<Record<string, number>> = {}, integer = false): number {
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    for (const [row, value] of entries) {
      this.indices.push(row);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.objectives.forEach((name, i) => this.costs[i]!.push(cost[name] ?? 0));
    return this.lower.length - 1;
  }

  /** Declares a value no solution can go below for one objective, and the rows that hold it there (see LexProgram.objectives). */
  floor(objective: string, value: number, rows: readonly number[] = []): void {
    this.floors.set(objective, { value, rows });
  }

  build(): LexProgram {
    const program: LexProgram = {
      numCols: this.lower.length,
      numRows: this.rowLower.length,
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.indices),
      values: Float64Array.from(this.values),
      objectives: this.objectives.map((name, i) => {
        const floor = this.floors.get(name);
        const held = floor === undefined ? {} : { floor: floor.value, ...(floor.rows.length > 0 ? { floorRows: Int32Array.from(floor.rows) } : {}) };
        return { name, cost: Float64Array.from(this.costs[i]!), ...held };
      }),
    };
    if (this.integer.some((v) => v === 1)) program.integer = Uint8Array.from(this.integer);
    return program;
  }
}
