/**
 * Who is asking: set once per request by the authentication middleware, read by routes and
 * by the audit hook. Kept beside the request, not on it, so nothing else can forge it.
 */
import type { Request } from 'express';
import type { Actor, Role } from '../storage/types.js';

export interface Principal {
  name: string;
  role: Role;
  county: string;
  /** The single user of a loopback service without sign-in. */
  local: boolean;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal);
}

export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}

export const actorOf = (p: Principal): Actor => ({ name: p.name, role: p.role, county: p.county });
