import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, validationFailed, assertVersion, versionConflict, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, forbidden, notFound, nowIso, Page, Settings, SETTINGS, toPage, assertStrongPassword } from '@claimdesk/core';
import { Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { AuthService, hashToken } from './auth.service';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword } from './password';
import { Session } from './session.entity';
import { User } from './user.entity';
import { toUserView, UserView } from './user.view';

/** Advisory lock key ("AD") serialising changes that could leave the desk without an active admin. */
const ADMINS_LOCK = 0x4144;

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async create(actor: Actor | null, input: CreateUserDto): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    assertStrongPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    return this.transactions.run(async (tx) => {
      if (await tx.manager.existsBy(User, { email })) {
        throw new DomainError('already_exists', `a user with e-mail ${email} already exists`, [{ path: 'email', message: 'already in use' }]);
      }
      const now = nowIso();
      const user = tx.manager.create(User, {
        id: randomUUID(), email, displayName: input.displayName, role: input.role, passwordHash,
        disabled: false, createdAt: now, updatedAt: now, version: 1,
      });
      await tx.manager.insert(User, user);
      const view = toUserView(user);
      await this.audit.record(tx, { actorId: actor?.id ?? null, action: 'user.created', entityType: 'user', entityId: user.id, articleId: null, after: view });
      return view;
    });
  }

  async get(id: string): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('user', id);
    return toUserView(user);
  }

  /** Display names and roles of the given users, for screens that show who did what. */
  async directory(ids: readonly string[]): Promise<Record<string, { displayName: string; role: User['role'] }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return {};
    const rows = await this.users.createQueryBuilder('u').select(['u.id', 'u.displayName', 'u.role']).where('u.id IN (:...ids)', { ids: unique }).getMany();
    return Object.fromEntries(rows.map((u) => [u.id, { displayName: u.displayName, role: u.role }]));
  }

  async list(limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<Page<UserView>> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.created_at', 'ASC').addOrderBy('u.id', 'ASC').take(limit + 1);
    if (cursor) {
      const [createdAt, id] = decodeCursor(cursor, 2);
      qb.where('(u.created_at > :createdAt OR (u.created_at = :createdAt AND u.id > :id))', { createdAt, id });
    }
    return toPage(await qb.getMany(), limit, toUserView, (u) => [u.createdAt, u.id]);
  }

  async update(actor: Actor, id: string, input: UpdateUserDto, expectedVersion?: number): Promise<UserView> {
    if (input.password !== undefined) assertStrongPassword(input.password);
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    return this.transactions.run(async (tx) => {
      const before = await tx.manager.findOneBy(User, { id });
      if (!before) throw notFound('user', id);
      assertVersion(expectedVersion, before.version);
      const stopsBeingAdmin = (input.role !== undefined && input.role !== 'admin') || input.disabled === true;
      if (before.role === 'admin' && !before.disabled && stopsBeingAdmin) await this.assertAnotherActiveAdmin(tx, id);
      const now = nowIso();
      const changes: Partial<User> = { updatedAt: now };
      if (input.displayName !== undefined) changes.displayName = input.displayName;
      if (input.role !== undefined) changes.role = input.role;
      if (input.disabled !== undefined) changes.disabled = input.disabled;
      if (passwordHash !== undefined) changes.passwordHash = passwordHash;
      if (!(await updateAtVersion(tx.manager, User, id, before.version, changes))) throw versionConflict();
      // Disabling a user or changing their password ends every session they have.
      if (input.disabled === true || passwordHash !== undefined) {
        await tx.manager.createQueryBuilder().update(Session).set({ revokedAt: now }).where('user_id = :id AND revoked_at IS NULL', { id }).execute();
      }
      const after = toUserView({ ...before, ...changes, version: before.version + 1 });
      await this.audit.record(tx, { actorId: actor.id, action: 'user.updated', entityType: 'user', entityId: id, articleId: null, before: toUserView(before), after });
      return after;
    });
  }

  /**
   * `POST /me/password`: the current password is checked within the login limit (a stolen session
   * cannot guess it faster than the sign-in form); every other session of the user ends.
   */
  async changeOwnPassword(actor: Actor, sessionToken: string, currentPassword: string, newPassword: string, client: string): Promise<void> {
    const user = await this.users.findOneBy({ id: actor.id });
    if (!user) throw notFound('user', actor.id);
    if (!(await this.auth.checkPassword(user.email, currentPassword, client))) throw forbidden('the current password is wrong');
    assertStrongPassword(newPassword, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.transactions.run(async (tx) => {
      const before = await tx.manager.findOneBy(User, { id: actor.id });
      if (!before) throw notFound('user', actor.id);
      const now = nowIso();
      if (!(await updateAtVersion(tx.manager, User, actor.id, before.version, { passwordHash, updatedAt: now }))) throw versionConflict();
      await tx.manager.createQueryBuilder().update(Session).set({ revokedAt: now })
        .where('user_id = :id AND revoked_at IS NULL AND token_hash <> :current', { id: actor.id, current: hashToken(sessionToken) }).execute();
      const after = toUserView({ ...before, updatedAt: now, version: before.version + 1 });
      await this.audit.record(tx, { actorId: actor.id, action: 'user.password_changed', entityType: 'user', entityId: actor.id, articleId: null, before: toUserView(before), after });
    });
  }

  /** API.md, "Work": work is assigned to an active user of the desk; anyone else is 422 on `assigneeId`. */
  async assertAssignable(tx: Tx, id: string): Promise<void> {
    const user = await tx.manager.findOne(User, { where: { id }, select: { id: true, disabled: true } });
    if (!user) throw validationFailed('assigneeId', `there is no user ${id}`);
    if (user.disabled) throw validationFailed('assigneeId', `user ${id} is disabled`);
  }

  /** Refuses (409 `last_admin`) a change that would leave the desk with no active admin. */
  private async assertAnotherActiveAdmin(tx: Tx, id: string): Promise<void> {
    // Two admins demoting each other at once must not both succeed.
    if (tx.engine === 'postgres') await tx.manager.query('SELECT pg_advisory_xact_lock($1)', [ADMINS_LOCK]);
    const others = await tx.manager.createQueryBuilder(User, 'u')
      .where('u.role = :role AND u.disabled = :disabled AND u.id <> :id', { role: 'admin', disabled: false, id }).getCount();
    if (others === 0) throw new DomainError('last_admin', 'this is the last active admin: make another user admin first');
  }

  /**
   * The first start of an empty desk creates an admin, from CLAIMDESK_ADMIN_EMAIL/PASSWORD or with a
   * generated password printed once: there is no other way in.
   */
  async ensureFirstAdmin(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.settings.adminEmail ?? 'admin@claimdesk.local';
    const generated = this.settings.adminPassword === null;
    const password = this.settings.adminPassword ?? randomBytes(18).toString('base64url');
    try {
      await this.create(null, { email, displayName: 'Administrator', role: 'admin', password });
    } catch (error) {
      // Another instance starting at the same time created it first.
      if (error instanceof DomainError && error.code === 'already_exists') return;
      throw error;
    }
    if (generated) {
      process.stdout.write(`\nClaimDesk: created the first admin ${email} with password ${password}\nIt is shown only this once.\n\n`);
    } else {
      this.logger.log(`created the first admin ${email}`);
    }
  }
}
