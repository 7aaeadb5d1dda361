/**
 * County policy profiles, versioned:
 *   GET /api/v1/profiles                    -> { defaultId, profiles: [{ id, title, version, source, overrides }] }
 *   GET /api/v1/profiles/{id}[?version=n]   -> the profile (the county's stored one, else the shipped one) and `meta`
 *   GET /api/v1/profiles/{id}?layer=shipped -> the shipped profile alone (the baseline a county's entries are added to)
 *   GET /api/v1/profiles/{id}/versions      -> { id, versions: [{ version, author, createdAt }] }
 *   PUT /api/v1/profiles/{id}  (admin)      -> { id, version, createdAt }: a new version of the county's profile
 * A PUT body is a policy profile (formulas/core/profiles.ts). Its `version`, when given, is
 * the version the editor started from: if someone saved a later one meanwhile, the PUT is
 * refused with 409 instead of silently undoing their change. A county profile with a
 * shipped id (cn-national) adds its dated entries to that profile for the county's formulas
 * (server/storage/county-profiles.ts).
 */
import { resolveProfile, policyProfileSchema, type PolicyProfile } from '../../formulas/core/profiles.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { shippedProfiles } from '../../formulas/index.js';
import type { RequestContext } from '../context.js';
import { actorOf } from '../auth/principal.js';
import { ServiceError } from '../service-error.js';
import { layeredSource, MAX_PROFILE_BYTES } from '../storage/county-profiles.js';
import type { StoredProfile } from '../storage/types.js';
import type { Endpoints } from './endpoint.js';

const profileId = policyProfileSchema.shape.id;

const PUT_HINT = {
  zh: '请发送政策配置：{"title": {"zh", "en"}, "values": {"键": [{"value", "effective": "YYYY-MM-DD", "source": {"document", "title"}}]}}',
  en: 'Send a policy profile: {"title": {"zh", "en"}, "values": {"key": [{"value", "effective": "YYYY-MM-DD", "source": {"document", "title"}}]}}',
};

function checkedId(text: string): string {
  if (!profileId.safeParse(text).success) {
    throw new ServiceError(400, 'BAD_REQUEST', { zh: `政策配置名 ${JSON.stringify(text.slice(0, 80))} 不对：只能用小写字母、数字和连字符，如 jx-yudu`, en: `Policy profile id ${JSON.stringify(text.slice(0, 80))} is not valid: use lower-case letters, digits and dashes, e.g. jx-yudu` });
  }
  return text;
}

/** Two entries of one key taking effect on the same day leave "the value in force" undefined. */
function duplicateDates(profile: PolicyProfile): string | undefined {
  for (const [key, entries] of Object.entries(profile.values)) {
    const seen = new Set<string>();
    for (const e of entries) {
      if (seen.has(e.effective)) return `${key} @ ${e.effective}`;
      seen.add(e.effective);
    }
  }
  return undefined;
}

/** The title listed for a profile too large to read (its own title is inside it). */
const OVER_LIMIT_TITLE = { zh: '（超过大小上限，未读取：请保存一个新版本）', en: '(over the size limit, not read: save a new version)' };

const withMeta = (stored: StoredProfile, shipped: boolean) => ({
  ...stored.profile,
  meta: { source: 'county' as const, overrides: shipped, author: stored.author, createdAt: stored.createdAt },
});

type ProfileRoutes = 'profiles' | 'profile' | 'profileVersions' | 'saveProfile';

