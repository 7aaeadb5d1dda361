/**
 * A synthetic county of any size for the rotation-plan benchmark and the larger tests. Seeded
 * (mulberry32), so the same options give the same county on every machine. Illustrative data.
 */
import type { z } from 'zod';
import type { planInputSchema } from '../../../formulas/rotation/plan-types.js';

type Body = z.input<typeof planInputSchema>;

export const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '体育', '音乐', '美术', '信息技术', '科学'] as const;

export interface CountyOptions {
  seed: number;
  sending: number;
  receiving: number;
  /** Teachers per sending school and per receiving school. */
  perSending: number;
  perReceiving: number;
  /** Subjects each receiving school needs (1 or 2 teachers each). */
  needsPerSchool: number;
  distances: boolean;
  /** Adds birth dates and categories and asks for the 5-year exemption as of 2025-09-01. */
  exemption: boolean;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w = 3) => String(n).padStart(w, '0');

export function syntheticCounty(o: CountyOptions): Body {
  const rand = mulberry32(o.seed);
  // Distances from their own stream, so the same county with and without distances is the same county.
  const far = mulberry32(o.seed ^ 0x9e3779b9);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sendingIds = Array.from({ length: o.sending }, (_, i) => `S${pad(i + 1)}`);
  const receivingIds = Array.from({ length: o.receiving }, (_, i) => `R${pad(i + 1)}`);
  const teachers: Body['teachers'] = [];
  // The first two teachers of a sending school are mid-career backbone teachers, so every
  // school can meet its backbone quota; the infeasible cases have their own tests.
  const addTeachers = (school: string, count: number, sending: boolean) => {
    for (let i = 0; i < count; i++) {
      const id = `T${pad(teachers.length + 1, 5)}`;
      const anchor = sending && i < 2;
      const male = rand() < 0.4;
      const year = anchor ? 1978 + Math.floor(rand() * 15) : 1962 + Math.floor(rand() * 40);
      teachers.push({
        id,
        name: `教师${id}`,
        school,
        subject: pick(SUBJECTS),
        backbone: anchor || rand() < 0.25,
        yearsAtSchool: anchor ? 8 + Math.floor(rand() * 10) : Math.floor(rand() * 30),
        ...(o.exemption
          ? {
              birthdate: `${year}-${pad(1 + Math.floor(rand() * 12), 2)}-${pad(1 + Math.floor(rand() * 28), 2)}`,
              retireCategory: male ? '男' : rand() < 0.7 ? '女干部' : '女工人',
            }
          : {}),
      });
    }
  };
  sendingIds.forEach((s) => addTeachers(s, o.perSending, true));
  receivingIds.forEach((r) => addTeachers(r, o.perReceiving, false));
  const schools: Body['schools'] = [
    ...sendingIds.map((id) => ({ id, name: `城区学校${id}`, role: 'sending' })),
    ...receivingIds.map((id) => {
      const needs: Record<string, number> = {};
      while (Object.keys(needs).length < Math.min(o.needsPerSchool, SUBJECTS.length)) needs[pick(SUBJECTS)] = 1 + Math.floor(rand() * 2);
      const distances = o.distances ? Object.fromEntries(sendingIds.map((s) => [s, Math.round((2 + far() * 78) * 10) / 10])) : undefined;
      return { id, name: `乡村学校${id}`, role: 'receiving', needs, ...(distances ? { distances } : {}) };
    }),
  ];
  return {
    teachers,
    schools,
    parameters: o.exemption ? { exemptYears: 5, asOf: '2025-09-01' } : {},
  };
}
