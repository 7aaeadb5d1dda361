/**
 * The optional trailing `profile` argument of every formula that reads a policy profile,
 * declared once so its name, type and schema cannot drift between families. The texts are
 * arguments because some functions word them for their own reference entry.
 */
import { z } from 'zod';
import { param } from './definition.js';
import type { Bilingual } from './errors.js';

const PROFILE_PARAM_SUMMARY: Bilingual = {
  zh: '政策配置名，可加 @日期（如 cn-national@2019-06-30，用该日有效的值）；不写日期用计算当天（北京时间今天）有效的值；省略为国家基准',
  en: 'Policy profile id, optionally @date (e.g. cn-national@2019-06-30: the values in force that day); without a date, those in force today (Beijing time); omitted: the national baseline',
};

const PROFILE_HINT: Bilingual = {
  zh: '请填写配置名，如 "cn-national"，或留空',
  en: 'Enter a profile id such as "cn-national", or leave it empty',
};

/** `[profile]`: "id" or "id@YYYY-MM-DD"; omitted, the caller's default profile. */
export function profileParam(summary: Bilingual = PROFILE_PARAM_SUMMARY, hint: Bilingual = PROFILE_HINT) {
  return param({
    name: 'profile',
    summary,
    dimensionality: 'scalar',
    type: 'string',
    optional: true,
    hint,
    schema: z.string(),
  });
}