export function profileEndpoints(ctx: RequestContext): Pick<Endpoints, ProfileRoutes> {
  const isShipped = (id: string) => ctx.deps.profiles.get(id) !== undefined;

  return {
    profiles: {
      needs: 'profile.read',
      handle: async (req) => {
        const { stored: county, overLimit } = ctx.profileSet(req);
        const own = new Set([...county, ...overLimit].map((p) => p.id));
        return {
          defaultId: ctx.deps.profiles.defaultId,
          profiles: [
            ...shippedProfiles.filter((p) => !own.has(p.id)).map((p) => ({ id: p.id, title: p.title, version: p.version, source: 'shipped' as const, overrides: false })),
            ...county.map((p) => ({ id: p.id, title: p.profile.title, version: p.version, source: 'county' as const, overrides: isShipped(p.id), author: p.author, createdAt: p.createdAt })),
            ...overLimit.map((p) => ({ id: p.id, title: OVER_LIMIT_TITLE, version: p.version, source: 'county' as const, overrides: isShipped(p.id), overLimitBytes: p.bytes })),
          ],
        };
      },
    },

    profile: {
      needs: 'profile.read',
      refusal: { hint: { zh: '可用 version（1 起的整数）和 layer=shipped（只看内置配置）。', en: 'Use version (a whole number from 1) and layer=shipped (the shipped profile alone).' } },
      handle: async (req, _res, { storage, principal, query: { version, layer } }) => {
        const id = checkedId(req.params.id);
        // ?layer=shipped asks for the shipped profile even where the county has its own.
        const stored = layer === 'shipped' ? undefined : await storage.getProfile(principal.county, id, version);
        if (stored) return withMeta(stored, isShipped(id));
        const shipped = ctx.deps.profiles.get(id);
        if (shipped && (version === undefined || version === shipped.version)) return { ...shipped, meta: { source: 'shipped' as const, overrides: false } };
        throw new ServiceError(404, 'NOT_FOUND', { zh: version === undefined ? `没有名为 ${id} 的政策配置` : `政策配置 ${id} 没有第 ${version} 版`, en: version === undefined ? `There is no policy profile ${id}` : `Policy profile ${id} has no version ${version}` });
      },
    },

    profileVersions: {
      needs: 'profile.read',
      handle: async (req, _res, { storage, principal }) => {
        const id = checkedId(req.params.id);
        const versions = await storage.profileHistory(principal.county, id);
        if (versions.length === 0 && !isShipped(id)) throw new ServiceError(404, 'NOT_FOUND', { zh: `没有名为 ${id} 的政策配置`, en: `There is no policy profile ${id}` });
        return { id, versions };
      },
    },

    saveProfile: {
      needs: 'profile.write',
      refusal: { what: { zh: '政策配置', en: 'policy profile' }, hint: PUT_HINT },
      handle: async (req, _res, { storage, principal, body }) => {
        const id = checkedId(req.params.id);
        const { version: baseVersion, ...rest } = body;
        if (rest.id !== undefined && rest.id !== id) {
          throw new ServiceError(400, 'BAD_REQUEST', { zh: `地址中的配置名 ${id} 与内容中的 id ${rest.id} 不一致`, en: `The profile id in the address (${id}) differs from the id in the body (${rest.id})` });
        }
        // zod's record drops keys such as "__proto__" quietly; say so instead of saving less than was sent.
        const rawValues = (req.body as { values?: unknown }).values;
        const unusable = Object.keys(rawValues as object).find((key) => !Object.hasOwn(rest.values, key));
        if (unusable !== undefined) {
          throw new ServiceError(422, 'INVALID_PROFILE', { zh: `政策配置的键 ${JSON.stringify(unusable)} 不能使用：请换一个名字`, en: `The profile key ${JSON.stringify(unusable)} cannot be used: choose another name` });
        }
        const profile: PolicyProfile = { ...rest, id, version: 1 };
        const bytes = Buffer.byteLength(JSON.stringify(profile));
        if (bytes > MAX_PROFILE_BYTES) {
          throw new ServiceError(413, 'TOO_LARGE', {
            zh: `政策配置有 ${bytes} 字节，超过了每个配置 ${MAX_PROFILE_BYTES} 字节（256 KiB）的上限：请只保存本县改动的键，或拆成几个配置`,
            en: `The policy profile is ${bytes} bytes, over the limit of ${MAX_PROFILE_BYTES} bytes (256 KiB) per profile: keep only the keys the county changes, or split it into several profiles`,
          });
        }
        const twice = duplicateDates(profile);
        if (twice) {
          throw new ServiceError(422, 'INVALID_PROFILE', { zh: `政策配置中 ${twice} 有两条同一天生效的取值：每个日期只能有一条`, en: `The profile has two entries for ${twice} taking effect the same day: keep one per date` });
        }
        if (isShipped(id) && profile.extends !== undefined) {
          throw new ServiceError(422, 'INVALID_PROFILE', { zh: `${id} 是内置配置：本县的 ${id} 在内置取值上增改条目，不能再写 extends`, en: `${id} is shipped: the county's ${id} adds entries to its values and cannot have "extends"` });
        }
        // The profile must resolve as it will be used: its parent exists and there is no loop.
        const others = (await ctx.currentProfiles(principal.county)).stored.filter((p) => p.id !== id);
        const proposed = layeredSource(ctx.deps.profiles, [...others, { id, version: 1, profile, author: principal.name, createdAt: '' }]);
        const resolved = resolveProfile(proposed, id);
        if (isFormulaError(resolved)) throw new ServiceError(422, 'INVALID_PROFILE', { zh: resolved.error.zh, en: resolved.error.en });

        const saved = await storage.putProfile(principal.county, profile, actorOf(principal), baseVersion);
        ctx.profilesChanged(principal.county);
        return { id: saved.id, version: saved.version, createdAt: saved.createdAt };
      },
    },
  };
}
