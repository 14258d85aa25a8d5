import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { runStatement, Statement, Transactions } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { Actor, DomainError, nowIso, Role, Settings, SETTINGS } from '@claimdesk/core';
import { LoginLimit } from './login-limit';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './password';
import { Session } from './session.entity';
import { User } from './user.entity';
import { toUserView, UserView } from './user.view';

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
/** Expired and revoked sessions authenticate nobody: they go. */
const PURGE_SESSIONS = new Statement('DELETE FROM sessions WHERE expires_at <= ? OR revoked_at IS NOT NULL');
const UPGRADE_HASH = new Statement('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?');

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly limit: LoginLimit,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async login(emailInput: string, password: string, client: string): Promise<SignedIn> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.checkPassword(email, password, client);
    if (!user) throw new DomainError('unauthenticated', 'wrong e-mail or password');
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.settings.sessionHours * 3600_000).toISOString();
    const sessionId = randomUUID();
    await this.transactions.run(async (tx) => {
      await runStatement(tx.manager, PURGE_SESSIONS, [now.toISOString()]);
      await tx.manager.insert(Session, { id: sessionId, tokenHash: hashToken(token), userId: user.id, createdAt: now.toISOString(), expiresAt, revokedAt: null });
      await this.audit.record(tx, { actorId: user.id, action: 'auth.login', entityType: 'session', entityId: sessionId, articleId: null, after: { userId: user.id, client, expiresAt } });
    });
    if (needsRehash(user.passwordHash)) {
      // Hashes made at an earlier, cheaper cost are brought up to today's on the first sign-in.
      await runStatement(this.users.manager, UPGRADE_HASH, [await hashPassword(password), user.id, user.passwordHash]);
    }
    return { token, user: toUserView(user), expiresAt };
  }

  /**
   * Checks an account's password within the login limit: the attempt is reserved first (429 when the
   * account or the address is over the limit) and stays counted, and audited as `auth.failed`, unless
   * the password is right. Returns the user, or null for a wrong e-mail, password or a disabled user.
   */
  async checkPassword(email: string, password: string, client: string): Promise<User | null> {
    const attempt = await this.limit.reserve(email, client);
    const user = await this.users.findOneBy({ email });
    // Verify against a decoy when there is no such user, so timing does not reveal accounts.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (user && valid && !user.disabled) {
      await this.limit.release(attempt);
      return user;
    }
    await this.transactions.run((tx) =>
      // No actor and no user reference for an unknown e-mail: the attempt itself is the entity.
      this.audit.record(tx, { actorId: null, action: 'auth.failed', entityType: 'session', entityId: attempt, articleId: null, after: { email, userId: user?.id ?? null, client } }),
    );
    await this.limit.failed();
    return null;
  }

  async logout(token: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const session = await tx.manager.findOneBy(Session, { tokenHash: hashToken(token) });
      if (!session || session.revokedAt !== null) return;
      await tx.manager.update(Session, { id: session.id }, { revokedAt: nowIso() });
      await this.audit.record(tx, { actorId: session.userId, action: 'auth.logout', entityType: 'session', entityId: session.id, articleId: null });
    });
  }

  /** The user behind a token, or null when it is unknown, revoked, expired, or the user is disabled. */
  async authenticate(token: string): Promise<Actor | null> {
    // Every request passes here: a fixed statement rather than a query built each time.
    const [row] = await runStatement<{ id: string; role: Role }>(this.sessions.manager, SELECT_SESSION_ACTOR, [hashToken(token), nowIso()]);
    return row ? { id: row.id, role: row.role } : null;
  }
}
