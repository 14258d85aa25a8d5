export type Role = 'reviewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['reviewer', 'editor', 'admin'];

/** Who is acting: what services need to know about the signed-in user. */
export interface Actor {
  id: string;
  role: Role;
}

const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };

/** Editors can do all a reviewer can, admins all an editor can (API.md, "Identity"). */
export const hasRole = (actor: Actor, needed: Role): boolean => RANK[actor.role] >= RANK[needed];
