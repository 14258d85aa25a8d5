import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { runStatement, Statement } from '@claimdesk/database';
import { Actor, DomainError, nowIso, Role, Settings, SETTINGS } from '@claimdesk/core';
import { decoyHash, verifyPassword } from './password';
import { LoginFailure, Session } from './session.entity';
import { User } from './user.entity';
import { toUserView, UserView } from './user.view';

/** API.md: 10 failed attempts within 15 minutes, per account and per client address. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface SignedIn {
  token: string;
  user: UserView;
  expiresAt: string;
}

/** The signed-in user behind a session: known, not revoked, not expired, user not disabled. */
const SELECT_SESSION_ACTOR = new Statement(
  'SELECT u.id AS id, u.role AS role FROM sessions s JOIN users u ON u.id = s.user_id ' +
    'WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND NOT u.disabled',
);

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async login(emailInput: string, password: string, client: string): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    await this.assertNotThrottled(email, client);
    const user = await this.users.findOneBy({ email });
    // Verify against a decoy when there is no such user, so timing does not reveal accounts.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid || user.disabled) {
      await this.recordFailure(email, client);
      throw new DomainError('unauthenticated', 'wrong e-mail or password');
    }
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.settings.sessionHours * 3600_000).toISOString();
    await this.sessions.insert({ id: randomUUID(), tokenHash: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt, revokedAt: null });
    return { token, user: toUserView(user), expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.sessions.createQueryBuilder().update().set({ revokedAt: nowIso() }).where('token_hash = :hash AND revoked_at IS NULL', { hash: hashToken(token) }).execute();
  }

  /** The user behind a token, or null when it is unknown, revoked, expired, or the user is disabled. */
  async authenticate(token: string): Promise<Actor | null> {
    // Every request passes here: a fixed statement rather than a query built each time.
    const [row] = await runStatement<{ id: string; role: Role }>(this.sessions.manager, SELECT_SESSION_ACTOR, [hashToken(token), nowIso()]);
    return row ? { id: row.id, role: row.role } : null;
  }

  private async assertNotThrottled(email: string, client: string): Promise<void> {
    const since = new Date(Date.now() - LOGIN_WINDOW_MS).toISOString();
    for (const [column, value] of [['email', email], ['client', client]] as const) {
      const recent = await this.failures
        .createQueryBuilder('f')
        .where(`f.${column} = :value AND f.at > :since`, { value, since })
        .orderBy('f.at', 'DESC')
        .take(LOGIN_FAILURE_LIMIT)
        .getMany();
      if (recent.length >= LOGIN_FAILURE_LIMIT) {
        const oldest = Date.parse(recent[recent.length - 1].at);
        const retryAfter = Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - Date.now()) / 1000));
        throw new DomainError('rate_limited', `too many failed logins; try again in ${retryAfter} s`, [], retryAfter);
      }
    }
  }

  private async recordFailure(email: string, client: string): Promise<void> {
    const now = Date.now();
    await this.failures.insert({ id: randomUUID(), email, client: client.slice(0, 64), at: new Date(now).toISOString() });
    // Old failures no longer count; forget them.
    await this.failures.createQueryBuilder().delete().where('at < :old', { old: new Date(now - LOGIN_WINDOW_MS).toISOString() }).execute();
  }
}
