/**
 * The policy profiles shipped with the product. `cn-national` is the national baseline;
 * its values are kept in one JSON fragment per formula family (funding, staffing,
 * rotation, balance) and merged here. Counties add their own profiles on the service.
 */
import { mergeFragments, staticProfileSource, type PolicyProfile } from '../core/profiles.js';
import funding from './cn-national/funding.json' with { type: 'json' };
import staffing from './cn-national/staffing.json' with { type: 'json' };
import rotation from './cn-national/rotation.json' with { type: 'json' };
import balance from './cn-national/balance.json' with { type: 'json' };

export const NATIONAL_PROFILE_ID = 'cn-national';

export const nationalProfile: PolicyProfile = mergeFragments(
  {
    id: NATIONAL_PROFILE_ID,
    title: { zh: '国家基准（义务教育经费、编制与均衡标准）', en: 'National baseline (compulsory-education funding, staffing and balance standards)' },
    version: 1,
  },
  [funding, staffing, rotation, balance],
);

export const shippedProfiles: readonly PolicyProfile[] = [nationalProfile];

export const shippedProfileSource = staticProfileSource(shippedProfiles, NATIONAL_PROFILE_ID);
