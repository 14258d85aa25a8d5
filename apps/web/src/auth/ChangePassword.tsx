import { FormEvent, useState } from 'react';
import { auth } from '../api/desk';
import { ApiError } from '../api/http';
import { describedBy, FieldError } from '../layout/FieldError';

/**
 * "Change password" in the top bar: a small form that opens in place. The API checks the new
 * password (≥ 12 characters, not a common one) and ends the user's other sessions.
 */
export function ChangePassword() {
  const [open, setOpen] = useState(false);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const toggle = (): void => {
    setOpen(!open);
    setCurrent('');
    setNew('');
    setError(null);
    setDone(false);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.changePassword({ currentPassword, newPassword });
      setDone(true);
      setCurrent('');
      setNew('');
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  const newError = error?.fieldError('newPassword');
  const formError = error && !newError ? error.message : undefined;
  return (
    <div className="change-password">
      <button type="button" className="button button-quiet" aria-expanded={open} onClick={toggle}>Change password</button>
      {open && (
        <form className="change-password-form" onSubmit={submit} aria-label="Change password" noValidate>
          {done && <p className="callout callout-success" role="status">Password changed. Your other sessions have been signed out.</p>}
          <div className="field">
            <label htmlFor="current-password">Current password</label>
            <input id="current-password" type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="new-password">New password (at least 12 characters)</label>
            <input id="new-password" type="password" autoComplete="new-password" required minLength={12} value={newPassword}
              aria-invalid={newError ? true : undefined} aria-describedby={describedBy('new-password', newError)} onChange={(e) => setNew(e.target.value)} />
            <FieldError fieldId="new-password" message={newError} />
          </div>
          {formError && <p className="field-error" role="alert">{formError}</p>}
          <button type="submit" className="button button-primary" disabled={busy || !currentPassword || newPassword.length < 12}>{busy ? 'Changing…' : 'Change password'}</button>
        </form>
      )}
    </div>
  );
}
