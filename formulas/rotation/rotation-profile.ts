/**
 * The rotation rules' policy numbers (rate 10%, backbone share 20% and its base, 6 years at
 * the same school) come from the policy profile, not from constants here: a county that
 * rotates 15% or counts 5 years edits its profile and every formula and plan follows.
 */
import { type FormulaError, valueError } from '../core/errors.js';
import { choiceOf } from '../core/excel-values.js';
import { type ProfileSource, profileNumber, resolveProfile } from '../core/profiles.js';

export type BackboneBase = 'rotating' | 'eligible';

/** Names for the base of the backbone share: the rotating teachers or the eligible ones. */
export const backboneBaseAliases: Readonly<Record<string, BackboneBase>> = {
  rotating: 'rotating',
  rotate: 'rotating',
  交流: 'rotating',
  轮岗: 'rotating',
  交流轮岗: 'rotating',
  交流轮岗教师: 'rotating',
  交流总数: 'rotating',
  eligible: 'eligible',
  符合条件: 'eligible',
  符合交流条件: 'eligible',
  符合交流条件教师: 'eligible',
};

export const backboneBaseSchema = () => choiceOf(backboneBaseAliases);

export const ROTATION_KEYS = {
  rate: 'rotation.quota.rate',
  backboneShare: 'rotation.quota.backboneShare',
  backboneBase: 'rotation.quota.backboneBase',
  minYears: 'rotation.eligibility.minYears',
} as const;

export interface RotationDefaults {
  profileId: string;
  rate(): number | FormulaError;
  backboneShare(): number | FormulaError;
  backboneBase(): BackboneBase | FormulaError;
  minYears(): number | FormulaError;
}

/** The profile `ref` (omitted: the caller's default profile), read one key at a time when a value was not given. */
export function rotationDefaults(profiles: ProfileSource, ref?: string): RotationDefaults | FormulaError {
  const profile = resolveProfile(profiles, ref);
  if ('error' in profile) return profile;
  const share = (key: string): number | FormulaError => {
    const value = profileNumber(profile, key);
    if (typeof value !== 'number' || (value >= 0 && value <= 1)) return value;
    return valueError(
      `政策配置 "${profile.id}" 的 ${key} = ${value} 不在 0 到 1 之间：请改为比例，如 0.1 表示 10%`,
      `Policy profile "${profile.id}" has ${key} = ${value}, not between 0 and 1: enter a share such as 0.1 for 10%`,
    );
  };
  return {
    profileId: profile.id,
    rate: () => share(ROTATION_KEYS.rate),
    backboneShare: () => share(ROTATION_KEYS.backboneShare),
    backboneBase() {
      const entry = profile.entry(ROTATION_KEYS.backboneBase);
      const parsed = backboneBaseSchema().safeParse(entry?.value);
      if (parsed.success) return parsed.data;
      return valueError(
        `政策配置 "${profile.id}" 的 ${ROTATION_KEYS.backboneBase} 应为 "rotating" 或 "eligible"`,
        `Policy profile "${profile.id}" must give ${ROTATION_KEYS.backboneBase} as "rotating" or "eligible"`,
      );
    },
    minYears() {
      const value = profileNumber(profile, ROTATION_KEYS.minYears);
      if (typeof value !== 'number' || value >= 0) return value;
      return valueError(
        `政策配置 "${profile.id}" 的 ${ROTATION_KEYS.minYears} = ${value} 是负数`,
        `Policy profile "${profile.id}" has a negative ${ROTATION_KEYS.minYears} = ${value}`,
      );
    },
  };
}
