/**
 * Every form's example payload is exported through the service and the .xlsx read back
 * with SheetJS (not exceljs, which wrote it): each cell against the payload, the merges,
 * the totals to the fen, the print settings and the typefaces.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import type { FormGrid } from '../../../server/forms/grid.js';
import { fenOf, fenOfTyped, partOf, readBack, type ReadBack } from './read-back.js';

const app = createApp();

async function exportForm(id: string, payload: unknown, query = ''): Promise<{ xlsx: Buffer; disposition: string }> {
  const res = await request(app)
    .post(`/api/v1/forms/${id}${query}`)
    .send(payload as object)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status, String(res.body)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
  return { xlsx: res.body as Buffer, disposition: String(res.headers['content-disposition']) };
}

async function exampleOf(id: string): Promise<Record<string, any>> {
  const res = await request(app).get(`/api/v1/forms/${id}/example`);
  expect(res.status).toBe(200);
  return res.body;
}

/** The 0-based row whose first cells read `first`. */
function rowStarting(book: ReadBack, ...first: unknown[]): number {
  const i = book.values.findIndex((row) => first.every((v, k) => row[k] === v));
  expect(i, `a row starting ${JSON.stringify(first)}`).toBeGreaterThanOrEqual(0);
  return i;
}

function decodeRfc5987(disposition: string): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  expect(m).not.toBeNull();
  return decodeURIComponent(m![1]!);
}

