import { isAbsolute, resolve } from 'node:path';

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = 'sqlite:data/claimdesk.sqlite';

/**
 * DATABASE_URL picks the engine: `sqlite:<path>` (relative to the working directory, or absolute)
 * or `postgres://user:pass@host:5432/db`. Anything else is a configuration error.
 */
export function parseDatabaseUrl(raw: string, cwd: string = process.cwd()): DatabaseTarget {
  const value = raw.trim();
  if (value.startsWith('sqlite:')) {
    let path = value.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2); // tolerate sqlite://relative or sqlite:///absolute
    if (!path) throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/claimdesk.sqlite');
    if (path === ':memory:') return { kind: 'sqlite', path };
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new Error('DATABASE_URL: not a valid postgres:// URL');
    }
    if (!url.hostname || url.pathname.length <= 1) {
      throw new Error('DATABASE_URL: a postgres:// URL needs a host and a database name');
    }
    return { kind: 'postgres', url: value };
  }
  throw new Error(`DATABASE_URL: expected sqlite:<path> or postgres://..., got "${value.slice(0, 40)}"`);
}
