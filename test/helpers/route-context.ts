/**
 * A RequestContext with no storage and no signed-in user, for tests that build the
 * endpoints or mount the routes without starting an app.
 */
import { shippedProfileSource } from '../../formulas/index.js';
import { DEFAULT_LIMITS, DEFAULT_RECORDS, type RequestContext } from '../../server/context.js';
import { OneTimeLinks } from '../../server/download-links.js';
import { silentLogger } from '../../server/logger.js';
import { SHIPPED_POLICY } from '../../server/storage/county-profiles.js';

export function bareContext(): RequestContext {
  return {
    deps: { logger: silentLogger, profiles: shippedProfileSource },
    limits: DEFAULT_LIMITS,
    records: DEFAULT_RECORDS,
    storage: undefined,
    policyFor: () => SHIPPED_POLICY,
    profileSet: () => ({ source: shippedProfileSource, policy: SHIPPED_POLICY, stored: [], overLimit: [] }),
    currentProfiles: async () => ({ source: shippedProfileSource, policy: SHIPPED_POLICY, stored: [], overLimit: [] }),
    audit: async () => {},
    principal: () => {
      throw new Error('no request is answered here');
    },
    profilesChanged: () => {},
    downloads: new OneTimeLinks(),
  };
}
