/**
 * EDU.PROFILE(id, key): one value of a policy profile in a cell, so a sheet can show
 * (and reference) the number a formula used, e.g. =EDU.PROFILE("cn-national", "funding.publicFunds.primary").
 */
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { valueError } from '../core/errors.js';
import { resolveProfile } from '../core/profiles.js';

export const profileValue = defineFormula({
  id: 'PROFILE',
  category: 'policy',
  summary: {
    zh: '读取政策配置中的一个值（按生效日期）',
    en: 'Reads one value of a policy profile (as in force on a date)',
  },
  rounding: { zh: '不取整：原样返回配置中的值', en: 'None: returns the value exactly as stored' },
  params: [
    param({
      name: 'profile',
      summary: {
        zh: '配置名，可加 @日期，如 cn-national@2019-06-30（用该日有效的值）；不写日期用今天（北京时间）有效的值（国家基准为 cn-national）',
        en: 'Profile id, optionally @date, e.g. cn-national@2019-06-30 (the value in force that day); without a date, the value in force today, Beijing time (the national baseline is cn-national)',
      },
      dimensionality: 'scalar',
      type: 'string',
      hint: { zh: '请填写配置名，如 "cn-national"', en: 'Enter a profile id such as "cn-national"' },
      schema: z.string().min(1),
    }),
    param({
      name: 'key',
      summary: { zh: '配置项名称，如 funding.publicFunds.primary', en: 'The key, e.g. funding.publicFunds.primary' },
      dimensionality: 'scalar',
      type: 'string',
      hint: { zh: '请填写配置项名称（见函数参考中的配置项表）', en: 'Enter a key (see the profile keys table in the reference)' },
      schema: z.string().min(1),
    }),
  ],
  result: { dimensionality: 'scalar', type: 'any', summary: { zh: '该项的值', en: 'The value' } },
  pure: false,
  examples: [
    {
      formula: '=EDU.PROFILE("cn-national", "funding.publicFunds.primary")',
      args: ['cn-national', 'funding.publicFunds.primary'],
      result: 720,
    },
    {
      formula: '=EDU.PROFILE("cn-national@2016-09-01", "funding.publicFunds.special")',
      args: ['cn-national@2016-09-01', 'funding.publicFunds.special'],
      result: 6000,
    },
    {
      formula: '=EDU.PROFILE("cn-national@2022-09-01", "funding.publicFunds.primary")',
      args: ['cn-national@2022-09-01', 'funding.publicFunds.primary'],
      result: 650,
    },
    {
      formula: '=EDU.PROFILE("cn-national", "funding.teacherTraining.share")',
      args: ['cn-national', 'funding.teacherTraining.share'],
      result: 0.05,
    },
  ],
  compute({ profile, key }, ctx) {
    const resolved = resolveProfile(ctx.profiles, profile);
    if ('error' in resolved) return resolved;
    const entry = resolved.entry(key);
    if (!entry) {
      return valueError(
        `政策配置 "${resolved.id}" 中没有配置项 "${key}"：请检查拼写（见函数参考中的配置项表）`,
        `Policy profile "${resolved.id}" has no key "${key}": check the spelling (see the profile keys table in the reference)`,
      );
    }
    const { value } = entry;
    return Array.isArray(value) ? [value] : value;
  },
});
