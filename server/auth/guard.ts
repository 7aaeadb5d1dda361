/**
 * The checks at the top of every route that touches county records: the store is there,
 * and the requesting user's role grants the permission. Records of another county are not
 * refused here but simply not found: every storage read is scoped to the user's county.
 */
import type { Request } from 'express';
import type { RequestContext } from '../context.js';
import { ServiceError } from '../service-error.js';
import type { Storage } from '../storage/types.js';
import type { Principal } from './principal.js';
import { allows, ROLE_NAMES, type Permission } from './roles.js';

const WHAT: Record<Permission, { zh: string; en: string }> = {
  'scenario.read': { zh: '查看方案', en: 'read scenarios' },
  'scenario.write': { zh: '保存方案', en: 'save scenarios' },
  'scenario.personal': { zh: '查看含个人信息（姓名、身份证号、出生日期等）的方案内容', en: 'read scenarios holding personal information (names, ID numbers, birth dates)' },
  'scenario.erase': { zh: '删除方案', en: 'erase scenarios' },
  'profile.read': { zh: '查看政策配置', en: 'read policy profiles' },
  'profile.write': { zh: '修改本县政策配置', en: "change the county's policy profiles" },
  'audit.read': { zh: '查看审计日志', en: 'read the audit log' },
};

export function guard(ctx: RequestContext, req: Request, permission: Permission): { storage: Storage; principal: Principal } {
  const storage = ctx.storage;
  if (!storage) {
    throw new ServiceError(503, 'NO_STORAGE', { zh: '本服务没有配置数据存储，无法保存或读取记录', en: 'This service runs without storage, so it cannot save or read records' });
  }
  const principal = ctx.principal(req);
  if (!allows(principal.role, permission)) {
    const role = ROLE_NAMES[principal.role];
    throw new ServiceError(403, 'FORBIDDEN', { zh: `您的角色是“${role.zh}”，不能${WHAT[permission].zh}：如需此权限，请联系本县管理员`, en: `Your role (${role.en}) may not ${WHAT[permission].en}; ask your county's administrator if you need to` });
  }
  return { storage, principal };
}
