import { FormEvent, useCallback, useEffect, useState } from 'react';
import { webhooks } from '../api/desk';
import { ApiError } from '../api/http';
import type { Webhook, WebhookDelivery, WebhookEvent } from '../api/types';
import { describedBy, FieldError } from '../layout/FieldError';
import { useNotices } from '../layout/notices';

/** The events a hook may choose, grouped as the desk's work is (API.md, "Live updates"). */
const EVENT_GROUPS: { label: string; events: WebhookEvent[] }[] = [
  { label: 'Articles', events: ['article.created', 'article.updated', 'article.revised', 'article.deleted', 'article.assigned'] },
  { label: 'Claims', events: ['claim.created', 'claim.updated', 'claim.corrected', 'claim.deleted', 'claim.assigned'] },
  { label: 'Notes and sources', events: ['annotation.created', 'annotation.updated', 'annotation.deleted', 'claim_source.created', 'claim_source.deleted'] },
  { label: 'Verdicts', events: ['verdict.created', 'verdict.updated', 'verdict.submitted', 'verdict.approved', 'verdict.rejected', 'verdict.published', 'verdict.retracted'] },
];

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : 'Something went wrong.');

/**
 * Administration → Webhooks: the newsroom systems (Slack bridges, CMS) the desk sends its events to.
 * Add one with its events and secret, send it a test, read its delivery log, remove it.
 */
export function WebhooksPage() {
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setHooks((await webhooks.list()).items);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  return (
    <main id="main" className="page page-narrow">
      <div className="page-head"><h1>Webhooks</h1></div>
      <p className="muted">Each change on the desk is sent as a signed POST to the URLs below (header <code>X-ClaimDesk-Signature</code>).
        Failed deliveries are retried for about two hours.</p>
      <AddWebhook onAdded={reload} />
      <h2>Webhooks</h2>
      {loadError && <p className="callout callout-error" role="alert">{loadError}</p>}
      {hooks === null && !loadError && <p className="loading" role="status">Loading webhooks…</p>}
      {hooks?.length === 0 && <p className="empty">No webhooks yet.</p>}
      {hooks && hooks.length > 0 && (
        <ul className="webhook-list">
          {hooks.map((hook) => <WebhookItem key={hook.id} hook={hook} onRemoved={reload} />)}
        </ul>
      )}
    </main>
  );
}

function AddWebhook({ onAdded }: { onAdded: () => Promise<void> }) {
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [every, setEvery] = useState(true);
  const [chosen, setChosen] = useState<WebhookEvent[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { notify } = useNotices();

  const toggle = (event: WebhookEvent): void => setChosen((all) => (all.includes(event) ? all.filter((e) => e !== event) : [...all, event]));
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await webhooks.create({ url: url.trim(), secret, events: every ? ['*'] : chosen });
      setUrl('');
      setSecret('');
      setChosen([]);
      setEvery(true);
      notify('Webhook added.', 'success');
      await onAdded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : null);
      if (!(caught instanceof ApiError)) notify(errorMessage(caught), 'error');
    } finally {
      setBusy(false);
    }
  };

  const urlError = error?.fieldError('url');
  const secretError = error?.fieldError('secret');
  const eventsError = error?.fieldError('events');
  const formError = error && !urlError && !secretError && !eventsError ? error.message : undefined;
  return (
    <form className="webhook-form" onSubmit={submit} aria-labelledby="add-webhook-heading" noValidate>
      <h2 id="add-webhook-heading">Add a webhook</h2>
      <div className="field">
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" type="url" required value={url} placeholder="https://hooks.example.org/claimdesk"
          aria-invalid={urlError ? true : undefined} aria-describedby={describedBy('webhook-url', urlError)} onChange={(e) => setUrl(e.target.value)} />
        <FieldError fieldId="webhook-url" message={urlError} />
      </div>
      <div className="field">
        <label htmlFor="webhook-secret">Secret (at least 16 characters; the receiver checks signatures with it)</label>
        <input id="webhook-secret" type="password" autoComplete="off" required minLength={16} value={secret}
          aria-invalid={secretError ? true : undefined} aria-describedby={describedBy('webhook-secret', secretError)} onChange={(e) => setSecret(e.target.value)} />
        <FieldError fieldId="webhook-secret" message={secretError} />
      </div>
      <fieldset className="webhook-events" aria-describedby={describedBy('webhook-events', eventsError)}>
        <legend>Events</legend>
        <label><input type="radio" name="webhook-scope" checked={every} onChange={() => setEvery(true)} /> Every event</label>
        <label><input type="radio" name="webhook-scope" checked={!every} onChange={() => setEvery(false)} /> Only these:</label>
        {!every && EVENT_GROUPS.map((group) => (
          <fieldset key={group.label} className="webhook-event-group">
            <legend>{group.label}</legend>
            {group.events.map((event) => (
              <label key={event}><input type="checkbox" checked={chosen.includes(event)} onChange={() => toggle(event)} /> <code>{event}</code></label>
            ))}
          </fieldset>
        ))}
        <FieldError fieldId="webhook-events" message={eventsError} />
      </fieldset>
      {formError && <p className="field-error" role="alert">{formError}</p>}
      <button type="submit" className="button button-primary" disabled={busy}>Add webhook</button>
    </form>
  );
}

