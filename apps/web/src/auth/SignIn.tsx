import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import { navigate } from '../routing/router';
import { useSession } from './session';

/** The sign-in screen; after an expired session it says so and returns the user where they were. */
export function SignIn({ reason }: { reason: 'expired' | 'signed-out' | null }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      // A fresh start lands on My work; a sign-in after an expired session stays where it was.
      if (window.location.pathname === '/') navigate('/work', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Signing in failed.');
      setBusy(false);
    }
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <p className="brand brand-large" aria-hidden="true">ClaimDesk</p>
        <h1 id="sign-in-title">Sign in to the desk</h1>
        {reason === 'expired' && <p className="callout callout-warning" role="alert">Your session has expired. Sign in again to carry on where you were.</p>}
        {reason === 'signed-out' && <p className="callout" role="status">You have signed out.</p>}
        <div className="field">
          <label htmlFor="sign-in-email">E-mail</label>
          <input id="sign-in-email" ref={emailRef} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && <p className="field-error" role="alert" id="sign-in-error">{error}</p>}
        <button type="submit" className="button button-primary" disabled={busy || !email || !password}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
