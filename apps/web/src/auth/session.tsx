/** Who is signed in. The session itself is the HttpOnly cookie; the UI only asks /me. */
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { auth } from '../api/desk';
import { onUnauthenticated } from '../api/http';
import type { Role, User } from '../api/types';

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason: 'expired' | 'signed-out' | null }
  | { status: 'signed-in'; user: User };

interface SessionApi {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    auth.me().then(
      (user) => setState({ status: 'signed-in', user }),
      () => setState({ status: 'signed-out', reason: null }),
    );
    return onUnauthenticated(() => setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : s)));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await auth.login(email, password);
    setState({ status: 'signed-in', user: result.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await auth.logout();
    } finally {
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const api = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for screens shown after sign-in. */
export function useCurrentUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('no signed-in user');
  return state.user;
}

const RANK: Record<Role, number> = { reviewer: 1, editor: 2, admin: 3 };
export const isEditor = (user: Pick<User, 'role'>): boolean => RANK[user.role] >= RANK.editor;
export const roleLabel = (role: Role): string => ({ reviewer: 'Reviewer', editor: 'Editor', admin: 'Admin' })[role];
