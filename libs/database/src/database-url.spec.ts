import { parseDatabaseUrl } from './database-url';

describe(parseDatabaseUrl.name, () => {
  it('resolves a relative SQLite path against the working directory', () => {
    expect(parseDatabaseUrl('sqlite:data/claimdesk.sqlite', '/srv/desk')).toEqual({ kind: 'sqlite', path: '/srv/desk/data/claimdesk.sqlite' });
  });

  it('keeps an absolute SQLite path', () => {
    expect(parseDatabaseUrl('sqlite:/var/lib/claimdesk.sqlite')).toEqual({ kind: 'sqlite', path: '/var/lib/claimdesk.sqlite' });
  });

  it('accepts a PostgreSQL URL', () => {
    expect(parseDatabaseUrl('postgres://desk:secret@127.0.0.1:5432/claimdesk').kind).toBe('postgres');
  });

  it.each(['mysql://x/y', 'sqlite:', 'postgres://', 'data.sqlite'])('names DATABASE_URL when %p is not usable', (raw) => {
    expect(() => parseDatabaseUrl(raw)).toThrow(/DATABASE_URL/);
  });
});
