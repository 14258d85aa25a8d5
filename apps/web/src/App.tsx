import { useEffect } from 'react';
import { ArticleList } from './articles/ArticleList';
import { ImportArticle } from './articles/ImportArticle';
import { SignIn } from './auth/SignIn';
import { SessionProvider, useSession } from './auth/session';
import { Header } from './layout/Header';
import { MyEventsProvider } from './live/MyEvents';
import { NoticesProvider } from './layout/notices';
import { ShortcutHelp } from './layout/ShortcutHelp';
import { ClaimRedirect } from './reader/ClaimRedirect';
import { ReaderPage } from './reader/ReaderPage';
import { RevisionsPage } from './revisions/RevisionsPage';
import { SearchPage } from './search/SearchPage';
import { Link, matchRoute, useLocation } from './routing/router';
import { WebhooksPage } from './admin/WebhooksPage';
import { MyWorkPage } from './work/MyWorkPage';

export function App() {
  return (
    <NoticesProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </NoticesProvider>
  );
}

function Shell() {
  const { state } = useSession();
  if (state.status === 'checking') return <p className="loading" role="status">Loading ClaimDesk…</p>;
  if (state.status === 'signed-out') return <SignIn reason={state.reason} />;
  return (
    <MyEventsProvider>
      <Header />
      <Screens />
      <ShortcutHelp />
    </MyEventsProvider>
  );
}

function Screens() {
  const route = matchRoute(useLocation());
  useEffect(() => {
    if (route.screen !== 'article' && route.screen !== 'revisions' && route.screen !== 'search' && route.screen !== 'work') document.title = 'ClaimDesk';
  }, [route.screen]);
  switch (route.screen) {
    case 'articles':
      return <ArticleList />;
    case 'import':
      return <ImportArticle />;
    case 'work':
      return <MyWorkPage />;
    case 'article':
      return <ReaderPage key={route.articleId} articleId={route.articleId} claimId={route.claimId} />;
    case 'revisions':
      return <RevisionsPage key={route.articleId} articleId={route.articleId} revision={route.revision} />;
    case 'claim':
      return <ClaimRedirect claimId={route.claimId} />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'search':
      return <SearchPage />;
    case 'not-found':
      return (
        <main id="main" className="page">
          <h1>Page not found</h1>
          <p><Link href="/">Back to the articles</Link></p>
        </main>
      );
  }
}
