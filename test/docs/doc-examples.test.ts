/**
 * Every worked example in the docs and in the code's doc comments is executed, as mathjs
 * does (test/node-tests/doc.test.js): a line `=EDU.NAME(args) → result` promises that
 * result, so it must be what the function gives. (docs/functions.md is generated from the
 * registry's own examples, which test/formulas/examples.test.ts executes.)
 *
 * - Arguments are Excel literals: numbers, "text", TRUE/FALSE, array constants {1;2|3,4},
 *   an empty argument for an omitted one, and a/b fractions.
 * - A cell range in an example is bound to values by a comment in the same file:
 *   `<!-- example-cells: B2:B9 = {18200;12100;…} -->`, which the reader sees as the table.
 * - The result is an array constant or a JSON value (optionally in backticks), or
 *   "同上" / "the same" for the example before it. A formula without → is an
 *   illustration of the call's shape and is not executed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';

const root = path.join(import.meta.dirname, '..', '..');

/** Lines that show something other than a calculation, with the reason. */
const NOT_CALCULATIONS: Record<string, string> = {
  // How a formula is stored in the .xlsx, not what it computes.
  '=EDU.APPORTION(48,B4:B11,"hamilton",1)': 'docs/example-workbook.md shows the stored _xldudf_ form',
};

function filesUnder(dir: string, ext: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) return filesUnder(path.join(dir, name), ext);
    return name.endsWith(ext) ? [path.join(dir, name)] : [];
  });
}

const sources = [
  'README.md',
  ...filesUnder('docs', '.md').filter((f) => f !== path.join('docs', 'functions.md')),
  ...['formulas', 'server', 'addin', 'examples'].flatMap((dir) => filesUnder(dir, '.ts')),
];

type Value = number | string | boolean | null | Value[][];

/** A small reader for Excel literals: enough for worked examples, nothing else. */
class LiteralReader {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly cells: Record<string, Value>,
  ) {}

  done(): boolean {
    this.space();
    return this.i >= this.text.length;
  }

  private space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  private peek(): string | undefined {
    this.space();
    return this.text[this.i];
  }

  /** One argument; an empty one (between two commas) is the omitted optional, null. */
  argument(): Value {
    const c = this.peek();
    if (c === ',' || c === ')' || c === undefined) return null;
    return this.value();
  }

  value(): Value {
    const c = this.peek();
    if (c === '{') return this.array();
    if (c === '"') return this.string();
    const ref = /^[A-Z]{1,3}\d+:[A-Z]{1,3}\d+/.exec(this.text.slice(this.i));
    if (ref) {
      this.i += ref[0].length;
      const bound = this.cells[ref[0]];
      if (bound === undefined) throw new Error(`${ref[0]} has no <!-- example-cells: ${ref[0]} = {…} --> in this file`);
      return bound;
    }
    const word = /^(TRUE|FALSE)\b/i.exec(this.text.slice(this.i));
    if (word) {
      this.i += word[0].length;
      return word[0].toUpperCase() === 'TRUE';
    }
    const num = /^-?\d+(\.\d+)?(%|\/\d+)?/.exec(this.text.slice(this.i));
    if (!num) throw new Error(`cannot read an Excel literal at "${this.text.slice(this.i, this.i + 20)}"`);
    this.i += num[0].length;
    const [whole, , tail] = num;
    const base = Number(whole.replace(/(%|\/\d+)$/, ''));
    if (tail === '%') return base / 100;
    if (tail?.startsWith('/')) return base / Number(tail.slice(1));
    return base;
  }

  private string(): string {
    let out = '';
    for (this.i++; ; this.i++) {
      const c = this.text[this.i];
      if (c === undefined) throw new Error('unterminated string');
      if (c === '"') {
        if (this.text[this.i + 1] !== '"') break;
        this.i++;
      }
      out += c;
    }
    this.i++;
    return out;
  }

  private array(): Value[][] {
    this.i++;
    const rows: Value[][] = [[]];
    for (;;) {
      rows[rows.length - 1]!.push(this.value() as Value);
      const sep = this.peek();
      this.i++;
      if (sep === '}') return rows;
      if (sep === ';') rows.push([]);
      else if (sep !== ',') throw new Error(`expected , ; or } in an array constant, found "${sep}"`);
    }
  }

  expect(c: string): void {
    if (this.peek() !== c) throw new Error(`expected "${c}" at "${this.text.slice(this.i, this.i + 20)}"`);
    this.i++;
  }

  /** The arguments of a call, after the opening parenthesis, up to the closing one. */
  callArguments(): Value[] {
    const args: Value[] = [];
    if (this.peek() === ')') {
      this.i++;
      return args;
    }
    for (;;) {
      args.push(this.argument());
      const c = this.peek();
      this.i++;
      if (c === ')') return args;
      if (c !== ',') throw new Error(`expected , or ) in the arguments, found "${c}"`);
    }
  }

  /** What is left after the call. */
  rest(): string {
    return this.text.slice(this.i);
  }
}

