import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ArticleUnavailable } from './ArticleUnavailable';
import { claims as claimsApi, verdicts } from '../api/desk';
import type { Article, LiveEvent, RatingScale, RevisionResult, WorkspaceClaim } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { ClaimPanel } from '../claim/ClaimPanel';
import { clearDocumentSelection, isTypingTarget, readArticleSelection, restoreArticleSelection } from '../lib/dom-selection';
import { formatDate } from '../lib/format';
import { keepUnchanged } from '../lib/keep-unchanged';
import type { ClaimSpanSelection } from '../lib/offsets';
import { quoteSelectorOf } from '../lib/quote-selector';
import { speakerAt } from '../lib/speaker';
import { useNotices } from '../layout/notices';
import { describeEvent } from '../live/describe-event';
import { LiveStatus, useArticleEvents } from '../live/useArticleEvents';
import { articlePath, Link, navigate, revisionsPath } from '../routing/router';
import { AssigneeBadge } from '../work/AssigneeBadge';
import { ArticleText, sameTextClaim, TextClaim } from './ArticleText';
import { ClaimFilterBar } from './ClaimFilterBar';
import { ClaimList } from './ClaimList';
import { claimColour, ColourMode } from './claim-colours';
import { ExportMenu } from './ExportMenu';
import { ClaimFilters, inReadingOrder, matchesFilters, NO_FILTERS } from './filters';
import { Legend } from './Legend';
import { MarkClaimForm, MarkedClaimFields, Marking } from './MarkClaimForm';
import { ReviseTextForm } from './ReviseTextForm';
import { RevisionOutcome } from './RevisionOutcome';
import { useRemark } from './useRemark';
import { useWorkspace } from './useWorkspace';

const LIVE_LABEL: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

const short = (quote: string, max: number): string => (quote.length > max ? `${quote.slice(0, max - 1)}…` : quote);

