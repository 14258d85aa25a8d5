import { Actor, DomainError, MAX_PAGE_SIZE } from '@claimdesk/core';
import { UsersService, UserView } from '@claimdesk/identity';

/** Every user, oldest first, page by page. */
export async function* allUsers(users: UsersService): AsyncGenerator<UserView> {
  let cursor: string | undefined;
  do {
    const page = await users.list(MAX_PAGE_SIZE, cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Who a command acts as: the user with that e-mail, or the first admin (the oldest enabled one).
 * UsersService has no lookup by e-mail, so this reads the list.
 */
export async function actingUser(users: UsersService, email: string | undefined): Promise<Actor & { email: string }> {
  const wanted = email?.trim().toLowerCase();
  for await (const user of allUsers(users)) {
    if (wanted !== undefined ? user.email === wanted : user.role === 'admin' && !user.disabled) {
      if (user.disabled) throw new DomainError('forbidden', `user ${user.email} is disabled`);
      return { id: user.id, role: user.role, email: user.email };
    }
  }
  if (wanted !== undefined) throw new DomainError('not_found', `user ${wanted} does not exist`);
  throw new DomainError('not_found', 'the desk has no enabled admin to act as; name a user with --as <email>');
}
