import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { claims as claimsApi, verdicts } from '../api/desk';
import type { LiveEvent, RatingScale, WorkspaceClaim } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { ClaimPanel } from '../claim/ClaimPanel';
import { clearDocumentSelection, isTypingTarget, readArticleSelection } from '../lib/dom-selection';
import { formatDate } from '../lib/format';
import type { ClaimSpanSelection } from '../lib/offsets';
import { useNotices } from '../layout/notices';
import { describeEvent } from '../live/describe-event';
import { useArticleEvents } from '../live/useArticleEvents';
import { articlePath, Link, navigate } from '../routing/router';
import { ArticleText, TextClaim } from './ArticleText';
import { ClaimFilterBar } from './ClaimFilterBar';
import { ClaimList } from './ClaimList';
import { claimColour, ColourMode } from './claim-colours';
import { ExportMenu } from './ExportMenu';
import { ClaimFilters, inReadingOrder, matchesFilters, NO_FILTERS } from './filters';
import { Legend } from './Legend';
import { MarkClaimForm, MarkedClaimFields } from './MarkClaimForm';
import { useWorkspace } from './useWorkspace';

/** The reading view: the article with its claims, the claims list, marking, and the selected claim's panel. */
export function ReaderPage({ articleId, claimId }: { articleId: string; claimId: string | null }) {
  const me = useCurrentUser();
  const { notify } = useNotices();
  const { workspace, error, reload } = useWorkspace(articleId);
  const [scales, setScales] = useState<ReadonlyMap<string, RatingScale>>(new Map());
  const [mode, setMode] = useState<ColourMode>('status');
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS);
  const [selection, setSelection] = useState<ClaimSpanSelection | null>(null);
  const [marking, setMarking] = useState<ClaimSpanSelection | null>(null);
  const [caretMode, setCaretMode] = useState(false);
  const [changes, setChanges] = useState<LiveEvent[]>([]);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    verdicts.scales().then((page) => setScales(new Map(page.items.map((s) => [s.id, s]))), () => undefined);
  }, []);

  // Notices for others' changes wait for the reload, whose user list names the newcomers too.
  const unannounced = useRef<LiveEvent[]>([]);
  const liveStatus = useArticleEvents(articleId, (event) => {
    reload();
    if (event.actorId === me.id) return;
    setChanges((all) => [...all.slice(-49), event]);
    unannounced.current.push(event);
  });
  useEffect(() => {
    if (!workspace) return;
    for (const event of unannounced.current.splice(0)) notify(describeEvent(event, workspace.users), 'info');
  }, [workspace, notify]);

  const text = workspace?.article.text ?? '';
  const ordered = useMemo(() => inReadingOrder(workspace?.claims ?? []), [workspace]);
  const visible = useMemo(() => ordered.filter((c) => matchesFilters(c, filters)), [ordered, filters]);
  const selected: WorkspaceClaim | null = workspace?.claims.find((c) => c.id === claimId) ?? null;

  const textClaims: TextClaim[] = useMemo(
    () => visible
      .filter((c) => c.startUtf16 !== null && c.endUtf16 !== null)
      .map((c) => ({
        id: c.id, start: c.startUtf16!, end: c.endUtf16!, colour: claimColour(c, mode, scales), fuzzy: c.anchor === 'fuzzy',
        label: `“${c.quote.length > 60 ? `${c.quote.slice(0, 59)}…` : c.quote}”${c.claimant ? ` (${c.claimant})` : ''}`,
      })),
    [visible, mode, scales],
  );

  const select = useCallback((id: string | null) => {
    navigate(articlePath(articleId, id), { replace: true });
  }, [articleId]);

  // Bring the selected claim's text into view (after j/k, a deep link, or a click in the list).
  useEffect(() => {
    if (!claimId || !workspace) return;
    const run = textRef.current?.querySelector(`[data-claim-ids~="${CSS.escape(claimId)}"]`);
    run?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    document.querySelector(`.claim-list [data-claim-id="${CSS.escape(claimId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [claimId, workspace]);

  // Track the text selection so "Mark claim" knows what to mark.
  useEffect(() => {
    const update = (): void => {
      if (!textRef.current || !workspace) return;
      setSelection(readArticleSelection(textRef.current, workspace.article.text));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [workspace]);

  const startMarking = useCallback(() => {
    const current = textRef.current && workspace ? readArticleSelection(textRef.current, workspace.article.text) : null;
    const span = current ?? selection;
    if (!span) {
      notify('Select some text in the article first, then mark it as a claim.', 'warning');
      return;
    }
    setMarking(span);
  }, [selection, workspace, notify]);

  const saveClaim = async (fields: MarkedClaimFields): Promise<void> => {
    if (!marking) return;
    const claim = await claimsApi.create(articleId, {
      selector: { type: 'TextPositionSelector', start: marking.start, end: marking.end },
      ...(fields.claimant ? { claimant: fields.claimant } : {}),
      ...(fields.claimReviewed ? { claimReviewed: fields.claimReviewed } : {}),
      ...(fields.tags.length ? { tags: fields.tags } : {}),
    });
    setMarking(null);
    clearDocumentSelection();
    setSelection(null);
    notify('Claim marked.', 'success');
    reload();
    select(claim.id);
  };

  // Keyboard: j/k next/previous claim, n mark the selection, Esc close.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.key === 'Escape') {
        if (marking) setMarking(null);
        else if (caretMode) setCaretMode(false);
        else if (claimId) select(null);
        return;
      }
      if (marking) return;
      if (event.key === 'j' || event.key === 'k') {
        if (visible.length === 0) return;
        event.preventDefault();
        const at = visible.findIndex((c) => c.id === claimId);
        const next = event.key === 'j' ? (at < 0 ? 0 : Math.min(at + 1, visible.length - 1)) : (at < 0 ? visible.length - 1 : Math.max(at - 1, 0));
        select(visible[next].id);
      } else if (event.key === 'n') {
        event.preventDefault();
        startMarking();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visible, claimId, marking, caretMode, select, startMarking]);

  if (error && !workspace) {
    return (
      <main id="main" className="page">
        <h1>{error.status === 404 ? 'Article not found' : 'The article could not be loaded'}</h1>
        <p role="alert">{error.message}</p>
        <p><Link href="/">Back to the articles</Link></p>
      </main>
    );
  }
  if (!workspace) return <main id="main" className="page"><p role="status">Loading the article…</p></main>;

  const { article } = workspace;
  return (
    <main id="main" className={`reader${selected ? ' reader-with-panel' : ''}`}>
      <header className="reader-head">
        <div>
          <p className="breadcrumb"><Link href="/">Articles</Link></p>
          <h1 className="article-title">{article.title}</h1>
          <p className="article-meta">
            {article.publisher && <span>{article.publisher}</span>}
            {article.publishedAt && <span>{formatDate(article.publishedAt)}</span>}
            {article.url && <a href={article.url} target="_blank" rel="noopener noreferrer">Original article</a>}
            <span>Revision {article.revision}</span>
          </p>
        </div>
        <div className="reader-tools">
          <span className={`live-status live-${liveStatus}`} role="status">{liveStatus === 'live' ? 'Live' : liveStatus === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</span>
          <ExportMenu articleId={article.id} />
        </div>
      </header>
      <div className="reader-body">
        <aside className="claims-column" aria-label="Claims">
          <Legend mode={mode} onModeChange={setMode} />
          <ClaimFilterBar workspace={workspace} filters={filters} onChange={setFilters} />
          <ClaimList claims={visible} total={workspace.claims.length} selectedId={claimId} mode={mode} scales={scales} onSelect={select} />
        </aside>
        <section className="text-column" aria-label="Article text">
          <div className="mark-bar" role="toolbar" aria-label="Marking">
            <button type="button" className="button button-primary" onMouseDown={(e) => e.preventDefault()} onClick={startMarking} disabled={!selection} aria-keyshortcuts="n" data-testid="mark-claim">
              Mark claim <kbd>n</kbd>
            </button>
            <span className="selection-preview" aria-live="polite">
              {selection ? <>Selected: “{selection.quote.length > 80 ? `${selection.quote.slice(0, 79)}…` : selection.quote}”</> : <span className="muted">Select text in the article to mark a claim.</span>}
            </span>
            <button type="button" className="button button-quiet button-small" aria-pressed={caretMode} onClick={() => { setCaretMode((on) => !on); window.setTimeout(() => textRef.current?.focus(), 0); }}>
              {caretMode ? 'Done selecting' : 'Select with keyboard'}
            </button>
          </div>
          {marking && <MarkClaimForm selection={marking} onSave={saveClaim} onCancel={() => setMarking(null)} />}
          <ArticleText ref={textRef} text={text} claims={textClaims} selectedId={claimId} onSelectClaim={select} caretMode={caretMode} />
        </section>
        {selected && (
          <ClaimPanel
            key={selected.id}
            claim={selected}
            workspace={workspace}
            scales={scales}
            changes={changes.filter((c) => c.entityId === selected.id || (c.entity as { claimId?: string } | null)?.claimId === selected.id)}
            reload={reload}
            onClose={() => select(null)}
          />
        )}
      </div>
    </main>
  );
}
