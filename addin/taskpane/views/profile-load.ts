/**
 * Reading a county profile for the 政策配置 view: the profiles the county has
 * (GET /api/v1/profiles), the county's own entries of the one chosen, and the values its
 * entries are laid over, as the county's formulas see them:
 * - a shipped id (cn-national): the county's entries are added to the shipped profile
 *   (GET …?layer=shipped);
 * - a county profile with its own id: its entries override those of the profile it
 *   `extends`, which is itself read the same way (a chain of at most MAX_DEPTH).
 */
import type { Bilingual } from '../../../formulas/core/errors.js';
import type { PolicyProfile } from '../../../formulas/core/profiles.js';
import { layeredValues, type LayerMode, type ProfileValues } from '../logic/profile-layers.js';
import { ClientError, type ServiceClient } from '../../../client/index.js';
import type { RouteAnswer } from '../../../contracts/routes.js';

/** A listed profile (`overrides`: a county profile with a shipped id, whose entries are added to the shipped ones). */
export type ListedProfile = RouteAnswer<'profiles'>['profiles'][number];

export interface OpenedProfile {
  id: string;
  mode: LayerMode;
  /** The county's saved profile (its latest version), if it has one. */
  own: PolicyProfile | undefined;
  /** What the own entries are laid over, as formulas see it. */
  beneath: ProfileValues;
  /** The profile beneath: the shipped one of the same id, or the one `extends` names. */
  beneathId: string | undefined;
  beneathTitle: Bilingual | undefined;
}

/** The same limit as the service's (formulas/core/profiles.ts): deeper chains do not resolve there either. */
const MAX_DEPTH = 8;

const isShippedId = (listed: readonly ListedProfile[], id: string) => listed.some((p) => p.id === id && (p.source === 'shipped' || p.overrides));

export async function listProfiles(api: ServiceClient): Promise<ListedProfile[]> {
  return (await api.call('profiles')).profiles;
}

/** Profile `id` as the county's formulas see it: its values and title. */
async function asFormulasSee(api: ServiceClient, listed: readonly ListedProfile[], id: string, depth = 0): Promise<{ values: ProfileValues; title: Bilingual }> {
  if (depth > MAX_DEPTH) throw new ClientError(0, 'PROFILE_LOOP', `配置 ${id} 的继承层级过深或成环：请检查各配置的 extends`, `Profile ${id} extends too deeply or in a loop: check each profile's extends`);
  if (isShippedId(listed, id)) {
    const shipped = await api.call('profile', { params: { id }, query: { layer: 'shipped' } });
    const county = listed.some((p) => p.id === id && p.overrides) ? await api.call('profile', { params: { id } }) : undefined;
    return { values: county ? layeredValues(shipped.values, county.values, 'adds') : shipped.values, title: county?.title ?? shipped.title };
  }
  const own = await api.call('profile', { params: { id } });
  const parent = own.extends === undefined ? { values: {} } : await asFormulasSee(api, listed, own.extends, depth + 1);
  return { values: layeredValues(parent.values, own.values, 'overrides'), title: own.title };
}

/**
 * Opens `id` for the view. `newParent` opens a county profile not saved yet, which will
 * extend `newParent`.
 */
export async function openProfile(api: ServiceClient, listed: readonly ListedProfile[], id: string, newParent?: string): Promise<OpenedProfile> {
  if (newParent !== undefined) {
    const parent = await asFormulasSee(api, listed, newParent);
    return { id, mode: 'overrides', own: undefined, beneath: parent.values, beneathId: newParent, beneathTitle: parent.title };
  }
  if (isShippedId(listed, id)) {
    const [shipped, current] = await Promise.all([api.call('profile', { params: { id }, query: { layer: 'shipped' } }), api.call('profile', { params: { id } })]);
    return { id, mode: 'adds', own: current.meta.source === 'county' ? current : undefined, beneath: shipped.values, beneathId: id, beneathTitle: shipped.title };
  }
  const own = await api.call('profile', { params: { id } });
  const parent = own.extends === undefined ? undefined : await asFormulasSee(api, listed, own.extends);
  return { id, mode: 'overrides', own, beneath: parent?.values ?? {}, beneathId: own.extends, beneathTitle: parent?.title };
}
