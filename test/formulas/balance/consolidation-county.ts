/** The consolidation planners' test counties: one worked by hand, and random small ones. */
import fc from 'fast-check';

/**
 * A small county worked out by hand (thresholds 10 then 30, "以下" includes the number, at
 * most 20 km):
 *
 *   id  name        pupils teachers temp capacity  note
 *   C1  城关中心小学  400     25      0    450      receiver, 50 free
 *   C2  西江中心小学  300     20      0    310      receiver, 10 free
 *   G   庚小学        45      4       0     50      receiver (45 > 30), 5 free
 *   A   甲教学点       6      2       1              stage 1
 *   B   乙教学点       9      2       0              stage 1
 *   F   己教学点      10      2       0              stage 1 (10 is "10人以下")
 *   K   丙教学点       4      1       1              kept: families disagree
 *   D   丁小学        25      3       1              stage 2
 *   E   戊小学        28      4       1              stage 2
 *
 *   distances km: A–C1 8, A–C2 12, A–G 3; B–C1 15, B–C2 6; F–C1 20, F–C2 9, F–G 25;
 *                 D–C1 5, D–C2 30; E–C1 7, E–C2 4; K–C2 2
 *
 * Stage 1 (≤ 10): K is kept. Receivers in range: F 2 (C1, C2; G is 25 km), B 2, A 3.
 *   Order: fewest options, then larger first: F (2, 10), B (2, 9), A (3, 6).
 *   F → nearest C2 (9 km) has 10 free: placed, C2 now 0 free.
 *   B → nearest C2 (6 km) is full; next C1 (15 km) has 50: placed, C1 41 free.
 *   A → nearest G (3 km) has 5 free < 6; next C1 (8 km) has 41: placed, C1 35 free.
 *   3 schools, 25 pupils, 6 teachers, 1 temporary staff.
 * Stage 2 (≤ 30): D has 1 option (C1; C2 is 30 km), E has 2.
 *   D → C1 (5 km) has 35 ≥ 25: placed, C1 10 free.
 *   E → nearest C2 (4 km) is full, C1 (7 km) has 10 < 28: not placed; it lacks 28 seats at C2.
 *   1 school, 25 pupils, 3 teachers, 1 temporary staff.
 * Totals: 4 schools merged, 50 pupils placed, 9 teachers, 2 temporary staff, 28 seats short.
 */
export const workedCounty = {
  schools: [
    { id: 'C1', name: '城关中心小学', pupils: 400, teachers: 25, capacity: 450 },
    { id: 'C2', name: '西江中心小学', pupils: 300, teachers: 20, capacity: 310 },
    { id: 'G', name: '庚小学', pupils: 45, teachers: 4, capacity: 50 },
    { id: 'A', name: '甲教学点', pupils: 6, teachers: 2, temporaryStaff: 1 },
    { id: 'B', name: '乙教学点', pupils: 9, teachers: 2 },
    { id: 'F', name: '己教学点', pupils: 10, teachers: 2 },
    { id: 'K', name: '丙教学点', pupils: 4, teachers: 1, temporaryStaff: 1, kept: true },
    { id: 'D', name: '丁小学', pupils: 25, teachers: 3, temporaryStaff: 1 },
    { id: 'E', name: '戊小学', pupils: 28, teachers: 4, temporaryStaff: 1 },
  ],
  distances: [
    { from: 'A', to: 'C1', km: 8 },
    { from: 'A', to: 'C2', km: 12 },
    { from: 'G', to: 'A', km: 3 },
    { from: 'B', to: 'C1', km: 15 },
    { from: 'B', to: 'C2', km: 6 },
    { from: 'F', to: 'C1', km: 20 },
    { from: 'F', to: 'C2', km: 9 },
    { from: 'F', to: 'G', km: 25 },
    { from: 'D', to: 'C1', km: 5 },
    { from: 'D', to: 'C2', km: 30 },
    { from: 'E', to: 'C1', km: 7 },
    { from: 'E', to: 'C2', km: 4 },
    { from: 'K', to: 'C2', km: 2 },
  ],
  thresholds: [10, 30],
  maxDistanceKm: 20,
};

/** Random small counties: 1–5 receivers, up to 15 small schools. */
export const countyArb = fc
  .record({
    receivers: fc.array(fc.record({ pupils: fc.integer({ min: 31, max: 800 }), spare: fc.integer({ min: -20, max: 60 }) }), { minLength: 1, maxLength: 5 }),
    small: fc.array(
      fc.record({
        pupils: fc.integer({ min: 0, max: 30 }),
        teachers: fc.integer({ min: 0, max: 6 }),
        temporaryStaff: fc.integer({ min: 0, max: 2 }),
        kept: fc.boolean(),
      }),
      { maxLength: 15 },
    ),
    km: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), { minLength: 75, maxLength: 75 }),
    maxDistanceKm: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    expansion: fc.boolean(),
  })
  .map(({ receivers, small, km, maxDistanceKm, expansion }) => {
    const schools = [
      ...receivers.map((r, i) => ({ id: `R${i}`, name: `接收${i}`, pupils: r.pupils, capacity: Math.max(0, r.pupils + r.spare) })),
      ...small.map((s, i) => ({ id: `S${i}`, name: `小校${i}`, ...s })),
    ];
    const distances = small.flatMap((_, i) =>
      receivers.flatMap((__, j) => {
        const d = km[i * 5 + j];
        return d === undefined ? [] : [{ from: `S${i}`, to: `R${j}`, km: d }];
      }),
    );
    return { schools, distances, thresholds: [10, 30], expansion, ...(maxDistanceKm === undefined ? {} : { maxDistanceKm }) };
  });