/** The reading view: the article with its claims, the claims list, marking, and the selected claim's panel. */
export function ReaderPage({ articleId, claimId }: { articleId: string; claimId: string | null }) {
  const me = useCurrentUser();
  const { notify } = useNotices();
  const { workspace, error, reload, apply } = useWorkspace(articleId);
  const [scales, setScales] = useState<ReadonlyMap<string, RatingScale>>(new Map());
  const [mode, setMode] = useState<ColourMode>('status');
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS);
  const [selection, setSelection] = useState<ClaimSpanSelection | null>(null);
  const [marking, setMarking] = useState<Marking | null>(null);
  const [caretMode, setCaretMode] = useState(false);
  const [changes, setChanges] = useState<LiveEvent[]>([]);
  const [revising, setRevising] = useState(false);
  const [outcome, setOutcome] = useState<{ result: RevisionResult; previousRevision: number } | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const updateButton = useRef<HTMLButtonElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    verdicts.scales().then((page) => setScales(new Map(page.items.map((s) => [s.id, s]))), () => undefined);
  }, []);

  // Notices for others' changes wait for the change to be shown (an event naming someone new is shown
  // by reading the workspace again, whose user list names the newcomer too).
  const unannounced = useRef<LiveEvent[]>([]);
  const liveStatus = useArticleEvents(articleId, {
    onEvent: (event) => {
      apply(event);
      if (event.actorId === me.id) return;
      setChanges((all) => [...all.slice(-49), event]);
      unannounced.current.push(event);
    },
    // Back after a break with nothing to replay from: what the stream missed is read afresh.
    onResync: reload,
  });
  useEffect(() => {
    if (!workspace) return;
    for (const event of unannounced.current.splice(0)) notify(describeEvent(event, workspace.users), 'info');
  }, [workspace, notify]);

  const ordered = useMemo(() => inReadingOrder(workspace?.claims ?? []), [workspace]);
  const visible = useMemo(() => ordered.filter((c) => matchesFilters(c, filters)), [ordered, filters]);
  const selected: WorkspaceClaim | null = workspace?.claims.find((c) => c.id === claimId) ?? null;

  // The marks as drawn; those that a live change leaves alike stay the same objects, so that the text
  // redraws only the paragraphs whose marks changed (a colleague's note redraws none).
  const drawnClaims = useRef<readonly TextClaim[] | null>(null);
  const textClaims: readonly TextClaim[] = useMemo(() => {
    const next = visible
      .filter((c) => c.startUtf16 !== null && c.endUtf16 !== null)
      .map((c) => ({
        id: c.id, start: c.startUtf16!, end: c.endUtf16!, colour: claimColour(c, mode, scales), fuzzy: c.anchor === 'fuzzy',
        label: `“${c.quote.length > 60 ? `${c.quote.slice(0, 59)}…` : c.quote}”${c.claimant ? ` (${c.claimant})` : ''}`,
      }));
    drawnClaims.current = keepUnchanged(drawnClaims.current, next, (c) => c.id, sameTextClaim);
    return drawnClaims.current;
  }, [visible, mode, scales]);

  const select = useCallback((id: string | null) => {
    navigate(articlePath(articleId, id), { replace: true });
  }, [articleId]);

  // Bring the selected claim's text into view (after j/k, a deep link, or a click in the list) — once
  // per claim opened: a colleague's change reloads the workspace but never moves the reader.
  const shownClaim = useRef<string | null>(null);
  useEffect(() => {
    if (!claimId || !workspace || shownClaim.current === claimId) return;
    const run = textRef.current?.querySelector(`[data-claim-ids~="${CSS.escape(claimId)}"]`);
    if (!run) return;
    shownClaim.current = claimId;
    run.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    document.querySelector(`.claim-list [data-claim-id="${CSS.escape(claimId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [claimId, workspace]);
  useEffect(() => {
    if (!claimId) shownClaim.current = null;
  }, [claimId]);

  // Track the text selection so "Mark claim" knows what to mark.
  useEffect(() => {
    const update = (): void => {
      if (!textRef.current || !workspace) return;
      setSelection(readArticleSelection(textRef.current, workspace.article.text));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [workspace]);

  // A colleague's claim in the same paragraph re-renders its runs, which drops the browser's
  // selection: after each new workspace, put the reviewer's selection back by its offsets, before
  // anything paints (when the text still holds the same words there).
  const text = workspace?.article.text ?? '';
  const lastSelection = useRef(selection);
  lastSelection.current = selection;
  useLayoutEffect(() => {
    const kept = lastSelection.current;
    if (!kept || !textRef.current || text.slice(kept.startUtf16, kept.endUtf16) !== kept.quote) return;
    restoreArticleSelection(textRef.current, kept.startUtf16, kept.endUtf16);
  }, [workspace, text]);

  /** The article's selection as a claim span: read from the DOM now, else the last one seen. */
  const readSelection = useCallback(() => {
    const current = textRef.current && workspace ? readArticleSelection(textRef.current, workspace.article.text) : null;
    return current ?? selection;
  }, [workspace, selection]);

  const forgetSelection = useCallback(() => {
    clearDocumentSelection();
    setSelection(null);
  }, []);

  const remark = useRemark({ selected, readSelection, onApplied: forgetSelection, reload, notify });

  const startMarking = useCallback(() => {
    const span = readSelection();
    if (!span) {
      notify('Select some text in the article first, then mark it as a claim.', 'warning');
      return;
    }
    setMarking({ selector: quoteSelectorOf(text, span.startUtf16, span.endUtf16), selectedIn: text, speaker: speakerAt(text, span.startUtf16) });
  }, [readSelection, notify, text]);

  const saveClaim = async (fields: MarkedClaimFields): Promise<void> => {
    if (!marking) return;
    // By its words and context, not offsets: the server places them in the text as it is now.
    const claim = await claimsApi.create(articleId, {
      selector: marking.selector,
      ...(fields.claimant ? { claimant: fields.claimant } : {}),
      ...(fields.claimReviewed ? { claimReviewed: fields.claimReviewed } : {}),
      ...(fields.tags.length ? { tags: fields.tags } : {}),
    });
    setMarking(null);
    forgetSelection();
    notify('Claim marked.', 'success');
    reload();
    select(claim.id);
  };

  // Updating the text: the form takes focus; closing it gives focus back to the button, saving to the outcome.
  const focusNext = useRef<'update-button' | 'outcome' | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    const target = focusNext.current === 'outcome' ? outcomeHeading.current : updateButton.current;
    if (target && !(target as HTMLButtonElement).disabled) {
      target.focus();
      focusNext.current = null;
    }
  });
  const openRevise = (): void => {
    forgetSelection();
    setMarking(null);
    setCaretMode(false);
    remark.cancel();
    setRevising(true);
  };
  const cancelRevise = (): void => {
    setRevising(false);
    focusNext.current = 'update-button';
  };
  const revised = (result: RevisionResult, before: Article): void => {
    setRevising(false);
    setOutcome({ result, previousRevision: before.revision });
    reload();
    focusNext.current = 'outcome';
  };
  const dismissOutcome = (): void => {
    setOutcome(null);
    focusNext.current = 'update-button';
  };

  // Keyboard: j/k next/previous claim, n mark the selection (or re-mark a claim), Esc close.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (revising) return; // the form handles its own keys
      if (event.key === 'Escape') {
        if (marking) setMarking(null);
        else if (remark.claimId) remark.cancel();
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
        if (remark.claimId) remark.applySelection();
        else startMarking();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visible, claimId, marking, caretMode, revising, remark, select, startMarking]);

  if (error && !workspace) return <ArticleUnavailable error={error} />;
  if (!workspace) return <main id="main" className="page"><p role="status">Loading the article…</p></main>;

  const { article } = workspace;
  const remarkTarget = remark.claimId && selected?.id === remark.claimId ? selected : null;
  const caretModeButton = (
    <button type="button" className="button button-quiet button-small" aria-pressed={caretMode} onClick={() => { setCaretMode((on) => !on); window.setTimeout(() => textRef.current?.focus(), 0); }}>
      {caretMode ? 'Done selecting' : 'Select with keyboard'}
    </button>
  );
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
            <AssigneeBadge assigneeId={article.assigneeId} dueAt={article.dueAt} users={workspace.users} />
          </p>
        </div>
        <div className="reader-tools">
          <span className={`live-status live-${liveStatus}`} role="status" data-testid="live-status">{LIVE_LABEL[liveStatus]}</span>
          <Link className="button" href={revisionsPath(article.id)}>Revisions</Link>
          <button type="button" ref={updateButton} className="button" onClick={openRevise} aria-expanded={revising} aria-controls="revise-area" disabled={revising}>
            Update text
          </button>
          <ExportMenu articleId={article.id} />
        </div>
      </header>
      <div className="reader-body">
        <aside className="claims-column" aria-label="Claims">
          <Legend mode={mode} onModeChange={setMode} />
          <ClaimFilterBar workspace={workspace} filters={filters} onChange={setFilters} />
          <ClaimList claims={visible} total={workspace.claims.length} selectedId={claimId} mode={mode} scales={scales} onSelect={select} users={workspace.users} />
        </aside>
        <section className="text-column" aria-label="Article text" id="revise-area">
          <div className="revise-outcome-region" aria-live="polite">
            {outcome && !revising && (
              <RevisionOutcome
                ref={outcomeHeading}
                articleId={article.id}
                result={outcome.result}
                previousRevision={outcome.previousRevision}
                claims={workspace.claims}
                onDismiss={dismissOutcome}
              />
            )}
          </div>
          {revising ? (
            <ReviseTextForm article={article} onRevised={revised} onCancel={cancelRevise} reload={reload} />
          ) : (
            <>
              {remarkTarget ? (
                <div className="mark-bar remark-bar" role="toolbar" aria-label="Re-marking a claim" data-testid="remark-bar">
                  <button type="button" className="button button-primary" onMouseDown={(e) => e.preventDefault()} onClick={remark.applySelection} disabled={!selection || remark.busy} aria-keyshortcuts="n" data-testid="apply-remark">
                    Apply to this claim <kbd>n</kbd>
                  </button>
                  <span className="selection-preview" aria-live="polite">
                    Re-marking “{short(remarkTarget.quote, 40)}”:{' '}
                    {selection ? <>new text “{short(selection.quote, 60)}”</> : <span className="muted">select its new text in the article.</span>}
                  </span>
                  {caretModeButton}
                  <button type="button" className="button button-quiet button-small" onClick={remark.cancel} aria-keyshortcuts="Escape">Cancel</button>
                </div>
              ) : (
                <div className="mark-bar" role="toolbar" aria-label="Marking">
                  <button type="button" className="button button-primary" onMouseDown={(e) => e.preventDefault()} onClick={startMarking} disabled={!selection} aria-keyshortcuts="n" data-testid="mark-claim">
                    Mark claim <kbd>n</kbd>
                  </button>
                  <span className="selection-preview" aria-live="polite">
                    {selection ? <>Selected: “{short(selection.quote, 80)}”</> : <span className="muted">Select text in the article to mark a claim.</span>}
                  </span>
                  {caretModeButton}
                </div>
              )}
              {marking && <MarkClaimForm marking={marking} text={text} onSave={saveClaim} onCancel={() => setMarking(null)} />}
              <ArticleText ref={textRef} text={text} claims={textClaims} selectedId={claimId} onSelectClaim={select} caretMode={caretMode} />
            </>
          )}
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
            remark={remark}
          />
        )}
      </div>
    </main>
  );
}
