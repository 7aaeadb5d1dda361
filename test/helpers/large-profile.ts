/**
 * A county profile of about `mib` MiB of JSON, as a profile saved before the 256 KiB check
 * could be (issue 15: a 19 MiB one): one real key (primary students per staff, 17 from
 * 2024-09-01) and many dated extra keys.
 */
import type { PolicyProfile } from '../../formulas/core/profiles.js';

export const LARGE_PROFILE_KEY = 'staffing.establishment.studentsPerStaff.primary';
const source = { document: '某县编办〔2024〕3号', title: '县域中小学教职工编制调整' };

export function largeProfile(mib: number): PolicyProfile {
  const values: PolicyProfile['values'] = { [LARGE_PROFILE_KEY]: [{ value: 17, effective: '2024-09-01', source }] };
  // One key as it is written: "county.extra.key123456":[{...}], in UTF-8.
  const perKey = Buffer.byteLength(JSON.stringify({ 'county.extra.key123456': [{ value: 123456, effective: '2024-09-01', source }] }));
  for (let i = 0; i < (mib * 1024 * 1024) / perKey; i++) values[`county.extra.key${i}`] = [{ value: i, effective: '2024-09-01', source }];
  return { id: 'cn-national', version: 1, title: { zh: '旧的超大配置', en: 'Legacy oversized profile' }, values };
}