/** The promised result: an array constant, a JSON value, a bare number list, or undefined. */
function promised(text: string): Value | undefined {
  const t = text.trim().replace(/^`([^`]*)`.*$/s, '$1').trim();
  if (t.startsWith('{')) return new LiteralReader(t, {}).value();
  if (t.startsWith('[') || /^-?\d/.test(t)) {
    try {
      return JSON.parse(t) as Value;
    } catch {
      // 9;6;6 or 7;2;1 followed by prose: Excel's row/column separators without the braces.
      const list = /^-?\d+(\.\d+)?([;,]-?\d+(\.\d+)?)*/.exec(t);
      if (list) return new LiteralReader(`{${list[0]}}`, {}).value();
    }
  }
  return undefined;
}

/** Results compare as 2-D arrays: one value is a 1 × 1 range. */
const asGrid = (v: unknown): unknown => (Array.isArray(v) ? v : [[v]]);

interface Example {
  file: string;
  line: number;
  formula: string;
  id: string;
  args: Value[];
  expected: Value | 'previous';
}

function examplesIn(file: string): Example[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const cells: Record<string, Value> = {};
  for (const m of text.matchAll(/<!-- example-cells: ([A-Z]+\d+:[A-Z]+\d+) = (\{[^}]*\}) -->/g)) cells[m[1]!] = new LiteralReader(m[2]!, {}).value();
  const found: Example[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const m of lineText.matchAll(/=EDU\.([A-Z][A-Z0-9.]*)\(/g)) {
      const reader = new LiteralReader(lineText.slice(m.index + m[0].length), cells);
      const after = lineText.slice(m.index);
      const arrow = after.indexOf('→');
      if (arrow < 0) continue;
      const formula = after.slice(0, after.indexOf(')') + 1);
      if (Object.keys(NOT_CALCULATIONS).some((skip) => after.startsWith(skip))) continue;
      const args = reader.callArguments();
      const result = reader.rest().replace(/^[`\s]*→/, '');
      const same = /^\s*(同上|the same)/.test(result);
      const expected = same ? 'previous' : promised(result);
      if (expected === undefined) throw new Error(`${file}:${index + 1}: the result after → cannot be read: ${result.trim().slice(0, 40)}`);
      found.push({ file, line: index + 1, formula, id: m[1]!, args, expected });
    }
  });
  return found;
}

const examples = sources.flatMap(examplesIn);

describe('worked examples in the docs and doc comments', () => {
  it('finds the examples it should (at least the APPORTION ones in docs/apportion.md)', () => {
    expect(examples.filter((e) => e.file === path.join('docs', 'apportion.md')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((e, i) => [`${e.file}:${e.line} ${e.formula}`, e, i] as const))('%s', (_name, example, i) => {
    const def = findFormula(example.id);
    expect(def, `EDU.${example.id} is not in the registry`).toBeDefined();
    let j = i;
    while (examples[j]!.expected === 'previous') j--;
    const expected = examples[j]!.expected;
    expect(asGrid(invoke(def!, example.args, { profiles: shippedProfileSource }))).toEqual(asGrid(expected));
  });
});
