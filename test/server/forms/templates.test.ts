/**
 * The forms' own rules, through their `build`: amounts read exactly into fen and totals
 * equal to the budget to the fen, the backbone share rounded down, the balance verdict
 * (6 of 7 met, the rest >= 85%) compared exactly, and every shipped example printable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaledInteger } from '../../../formulas/core/exact.js';
import { forms } from '../../../server/forms/index.js';
import { formatYuan } from '../../../formulas/core/money.js';
import { moneyFen, yuan } from '../../../server/forms/money.js';
import { isProblem, type FormBody, type FormTemplate } from '../../../server/forms/template.js';
import { balanceIndicators } from '../../../server/forms/templates/balance-indicators.js';
import { publicFunds } from '../../../server/forms/templates/public-funds.js';
import { ROTATION_SHEET } from '../../../formulas/rotation/plan-sheet.js';
import { shareFloorText, teacherRotation } from '../../../server/forms/templates/teacher-rotation.js';

function build(form: FormTemplate, payload: unknown): ReturnType<FormTemplate['build']> {
  return form.build(form.schema.parse(payload));
}

describe('every shipped form', () => {
  it.each(forms.map((f) => [f.id, f] as const))('%s: its example validates and lays out without a problem', (_id, form) => {
    const body = build(form, form.example);
    expect(isProblem(body)).toBe(false);
    expect((body as FormBody).rows.length).toBeGreaterThan(0);
  });
});

describe('amounts in fen', () => {
  const money = moneyFen();

  it('reads numbers and text exactly', () => {
    expect(money.parse(1600000)).toBe(160_000_000n);
    expect(money.parse(83333.34)).toBe(8_333_334n);
    expect(money.parse(0.1)).toBe(10n);
    expect(money.parse('1,600,000.00')).toBe(160_000_000n);
    expect(money.parse(' 37647.06 ')).toBe(3_764_706n);
    expect(money.parse('5.5')).toBe(550n);
  });

  it('refuses a third decimal, a negative amount, text that is not an amount, and NaN', () => {
    for (const bad of [49.999, '49.999', -1, '-1', '1e5', '十元', Number.NaN, Number.POSITIVE_INFINITY, '']) {
      expect(money.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('the cell value of any amount reads back as the same fen, and prints as typed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), (fen) => {
        expect(scaledInteger(yuan(fen), 2)).toBe(fen);
        expect(money.parse(formatYuan(fen))).toBe(fen);
        expect(money.parse(yuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('公用经费分配表', () => {
  const payload = (budget: bigint, shares: bigint[][]) => ({
    budget: formatYuan(budget),
    drivers: shares[0]!.map((_, k) => ({ name: `因素${k + 1}` })),
    rows: shares.map((s, i) => ({ name: `单位${i + 1}`, headcount: i + 1, shares: s.map(formatYuan) })),
  });

  it('the 合计 row is the sum of the rows in integer fen and equals the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((drivers) =>
          fc.array(fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { minLength: drivers, maxLength: drivers }), { minLength: 1, maxLength: 12 }),
        ),
        (shares) => {
          const budget = shares.flat().reduce((a, b) => a + b, 0n);
          const body = build(publicFunds, payload(budget, shares)) as FormBody;
          const foot = body.footRows[0]!.cells;
          const total = foot.find((c) => c.column === 'lump')!.value as number;
          expect(scaledInteger(total, 2)).toBe(budget);
          shares[0]!.forEach((_, k) => {
            const column = shares.reduce((a, row) => a + row[k]!, 0n);
            expect(scaledInteger(foot.find((c) => c.column === `share${k}`)!.value as number, 2)).toBe(column);
          });
          body.rows.forEach((row, i) => expect(scaledInteger(row.lump as number, 2)).toBe(shares[i]!.reduce((a, b) => a + b, 0n)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('any budget other than the sum, by as little as a fen, is a problem stating the difference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).filter((d) => d !== 0n),
        (column, diff) => {
          const sum = column.reduce((a, b) => a + b, 0n);
          fc.pre(sum + diff >= 0n);
          const result = build(publicFunds, payload(sum + diff, column.map((fen) => [fen])));
          expect(isProblem(result)).toBe(true);
          const magnitude = formatYuan(diff < 0n ? -diff : diff);
          expect((result as { problem: { zh: string } }).problem.zh).toContain(`${diff < 0n ? '多' : '少'} ${magnitude} 元`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the example is one FACTORSPLIT call: the hand-worked 50/30/20 split of 1,600,000 yuan', () => {
    // Worked in fen in test/formulas/funding/factor-split.test.ts: 按人数 800,000 over 48 posts,
    // 分类别 480,000 over 25 townships, 分层次 320,000 over 8.5 tier points.
    expect(publicFunds.example.rows.map((r) => r.shares)).toEqual([
      ['150000.00', '76800.00', '56470.58'],
      ['100000.00', '76800.00', '37647.06'],
      ['100000.00', '57600.00', '37647.06'],
      ['100000.00', '57600.00', '37647.06'],
      ['83333.34', '38400.00', '37647.06'],
      ['100000.00', '76800.00', '37647.06'],
      ['83333.33', '57600.00', '37647.06'],
      ['83333.33', '38400.00', '37647.06'],
    ]);
  });

  it('the example is the seed’s 1,600,000 yuan, to the fen', () => {
    const body = build(publicFunds, publicFunds.example) as FormBody;
    const total = body.footRows[0]!.cells.find((c) => c.column === 'lump')!.value as number;
    expect(scaledInteger(total, 2)).toBe(160_000_000n);
  });
});

describe('教师交流轮岗: backbone share rounded down to 0.1%', () => {
  it('reference values', () => {
    expect(shareFloorText(2, 8)).toBe('25.0');
    expect(shareFloorText(1, 3)).toBe('33.3');
    // 2/3 = 66.66…%: printed 66.6, never rounded up to 66.7.
    expect(shareFloorText(2, 3)).toBe('66.6');
    // 1/5 exactly 20%: printed 20.0, the policy's floor (辰教小组发〔2022〕10号).
    expect(shareFloorText(1, 5)).toBe('20.0');
    expect(shareFloorText(0, 7)).toBe('0.0');
  });

  it('never prints more than the true share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((whole) => fc.tuple(fc.integer({ min: 0, max: whole }), fc.constant(whole))), ([part, whole]) => {
        const [int, dec] = shareFloorText(part, whole).split('.').map(BigInt) as [bigint, bigint];
        const shownPermille = int * 10n + dec;
        expect(shownPermille * BigInt(whole) <= BigInt(part) * 1000n).toBe(true);
        expect((shownPermille + 1n) * BigInt(whole) > BigInt(part) * 1000n).toBe(true);
      }),
    );
  });
});

describe('教师交流轮岗计划表: one definition for the plan and the printed form', () => {
  const leaves = (nodes: FormBody['columns']): { key: string; header: string }[] =>
    nodes.flatMap((n) => ('children' in n ? leaves(n.children) : [{ key: n.key, header: n.header }]));

  it('prints the columns the plan answers, in the same order', () => {
    const body = build(teacherRotation, teacherRotation.example) as FormBody;
    expect(leaves(body.columns)).toEqual(ROTATION_SHEET.columns.map((c) => ({ key: c.key, header: c.zh })));
    expect(teacherRotation.title).toBe(ROTATION_SHEET.title);
  });

  it('a teacher the plan could not place: the bureau places them, no distance printed', () => {
    const row = { teacherId: 'T9', name: '赵四', subject: '美术', fromSchool: '城关一小', toSchool: null, backbone: false, yearsAtSchool: 8, distance: null };
    const body = build(teacherRotation, { rows: [row] }) as FormBody;
    expect(body.rows[0]).toMatchObject({ toSchool: '待教育局统筹安排', distance: null });
  });
});

describe('优质均衡: the verdict rule of 教督〔2017〕6号', () => {
  const ones = [1, 1, 1, 1, 1, 1, 1];
  const verdict = (values: number[], extra: Record<string, unknown> = {}) => {
    const body = build(balanceIndicators, {
      standards: { primary: { thresholds: ones, cvLimit: 0.5 } },
      schools: [{ name: '某小学', stage: 'primary', enrolment: 100, values }],
      ...extra,
    }) as FormBody;
    const row = body.rows[0]!;
    return [row.metCount, row.unmet, row.verdict];
  };

  it('6 met and the 7th at exactly 85% passes; at 84.99% it fails', () => {
    expect(verdict([1, 1, 1, 1, 1, 1, 0.85])).toEqual([6, '⑦ 85.0%', '达标']);
    expect(verdict([1, 1, 1, 1, 1, 1, 0.8499])).toEqual([6, '⑦ 84.9%', '未达标']);
  });

  it('a value equal to its standard is met, compared on the decimals as typed (0.1 + 0.2 style values)', () => {
    const body = build(balanceIndicators, {
      standards: { primary: { thresholds: [0.3, 1, 0.9, 4.5, 7.5, 2000, 2.3], cvLimit: 0.5 } },
      schools: [{ name: '某小学', stage: '小学', enrolment: 100, values: [0.3, 1, 0.9, 4.5, 7.5, 2000, 2.3] }],
    }) as FormBody;
    expect(body.rows[0]!.metCount).toBe(7);
  });

  it('5 met fails by default and passes when the county rule asks for 5', () => {
    expect(verdict([1, 1, 1, 1, 1, 0.9, 0.9])[2]).toBe('未达标');
    expect(verdict([1, 1, 1, 1, 1, 0.9, 0.9], { minMet: 5 })[2]).toBe('达标');
  });

  it('a CV over its limit is named in the CV row', () => {
    const body = build(balanceIndicators, {
      standards: { primary: { thresholds: ones, cvLimit: 0.5 } },
      schools: [{ name: '某小学', stage: 'primary', enrolment: 100, values: ones }],
      cv: { primary: [0.1, 0.5, 0.51, 0.2, 0.3, 0.6, 0.4] },
    }) as FormBody;
    const cvRow = body.footRows.at(-1)!.cells;
    expect(cvRow[0]!.value).toBe('差异系数（小学）');
    // 0.50 is within the limit (<=); 0.51 and 0.6 are over.
    expect(cvRow.at(-1)!.value).toBe('≤0.50：未达标（③⑥）');
  });

  it('passing never depends on the order of the indicators', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 7, maxLength: 7 }), (percents) => {
        const values = percents.map((p) => p / 100);
        const reversed = [...values].reverse();
        expect(verdict(values)[2]).toBe(verdict(reversed)[2]);
        const met = percents.filter((p) => p >= 100).length;
        const floorHeld = percents.every((p) => p >= 85);
        expect(verdict(values)[2]).toBe(met >= 6 && floorHeld ? '达标' : '未达标');
      }),
    );
  });
});
