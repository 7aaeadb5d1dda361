/**
 * The arguments the balance formulas share. Each function words its summary for its own
 * reference entry, so the summary is an argument; the type, schema and hint are written once.
 */
import { param } from '../core/definition.js';
import type { Bilingual } from '../core/errors.js';
import { numberMatrix, numberVector } from '../core/number-cells.js';
import { LEVEL_HINT, levelsSchema } from './indicators.js';

const ENROLMENT_HINT: Bilingual = {
  zh: '请选择各校在校生数所在的一列，每个为不小于 0 的整数',
  en: 'Select the column of enrolments, each a whole number of at least 0',
};

/** `indicators`: one row per school, the seven columns in the assessment's order. */
export function indicatorsParam(summary: Bilingual) {
  return param({
    name: 'indicators',
    summary,
    dimensionality: 'matrix',
    type: 'number',
    hint: { zh: '请选择 n 行 7 列的指标区域，值不小于 0', en: 'Select the n x 7 range of indicator values, each at least 0' },
    schema: numberMatrix({ min: 0 }).transform((grid) => grid.resultRows()),
  });
}

/** `students`: a column of whole pupil counts, one per school (or grade). */
export function studentsParam(summary: Bilingual, hint: Bilingual = ENROLMENT_HINT) {
  return pupilsParam('students', summary, hint);
}

/** A column of whole pupil counts under another name (e.g. a nine-year school's primary pupils). */
export function pupilsParam<const N extends string>(name: N, summary: Bilingual, hint: Bilingual = ENROLMENT_HINT) {
  return param({
    name,
    summary,
    dimensionality: 'matrix',
    type: 'number',
    hint,
    schema: numberVector({ min: 0, integer: true }),
  });
}

/** `level`: one level for every school, or a column with one per school. */
export function levelsParam() {
  return param({
    name: 'level',
    summary: { zh: '学段："小学" 或 "初中"，或每校一个学段的一列', en: 'Level: "primary" or "junior", or a column with one level per school' },
    dimensionality: 'matrix',
    type: 'string',
    hint: LEVEL_HINT,
    schema: levelsSchema(),
  });
}

/** `juniorPupils`: per row, the junior pupils of a nine-year school among its students (nine-year-parts.ts). */
export function juniorPupilsParam() {
  return param({
    name: 'juniorPupils',
    summary: {
      zh: '九年一贯制学校：每行一个，该校在校生中的初中生数（students 填全校人数）；其他学校留空或填 0。该行只代表学段 level 那一部分：共用的四项设施按 1 : 1.1 拆分，教师三项填该部分自己的值',
      en: 'Nine-year schools: per row, the junior pupils among the school’s students (students is the whole school); blank or 0 for other schools. Such a row stands for its part of level: the four shared facilities are split 1 : 1.1, the three teacher columns are that part’s own',
    },
    dimensionality: 'matrix',
    type: 'number',
    optional: true,
    hint: { zh: '请选择与各行学校一一对应的一列，每个为不小于 0 的整数或空白', en: 'Select a column with one entry per row, each a whole number of at least 0 or blank' },
    schema: numberVector({ min: 0, integer: true, blank: true }),
  });
}
