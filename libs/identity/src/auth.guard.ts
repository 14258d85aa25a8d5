import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, hasRole, PUBLIC_ROUTE, REQUIRED_ROLE, Role, Settings, SETTINGS } from '@claimdesk/core';
import { AuthService } from './auth.service';
import { isCrossSiteRisk } from './csrf';
import { readCookie, SESSION_COOKIE } from './session-cookie';


export interface AuthRequest {
  method: string;
  protocol: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  sessionToken?: string;
}

/** The credentials of a request: `Authorization: Bearer …` first, else the session cookie. */
export function credentialsOf(request: Pick<AuthRequest, 'headers'>): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = request.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const bearer = value && /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (bearer) return { token: bearer[1], via: 'bearer' };
  const cookie = request.headers.cookie;
  const token = readCookie(Array.isArray(cookie) ? cookie.join('; ') : cookie, SESSION_COOKIE);
  return token ? { token, via: 'cookie' } : undefined;
}

export const tokenOf = (request: Pick<AuthRequest, 'headers'>): string | undefined => credentialsOf(request)?.token;

interface RouteRule {
  isPublic: boolean;
  role: Role | undefined;
}

/**
 * Every route needs a signed-in user unless marked @Public(); @Roles() sets the least role.
 * Installed globally, so a new route is closed by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly auth: AuthService, @Inject(SETTINGS) private readonly settings: Settings) {}

  /** Each route's @Public() and @Roles(), read from its metadata once rather than on every request. */
  private readonly rules = new WeakMap<Function, Map<Function, RouteRule>>();

  private ruleOf(handler: Function, controller: Function): RouteRule {
    let byController = this.rules.get(handler);
    if (!byController) this.rules.set(handler, (byController = new Map()));
    let rule = byController.get(controller);
    if (!rule) {
      const targets = [handler, controller];
      rule = { isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true, role: this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, targets) };
      byController.set(controller, rule);
    }
    return rule;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.admit(context.switchToHttp().getRequest<AuthRequest>(), context.getHandler(), context.getClass());
    return true;
  }

  /** The guard's check of a request to the route of `handler` in `controller` (it throws when refused); also for routes served directly (direct-routes.ts). */
  async admit(request: AuthRequest, handler: Function, controller: Function): Promise<void> {
    const { isPublic, role } = this.ruleOf(handler, controller);
    if (isPublic) return;
    const credentials = credentialsOf(request);
    // A browser attaches the cookie to requests from any page; a bearer token only its holder can send.
    if (credentials?.via === 'cookie' && isCrossSiteRisk(request.method, request.headers, request.protocol, this.settings.publicUrl)) {
      throw new DomainError('csrf_rejected', 'a change with the session cookie must come from the desk\'s own pages (Origin or Sec-Fetch-Site)');
    }
    const token = credentials?.token;
    const actor = token ? await this.auth.authenticate(token) : null;
    if (!actor || !token) throw new DomainError('unauthenticated', 'sign in first: no valid session or bearer token');
    request.actor = actor;
    request.sessionToken = token;
    if (role && !hasRole(actor, role)) throw new DomainError('forbidden', `this needs the ${role} role`);
  }
}
