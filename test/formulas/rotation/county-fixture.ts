/**
 * A small illustrative county for the rotation-plan tests: two sending (urban) schools and
 * three receiving (rural) schools. Its optimum is worked out by hand in plan.test.ts.
 */
import type { z } from 'zod';
import type { planInputSchema } from '../../../formulas/rotation/plan-types.js';

type Body = z.input<typeof planInputSchema>;

const teacher = (id: string, school: string, subject: string, backbone: boolean, yearsAtSchool: number) => ({
  id,
  name: `教师${id}`,
  school,
  subject,
  backbone,
  yearsAtSchool,
});

export function smallCounty(): Body {
  return {
    teachers: [
      teacher('a01', 'S1', '数学', false, 20),
      teacher('a02', 'S1', '语文', false, 18),
      teacher('a03', 'S1', '体育', false, 16),
      teacher('a04', 'S1', '英语', false, 15),
      teacher('a05', 'S1', '数学', true, 14),
      teacher('a06', 'S1', '语文', false, 12),
      teacher('a07', 'S1', '英语', true, 11),
      teacher('a08', 'S1', '音乐', false, 10),
      teacher('a09', 'S1', '数学', false, 9),
      teacher('a10', 'S1', '语文', false, 8),
      teacher('a11', 'S1', '英语', false, 7),
      teacher('a12', 'S1', '数学', true, 3),
      teacher('b01', 'S2', '体育', true, 25),
      teacher('b02', 'S2', '语文', false, 19),
      teacher('b03', 'S2', '英语', true, 17),
      teacher('b04', 'S2', '数学', false, 13),
      teacher('b05', 'S2', '英语', false, 12),
      teacher('b06', 'S2', '美术', false, 11),
      teacher('b07', 'S2', '语文', false, 10),
      teacher('b08', 'S2', '数学', false, 9),
      teacher('b09', 'S2', '科学', false, 8),
      teacher('b10', 'S2', '英语', false, 6),
      teacher('b11', 'S2', '数学', true, 4),
      teacher('r01', 'R1', '数学', false, 9),
    ],
    schools: [
      { id: 'S1', name: '城关一小', role: 'sending' },
      { id: 'S2', name: '城关二小', role: '城镇' },
      { id: 'R1', name: '河西小学', role: 'receiving', needs: { 数学: 1, 英语: 1 }, distances: { S1: 5, S2: 20 } },
      { id: 'R2', name: '山口小学', role: '乡村', needs: { 语文: 1, 数学: 1 }, distances: { S1: 15, S2: 8 } },
      { id: 'R3', name: '北坡小学', role: 'rural', needs: { 英语: 1 }, distances: { S1: 30, S2: 12 } },
    ],
  };
}