function WebhookItem({ hook, onRemoved }: { hook: Webhook; onRemoved: () => Promise<void> }) {
  const [log, setLog] = useState<WebhookDelivery[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { notify } = useNotices();
  const headingId = `webhook-${hook.id}`;

  const loadLog = useCallback(async () => {
    try {
      setLog((await webhooks.deliveries(hook.id)).items);
    } catch (e) {
      notify(errorMessage(e), 'error');
    }
  }, [hook.id, notify]);
  useEffect(() => void loadLog(), [loadLog]);

  const test = async (): Promise<void> => {
    setBusy(true);
    try {
      const ping = await webhooks.test(hook.id);
      notify(ping.state === 'delivered' ? `Test delivered: the receiver answered ${ping.status}.` : `Test failed: ${ping.lastError ?? 'no answer'}. It will be retried.`,
        ping.state === 'delivered' ? 'success' : 'warning');
      await loadLog();
    } catch (e) {
      notify(errorMessage(e), 'error');
    } finally {
      setBusy(false);
    }
  };
  const remove = async (): Promise<void> => {
    if (!window.confirm(`Remove the webhook to ${hook.url}? Nothing more will be sent to it, retries included.`)) return;
    setBusy(true);
    try {
      await webhooks.remove(hook.id);
      notify('Webhook removed.', 'success');
      await onRemoved();
    } catch (e) {
      notify(errorMessage(e), 'error');
      setBusy(false);
    }
  };

  return (
    <li className="webhook" aria-labelledby={headingId}>
      <h3 id={headingId} className="webhook-url">{hook.url}</h3>
      <dl className="details-list">
        <dt>Events</dt><dd>{hook.events.includes('*') ? 'Every event' : hook.events.join(', ')}</dd>
        <dt>Secret</dt><dd>ending in <code>{hook.secretHint.replace(/^…/, '')}</code></dd>
      </dl>
      <div className="actions">
        <button type="button" className="button button-small" disabled={busy} onClick={() => void test()}>Send test</button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => void loadLog()}>Refresh log</button>
        <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => void remove()}>Remove</button>
      </div>
      <DeliveryLog hookUrl={hook.url} log={log} />
    </li>
  );
}

function DeliveryLog({ hookUrl, log }: { hookUrl: string; log: WebhookDelivery[] | null }) {
  if (log === null) return <p className="loading">Loading deliveries…</p>;
  if (log.length === 0) return <p className="empty">Nothing delivered yet.</p>;
  return (
    <table className="article-table webhook-log">
      <caption className="visually-hidden">Latest deliveries to {hookUrl}</caption>
      <thead>
        <tr><th scope="col">Event</th><th scope="col">State</th><th scope="col">HTTP status</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Delivered</th></tr>
      </thead>
      <tbody>
        {log.map((delivery) => (
          <tr key={delivery.id}>
            <td><code>{delivery.event}</code></td>
            <td>{delivery.state}</td>
            <td>{delivery.status ?? '—'}</td>
            <td>{delivery.attempts}</td>
            <td>{delivery.lastError ?? '—'}</td>
            <td>{delivery.deliveredAt ? <time dateTime={delivery.deliveredAt}>{new Date(delivery.deliveredAt).toLocaleString()}</time> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
