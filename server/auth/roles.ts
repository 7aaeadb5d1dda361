/**
 * What each role may do. Every role reads its own county's records (anyone signed in
 * calculates: the calc routes need no permission);
 * a viewer cannot save; only personnel and admin read the content of a scenario holding
 * personal information (server/privacy/personal-data.ts); only an admin erases scenarios,
 * changes the county's policy profiles and reads the audit log. Records of other counties are invisible to everyone (answered as not found).
 */
import type { Role } from '../storage/types.js';

export type Permission = 'scenario.read' | 'scenario.write' | 'scenario.personal' | 'scenario.erase' | 'profile.read' | 'profile.write' | 'audit.read';

const READ: Permission[] = ['scenario.read', 'profile.read'];

export const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [...READ, 'scenario.write', 'scenario.personal', 'scenario.erase', 'profile.write', 'audit.read'],
  finance: [...READ, 'scenario.write'],
  personnel: [...READ, 'scenario.write', 'scenario.personal'],
  planner: [...READ, 'scenario.write'],
  viewer: READ,
};

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'administrator' },
  finance: { zh: '财务', en: 'finance staff' },
  personnel: { zh: '人事', en: 'personnel staff' },
  planner: { zh: '规划', en: 'planner' },
  viewer: { zh: '只读用户', en: 'viewer' },
};

export const allows = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);
