import { useEffect, useMemo, useRef, useState } from 'react';
import { ArticleUnavailable } from '../reader/ArticleUnavailable';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { Revision, RevisionSummary } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { findQuote } from '../lib/find-quote';
import { formatDateTime, plural } from '../lib/format';
import { ArticleText, TextClaim } from '../reader/ArticleText';
import { useWorkspace } from '../reader/useWorkspace';
import { articlePath, Link, navigate, revisionsPath } from '../routing/router';

/** Every page of the article's revisions, oldest first. */
async function allRevisions(articleId: string, signal: AbortSignal): Promise<RevisionSummary[]> {
  const items: RevisionSummary[] = [];
  let cursor: string | null = null;
  do {
    const page = await articles.revisions(articleId, cursor, { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const excerpt = (quote: string, max = 70): string => (quote.length > max ? `${quote.slice(0, max - 1)}…` : quote);
const message = (e: unknown, fallback: string): string => (e instanceof ApiError ? e.message : fallback);

/**
 * The article's revisions (who saved each, when, how long), and one revision's text read-only. The
 * last quotes of claims orphaned by a later change are highlighted where they can be found in it.
 */
export function RevisionsPage({ articleId, revision }: { articleId: string; revision: number | null }) {
  const me = useCurrentUser();
  const { workspace, error } = useWorkspace(articleId);
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [shown, setShown] = useState<Revision | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const textHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    allRevisions(articleId, abort.signal).then(setRevisions, (e: unknown) => {
      if ((e as Error).name !== 'AbortError') setListError(message(e, 'The revisions could not be loaded.'));
    });
    return () => abort.abort();
  }, [articleId]);

  useEffect(() => {
    setTextError(null);
    if (revision === null) {
      setShown(null);
      return;
    }
    let current = true;
    articles.revision(articleId, revision).then(
      (loaded) => { if (current) setShown(loaded); },
      (e: unknown) => { if (current) { setShown(null); setTextError(message(e, 'The revision could not be loaded.')); } },
    );
    return () => { current = false; };
  }, [articleId, revision]);

  // Choosing a revision moves focus to its text.
  useEffect(() => {
    if (shown) textHeading.current?.focus({ preventScroll: false });
  }, [shown]);

  const orphaned = useMemo(() => (workspace?.claims ?? []).filter((c) => c.anchor === 'orphaned'), [workspace]);
  const found = useMemo(() => {
    if (!shown) return [];
    return orphaned.flatMap((claim) => {
      const at = findQuote(shown.text, claim);
      return at ? [{ claim, ...at }] : [];
    });
  }, [shown, orphaned]);
  const highlights: TextClaim[] = useMemo(
    () => found.map(({ claim, start, end }) => ({ id: claim.id, start, end, colour: 'orphaned', fuzzy: false, label: `Lost claim: “${excerpt(claim.quote, 60)}”` })),
    [found],
  );

  if (error && !workspace) return <ArticleUnavailable error={error} />;

  const article = workspace?.article;
  const nameOf = (id: string): string => (id === me.id ? `${me.displayName} (you)` : workspace?.users[id]?.displayName ?? 'Another reviewer');

  return (
    <main id="main" className="page revisions-page">
      <p className="breadcrumb">
        <Link href="/">Articles</Link>
        {article && <> › <Link href={articlePath(articleId)}>{article.title}</Link></>}
      </p>
      <h1>Revisions{article && <span className="muted"> of “{article.title}”</span>}</h1>
      <p className="muted small">Every saved version of the article’s text, oldest first. Choose one to read it; old revisions are read-only.</p>
      {listError && <p className="callout callout-error" role="alert">{listError}</p>}
      {!revisions && !listError && <p role="status">Loading the revisions…</p>}
      {revisions && (
        <table className="article-table revisions-table" data-testid="revisions">
          <caption className="visually-hidden">Revisions of the article, oldest first</caption>
          <thead>
            <tr><th scope="col">Revision</th><th scope="col">Saved by</th><th scope="col">When</th><th scope="col">Length</th></tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.revision} data-testid="revision-row" data-revision={r.revision} className={r.revision === revision ? 'revision-shown' : undefined}>
                <th scope="row">
                  <Link href={revisionsPath(articleId, r.revision)} aria-current={r.revision === revision ? 'page' : undefined}>Revision {r.revision}</Link>
                  {article && r.revision === article.revision && <span className="tag revision-current">current</span>}
                </th>
                <td>{nameOf(r.createdBy)}</td>
                <td><time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time></td>
                <td>{plural(r.length, 'character')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p><Link href={articlePath(articleId)}>Back to the reading view</Link></p>

      {textError && <p className="callout callout-error" role="alert">{textError}</p>}
      {shown && (
        <section className="revision-text" aria-labelledby="revision-text-title" data-testid="revision-text">
          <h2 id="revision-text-title" ref={textHeading} tabIndex={-1}>
            Revision {shown.revision}
            {article && shown.revision === article.revision ? ' (the current text)' : ''}
            <span className="muted small"> · {formatDateTime(shown.createdAt)} · read-only</span>
          </h2>
          {orphaned.length > 0 && (
            found.length > 0 ? (
              <div className="callout callout-warning" data-testid="revision-orphans">
                <p className="small">
                  {found.length === 1 ? 'The last quote of a claim that lost its text is' : `The last quotes of ${found.length} claims that lost their text are`} highlighted
                  in this revision. Open {found.length === 1 ? 'it' : 'one'} to re-mark it in the current text:
                </p>
                <ul className="flagged-list">
                  {found.map(({ claim }) => (
                    <li key={claim.id} data-claim-id={claim.id}>
                      <span className="anchor-badge anchor-orphaned">Lost its text</span>{' '}
                      <Link href={articlePath(articleId, claim.id)}>“{excerpt(claim.quote)}”</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="muted small">
                {orphaned.length === 1 ? 'A claim lost its text, but its last quote is not in this revision.' : `${orphaned.length} claims lost their text, but none of their last quotes is in this revision.`}
              </p>
            )
          )}
          <ArticleText text={shown.text} claims={highlights} selectedId={null} onSelectClaim={(id) => navigate(articlePath(articleId, id))} caretMode={false} />
        </section>
      )}
    </main>
  );
}
