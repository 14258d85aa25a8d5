import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, hasRole, PUBLIC_ROUTE, REQUIRED_ROLE, Role } from '@claimdesk/core';
import { AuthService } from './auth.service';
import { readCookie, SESSION_COOKIE } from './session-cookie';


export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  sessionToken?: string;
}

/** The token of a request: `Authorization: Bearer …` first, else the session cookie. */
export function tokenOf(request: AuthRequest): string | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const bearer = value && /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (bearer) return bearer[1];
  const cookie = request.headers.cookie;
  return readCookie(Array.isArray(cookie) ? cookie.join('; ') : cookie, SESSION_COOKIE) || undefined;
}

/**
 * Every route needs a signed-in user unless marked @Public(); @Roles() sets the least role.
 * Installed globally, so a new route is closed by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const token = tokenOf(request);
    const actor = token ? await this.auth.authenticate(token) : null;
    if (!actor || !token) throw new DomainError('unauthenticated', 'sign in first: no valid session or bearer token');
    request.actor = actor;
    request.sessionToken = token;
    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets);
    if (role && !hasRole(actor, role)) throw new DomainError('forbidden', `this needs the ${role} role`);
    return true;
  }
}