describe('学区教育事务中心岗位设置表 (seed 000)', () => {
  let payload: Record<string, any>;
  let book: ReadBack;
  let xlsx: Buffer;
  let disposition: string;
  beforeAll(async () => {
    payload = await exampleOf('district-centre-posts');
    ({ xlsx, disposition } = await exportForm('district-centre-posts', payload));
    book = readBack(xlsx);
  });

  it('the example is the seed table: 9/6/6/6/5/6/5/5 = 48', () => {
    // 平办发〔2023〕22号 (2): 第一 1+8, 第二—第四 1+5, 第五 1+4, 第六 1+5, 第七—第八 1+4.
    const subtotals = payload.rows.map((r: { director: number; deputies: number }) => r.director + r.deputies);
    expect(subtotals).toEqual([9, 6, 6, 6, 5, 6, 5, 5]);
    expect(payload.establishment).toBe(48);
  });

  it('lays the header out as the seed: 单位名称 | 岗位设置 over 书记兼主任, 副主任及专干 | 小计', () => {
    const top = rowStarting(book, '单位名称');
    expect(book.values[top]!.slice(0, 4)).toEqual(['单位名称', '岗 位 设 置', null, '小计']);
    expect(book.values[top + 1]!.slice(1, 3)).toEqual(['书记兼主任', '副主任及专干']);
    expect(book.values[top + 2]![2]).toBe(payload.deputyDuties);
    const r = (n: number) => n + 1;
    expect(book.merges).toEqual(
      [
        `A1:D1`,
        `A2:D2`,
        `A3:D3`,
        `A${r(top)}:A${r(top + 2)}`,
        `B${r(top)}:C${r(top)}`,
        `B${r(top + 1)}:B${r(top + 2)}`,
        `D${r(top)}:D${r(top + 2)}`,
        // 3 header rows, 8 centres, 合计, a spacer, then the two signature lines.
        `A${r(top + 13)}:B${r(top + 13)}`,
        `C${r(top + 13)}:D${r(top + 13)}`,
        `A${r(top + 14)}:B${r(top + 14)}`,
        `C${r(top + 14)}:D${r(top + 14)}`,
      ].sort(),
    );
  });

  it('holds every row of the payload, cell by cell, with 小计 = 书记兼主任 + 副主任及专干', () => {
    const first = rowStarting(book, payload.rows[0].name);
    payload.rows.forEach((r: { name: string; director: number; deputies: number }, i: number) => {
      expect(book.values[first + i]!.slice(0, 4)).toEqual([r.name, r.director, r.deputies, r.director + r.deputies]);
    });
    expect(book.values[first + payload.rows.length]!.slice(0, 4)).toEqual(['合 计', null, null, 48]);
  });

  it('prints A4 portrait, one page wide, header rows repeated, signature lines present', async () => {
    const top = rowStarting(book, '单位名称');
    const titles = book.names.find((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles?.Ref).toContain(`$${top + 1}:$${top + 3}`);
    const sheet = await partOf(xlsx, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheet).toContain('fitToPage="1"');
    const flat = book.values.flat();
    expect(flat).toContain('填报单位（盖章）：');
    expect(flat).toContain('负责人：');
    expect(flat).toContain('填报人：');
    expect(flat.some((v) => typeof v === 'string' && v.startsWith('填报日期：'))).toBe(true);
  });

  it('names the official typefaces with charset GB2312, or the common ones with ?fonts=common', async () => {
    const styles = await partOf(xlsx, 'xl/styles.xml');
    expect(styles).toContain('<name val="方正小标宋简体"/>');
    expect(styles).toContain('<name val="仿宋_GB2312"/>');
    expect(styles).toContain('<charset val="134"/>');
    const common = await exportForm('district-centre-posts', payload, '?fonts=common');
    const commonStyles = await partOf(common.xlsx, 'xl/styles.xml');
    expect(commonStyles).toContain('<name val="宋体"/>');
    expect(commonStyles).toContain('<name val="仿宋"/>');
    expect(commonStyles).not.toContain('仿宋_GB2312');
  });

  it('names the file in Chinese (RFC 5987) with an ASCII fallback', () => {
    expect(disposition).toContain('attachment; filename="district-centre-posts.xlsx"');
    expect(decodeRfc5987(disposition)).toBe('学区教育事务中心岗位设置表.xlsx');
    expect(book.sheetNames).toEqual(['学区教育事务中心岗位设置表']);
  });
});

describe('公用经费分配表: 1,600,000 yuan to the fen', () => {
  let payload: Record<string, any>;
  let book: ReadBack;
  beforeAll(async () => {
    payload = await exampleOf('public-funds');
    book = readBack((await exportForm('public-funds', payload)).xlsx);
  });

  it('holds each centre’s shares and lump sum exactly, and the 合计 row equals the budget', () => {
    const first = rowStarting(book, '1', payload.rows[0].name);
    let total = 0n;
    const driverTotals = payload.drivers.map(() => 0n);
    payload.rows.forEach((r: { name: string; headcount: number; shares: string[] }, i: number) => {
      const row = book.values[first + i]!;
      expect(row.slice(0, 3)).toEqual([String(i + 1), r.name, r.headcount]);
      const shares = r.shares.map(fenOfTyped);
      shares.forEach((fen, k) => {
        expect(fenOf(row[3 + k])).toBe(fen);
        driverTotals[k] += fen;
      });
      const lump = shares.reduce((a, b) => a + b, 0n);
      expect(fenOf(row[3 + shares.length])).toBe(lump);
      total += lump;
    });
    const foot = book.values[first + payload.rows.length]!;
    expect(foot.slice(0, 3)).toEqual(['合 计', null, 48]);
    driverTotals.forEach((fen: bigint, k: number) => expect(fenOf(foot[3 + k])).toBe(fen));
    // 800,000 + 480,000 + 320,000 by driver; 1,600,000.00 in all, to the fen.
    expect(driverTotals).toEqual([80_000_000n, 48_000_000n, 32_000_000n]);
    expect(total).toBe(160_000_000n);
    expect(fenOf(foot[3 + payload.drivers.length])).toBe(160_000_000n);
  });

  it('merges the 分配金额（元） group over the drivers and 合 计 over 序号 and 单位名称', () => {
    const top = rowStarting(book, '序号');
    const r = top + 1;
    expect(book.values[top]!.slice(0, 7)).toEqual(['序号', '单位名称', '人数', '分配金额（元）', null, null, '合计（元）']);
    expect(book.values[top + 1]!.slice(3, 6)).toEqual(['按人数', '分类别', '分层次']);
    expect(book.merges).toContain(`D${r}:F${r}`);
    const foot = rowStarting(book, '合 计') + 1;
    expect(book.merges).toContain(`A${foot}:B${foot}`);
  });
});

describe('教师交流轮岗计划表', () => {
  it('holds every teacher and counts the backbone share', async () => {
    const payload = await exampleOf('teacher-rotation');
    const book = readBack((await exportForm('teacher-rotation', payload)).xlsx);
    const first = rowStarting(book, '1', payload.rows[0].teacherId);
    payload.rows.forEach((r: Record<string, any>, i: number) => {
      expect(book.values[first + i]!.slice(0, 9)).toEqual([
        String(i + 1),
        r.teacherId,
        r.name,
        r.subject,
        r.fromSchool,
        r.toSchool,
        r.backbone ? '是' : '否',
        r.yearsAtSchool,
        r.distance,
      ]);
    });
    // 8 teachers, 2 backbone (张某某, 赵某某): 2/8 = 25.0%.
    const foot = book.values[first + payload.rows.length]!;
    expect(foot[0]).toBe('合 计');
    expect(foot[4]).toBe('交流 8 人，其中骨干教师 2 人，占 25.0%');
  });
});

describe('优质均衡指标达标情况表', () => {
  it('holds each school’s 7 values and judges it by 教督〔2017〕6号', async () => {
    const payload = await exampleOf('balance-indicators');
    const book = readBack((await exportForm('balance-indicators', payload)).xlsx);
    const first = rowStarting(book, '1', payload.schools[0].name);
    // By hand, against 小学 4.2/1/0.9/4.5/7.5/2000/2.3 and 初中 5.3/1/0.9/5.8/10.2/2500/2.4:
    //  城关第一小学 ⑤ 5.9 < 7.5 and 5.9/7.5 = 78.66% < 85%         -> 6 met, 未达标
    //  城关第二小学 all met                                          -> 7, 达标
    //  长寿镇中心小学 ③ 0.8/0.9 = 88.88%                             -> 6, 达标
    //  木金乡中心小学 ② 0.9/1 = 90.0%                                -> 6, 达标
    //  龙门镇中心小学 ① 3.9 ② 0.8 ⑥ 1950 short                      -> 4, 未达标
    //  县实验中学 ⑤ 8.4/10.2 = 82.35%                                -> 6, 未达标
    //  南江镇中学 ③ 0.9 = 0.9 is met (exact), all met                -> 7, 达标
    //  板江乡中学 ① 5.0/5.3 = 94.33%                                 -> 6, 达标
    const expected: [number, string, string][] = [
      [6, '⑤ 78.6%', '未达标'],
      [7, null as unknown as string, '达标'],
      [6, '③ 88.8%', '达标'],
      [6, '② 90.0%', '达标'],
      [4, '① 92.8%\n② 80.0%\n⑥ 97.5%', '未达标'],
      [6, '⑤ 82.3%', '未达标'],
      [7, null as unknown as string, '达标'],
      [6, '① 94.3%', '达标'],
    ];
    payload.schools.forEach((s: Record<string, any>, i: number) => {
      const row = book.values[first + i]!;
      expect(row.slice(0, 11)).toEqual([String(i + 1), s.name, s.stage, s.enrolment, ...s.values]);
      expect(row.slice(11, 14)).toEqual(expected[i]);
    });
    const std = book.values[first + payload.schools.length]!;
    expect(std.slice(0, 1)).toEqual(['标准值（小学）']);
    expect(std.slice(4, 12)).toEqual([...payload.standards.primary.thresholds, '至少6项达标，其余不低于85%']);
    const cv = book.values[first + payload.schools.length + 2]!;
    expect(cv[0]).toBe('差异系数（小学）');
    expect(cv.slice(4, 12)).toEqual([...payload.cv.primary, '≤0.50：达标']);
  });

  it('the example CVs are the enrolment-weighted ones of the example values, to 3 decimals', async () => {
    const payload = await exampleOf('balance-indicators');
    for (const stage of ['小学', '初中']) {
      const schools = payload.schools.filter((s: { stage: string }) => s.stage === stage);
      const cvs = payload.cv[stage === '小学' ? 'primary' : 'junior'];
      for (let k = 0; k < 7; k++) {
        // X̄ = ΣPᵢXᵢ/P, S = √(ΣPᵢ(Xᵢ−X̄)²/P), CV = S/X̄ (DESIGN.md §2; no n−1).
        const P = schools.reduce((a: number, s: { enrolment: number }) => a + s.enrolment, 0);
        const mean = schools.reduce((a: number, s: { enrolment: number; values: number[] }) => a + s.enrolment * s.values[k]!, 0) / P;
        const variance = schools.reduce((a: number, s: { enrolment: number; values: number[] }) => a + s.enrolment * (s.values[k]! - mean) ** 2, 0) / P;
        expect(cvs[k]).toBeCloseTo(Math.sqrt(variance) / mean, 3);
      }
    }
  });
});

describe('重点任务分工及进展表 (seed 004)', () => {
  it('holds the 24 tasks in the seed’s columns and repeats the header on every page', async () => {
    const payload = await exampleOf('key-tasks');
    const { xlsx } = await exportForm('key-tasks', payload);
    const book = readBack(xlsx);
    const top = rowStarting(book, '序号');
    expect(book.values[top]).toEqual(['序号', '目标任务', '具体要求', '进展情况', '牵头部门', '责任部门', '县教育局\n牵头联络\n股室']);
    expect(payload.rows).toHaveLength(24);
    payload.rows.forEach((r: Record<string, string>, i: number) => {
      expect(book.values[top + 1 + i]).toEqual([String(i + 1), r.task, r.requirements, null, r.lead, r.responsible, r.liaison]);
    });
    expect(book.values[top + 1]![1]).toBe('深入学习贯彻习近平总书记关于教育的重要论述。');
    expect(book.values[top + 24]![4]).toBe('县政府教育督导委员会');
    expect(book.names.find((n) => n.Name === '_xlnm.Print_Titles')?.Ref).toContain(`$${top + 1}:$${top + 1}`);
    expect(await partOf(xlsx, 'xl/worksheets/sheet1.xml')).toMatch(/orientation="landscape"/);
  });
});

describe('POST /api/v1/forms/{id}/layout', () => {
  it.each(['district-centre-posts', 'public-funds', 'teacher-rotation', 'balance-indicators', 'key-tasks'])(
    '%s: the grid the pane writes is the sheet the .xlsx holds',
    async (id) => {
      const payload = await exampleOf(id);
      const layout = await request(app).post(`/api/v1/forms/${id}/layout`).send(payload);
      expect(layout.status).toBe(200);
      const grid = layout.body as FormGrid;
      const book = readBack((await exportForm(id, payload)).xlsx);
      grid.cells.forEach((row, r) => row.forEach((cell, c) => expect(book.values[r]?.[c] ?? null, `${id} ${r},${c}`).toEqual(cell.value)));
      expect(grid.merges.map((m) => m.ref).sort()).toEqual(book.merges);
      for (const cell of grid.cells.flat()) expect(grid.styles[cell.style], cell.style).toBeDefined();
      expect(grid.print).toMatchObject({ paperSize: 'A4', fitToWidth: 1, fitToHeight: 0 });
    },
  );
});
