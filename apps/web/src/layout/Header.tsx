import { ChangePassword } from '../auth/ChangePassword';
import { NotificationBell } from '../notifications/NotificationBell';
import { roleLabel, useCurrentUser, useSession } from '../auth/session';
import { Link } from '../routing/router';
import { HeaderSearch } from '../search/HeaderSearch';
import { QueueCount } from '../work/QueueCount';

/** The top bar: where you are, who you are, your password, and signing out. */
export function Header() {
  const user = useCurrentUser();
  const { signOut } = useSession();
  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">Skip to content</a>
      <Link href="/" className="brand">ClaimDesk</Link>
      <nav aria-label="Main" className="top-nav">
        <QueueCount />
        <Link href="/">Articles</Link>
        <Link href="/import">Import article</Link>
        {user.role === 'admin' && <Link href="/admin/webhooks">Webhooks</Link>}
      </nav>
      <NotificationBell />
      <HeaderSearch />
      <div className="who" data-testid="current-user">
        <span className="who-name">{user.displayName}</span>
        <span className={`role-badge role-${user.role}`}>{roleLabel(user.role)}</span>
        <ChangePassword />
        <button type="button" className="button button-quiet" onClick={() => void signOut()}>Sign out</button>
      </div>
    </header>
  );
}
