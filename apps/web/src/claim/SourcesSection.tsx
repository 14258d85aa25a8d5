import { FormEvent, useEffect, useState } from 'react';
import { snapshotContentPath, sources as sourcesApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { ClaimSource, SnapshotHead, Source, Stance } from '../api/types';
import { describedBy, FieldError } from '../layout/FieldError';
import { useNotices } from '../layout/notices';

const STANCES: Array<{ value: Stance; label: string }> = [
  { value: 'supports', label: 'Supports the claim' },
  { value: 'refutes', label: 'Refutes the claim' },
  { value: 'context', label: 'Context' },
];
const STANCE_LABEL: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };

/** The evidence checked for a claim, and adding more: a new URL or a source the desk already knows. */
export function SourcesSection({ claimId, items, snapshots, reload }: { claimId: string; items: ClaimSource[]; snapshots: Record<string, SnapshotHead[]>; reload: () => void }) {
  const { notify } = useNotices();
  const [adding, setAdding] = useState(false);
  const [archiving, setArchiving] = useState<string | null>(null);
  const takeSnapshot = async (sourceId: string): Promise<void> => {
    setArchiving(sourceId);
    try {
      await sourcesApi.snapshot(sourceId);
      notify('The page is archived.', 'success');
      reload();
    } catch (e) {
      notify(e instanceof ApiError ? `The page could not be archived: ${e.message}` : 'The page could not be archived.', 'error');
    } finally {
      setArchiving(null);
    }
  };
  const detach = async (sourceId: string): Promise<void> => {
    try {
      await sourcesApi.detach(claimId, sourceId);
      reload();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The source could not be removed.', 'error');
    }
  };
  return (
    <div className="sources">
      {items.length === 0 && <p className="muted small">No sources yet. A verdict can be submitted once a source is attached.</p>}
      <ul className="source-list" data-testid="sources">
        {items.map((cs) => (
          <li key={cs.sourceId} className="source">
            <span className={`stance stance-${cs.stance}`}>{STANCE_LABEL[cs.stance]}</span>
            <a href={cs.source.url} target="_blank" rel="noopener noreferrer">{cs.source.title || cs.source.url}</a>
            {cs.source.publisher && <span className="muted"> · {cs.source.publisher}</span>}
            {cs.excerpt && <blockquote className="excerpt">{cs.excerpt}</blockquote>}
            {cs.note && <p className="small">{cs.note}</p>}
            <SnapshotLine latest={snapshots[cs.sourceId]?.at(-1)} />
            <button type="button" className="link-button" disabled={archiving === cs.sourceId} onClick={() => void takeSnapshot(cs.sourceId)} aria-label={`Take snapshot of ${cs.source.title || cs.source.url}`}>
              {archiving === cs.sourceId ? 'Archiving…' : 'Take snapshot'}
            </button>
            <button type="button" className="link-button" onClick={() => void detach(cs.sourceId)} aria-label={`Remove source ${cs.source.title || cs.source.url}`}>Remove</button>
          </li>
        ))}
      </ul>
      {adding ? (
        <AddSourceForm claimId={claimId} onDone={() => { setAdding(false); reload(); }} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button-small" onClick={() => setAdding(true)}>Add a source</button>
      )}
    </div>
  );
}

/** "archived on <date>", linking to the stored copy: evidence that outlives the page. */
function SnapshotLine({ latest }: { latest: SnapshotHead | undefined }) {
  if (!latest) return <p className="muted small">Not archived yet.</p>;
  return (
    <p className="small snapshot">
      <a href={snapshotContentPath(latest.id)} title={`sha256 ${latest.sha256}`}>archived on <time dateTime={latest.fetchedAt}>{latest.fetchedAt.slice(0, 10)}</time></a>
      {latest.httpStatus >= 400 && <span className="muted"> (the page answered {latest.httpStatus})</span>}
    </p>
  );
}

function AddSourceForm({ claimId, onDone, onCancel }: { claimId: string; onDone: () => void; onCancel: () => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Source[]>([]);
  const [chosen, setChosen] = useState<Source | null>(null);
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [stance, setStance] = useState<Stance>('supports');
  const [excerpt, setExcerpt] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (query.trim().length < 2) {
      setFound([]);
      return;
    }
    const timer = window.setTimeout(() => {
      sourcesApi.search(query.trim()).then((page) => setFound(page.items), () => setFound([]));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [query]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await sourcesApi.attach(claimId, {
        ...(chosen ? { sourceId: chosen.id } : { source: { url: url.trim(), ...(title.trim() ? { title: title.trim() } : {}) } }),
        stance,
        ...(excerpt.trim() ? { excerpt: excerpt.trim() } : {}),
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: 'Error', status: 0, code: 'unknown', detail: 'The source could not be added.' }));
      setBusy(false);
    }
  };
  const urlError = error?.fieldError('source.url') ?? error?.fieldError('url');

  return (
    <form className="source-form" onSubmit={submit} aria-label="Add a source">
      <div className="field">
        <label htmlFor="source-search">Find a source the desk already has</label>
        {/* aria-controls only while the list it names is there: a reference to a missing id is an error. */}
        <input id="source-search" type="search" value={query} onChange={(e) => { setQuery(e.target.value); setChosen(null); }} aria-controls={found.length > 0 && !chosen ? 'source-results' : undefined} />
        {found.length > 0 && !chosen && (
          <ul id="source-results" className="source-results" aria-label="Sources the desk already has">
            {found.map((s) => (
              <li key={s.id}>
                <button type="button" className="link-button" onClick={() => { setChosen(s); setFound([]); }}>
                  {s.title || s.url} <span className="muted">{s.url}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {chosen ? (
        <p className="callout">Using <strong>{chosen.title || chosen.url}</strong>. <button type="button" className="link-button" onClick={() => setChosen(null)}>Use a new URL instead</button></p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="source-url">Or a new source: URL</label>
            <input id="source-url" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={!!urlError} aria-describedby={describedBy('source-url', urlError)} />
            <FieldError fieldId="source-url" message={urlError} />
          </div>
          <div className="field">
            <label htmlFor="source-title">Title</label>
            <input id="source-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="source-stance">Stance</label>
        <select id="source-stance" value={stance} onChange={(e) => setStance(e.target.value as Stance)}>
          {STANCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="source-excerpt">Excerpt</label>
        <textarea id="source-excerpt" rows={2} value={excerpt} onChange={(e) => setExcerpt(e.target.value)} />
      </div>
      {error && !urlError && <p className="field-error" role="alert">{error.message}</p>}
      <div className="actions">
        <button type="submit" className="button button-small button-primary" disabled={busy || (!chosen && !url.trim())}>Attach source</button>
        <button type="button" className="button button-small button-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
