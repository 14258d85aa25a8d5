import { useCallback, useEffect, useMemo, useState } from 'react';
import { claims as claimsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { Claim } from '../api/types';
import type { ClaimSpanSelection } from '../lib/offsets';
import type { Tone } from '../layout/notices';

type Target = Pick<Claim, 'id' | 'version' | 'start' | 'end'>;

export interface Remark {
  /** The claim being re-marked: the next selection applied (button or `n`) goes to it, not to a new claim. */
  claimId: string | null;
  busy: boolean;
  /** Why the last confirm or re-mark failed, shown in the claim panel. */
  error: string | null;
  /** The claim last confirmed or re-marked here, so its panel can say so. */
  doneId: string | null;
  /** Re-marks `claim` with the article's current selection; with nothing selected, starts re-marking mode. */
  request: (claim: Target) => void;
  /** In re-marking mode: applies the current selection to the claim. */
  applySelection: () => void;
  /** Keeps a fuzzy claim where it was placed: its current span, sent back as a TextPositionSelector. */
  confirm: (claim: Target) => void;
  cancel: () => void;
}

interface Options {
  /** The claim open in the panel; re-marking mode ends when another one opens. */
  selected: Target | null;
  /** The article's current text selection as a claim span (lib/offsets), or null. */
  readSelection: () => ClaimSpanSelection | null;
  /** After a success: forget the text selection. */
  onApplied: () => void;
  reload: () => void;
  notify: (message: string, tone?: Tone) => void;
}

/**
 * Confirming or re-marking a claim after a text change: PATCH /claims/:id with a new selector (in code
 * points) and If-Match. The API then calls the claim anchored.
 */
export function useRemark({ selected, readSelection, onApplied, reload, notify }: Options): Remark {
  const [claimId, setClaimId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [doneId, setDoneId] = useState<string | null>(null);

  const selectedId = selected?.id ?? null;
  useEffect(() => {
    setClaimId((current) => (current !== null && current !== selectedId ? null : current));
    setError(null);
  }, [selectedId]);

  const save = useCallback(async (claim: Target, start: number, end: number, how: 'confirmed' | 're-marked', correctionNote?: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await claimsApi.update(claim.id, { selector: { type: 'TextPositionSelector', start, end }, correctionNote }, claim.version);
      setClaimId(null);
      setDoneId(claim.id);
      notify(how === 'confirmed' ? 'Place confirmed: the claim is anchored.' : 'Claim re-marked: it is anchored to the new text.', 'success');
      onApplied();
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation_failed' && e.fieldError('correctionNote') && correctionNote === undefined) {
        // The claim has a published verdict: changing its words is a correction, which readers are told about.
        const note = window.prompt('This claim has a published verdict, so re-marking it is a correction that its reports will list. Say for readers why its words change:')?.trim();
        if (note) {
          setBusy(false);
          await save(claim, start, end, how, note);
          return;
        }
        setError('Not re-marked: a claim with a published verdict needs a correction note.');
      } else if (e instanceof ApiError && e.code === 'version_conflict') {
        setError('Someone changed this claim in the meantime. It has been reloaded: check it and try again.');
        reload();
      } else {
        setError(e instanceof ApiError ? e.message : 'The claim could not be saved.');
      }
    } finally {
      setBusy(false);
    }
  }, [notify, onApplied, reload]);

  const request = useCallback((claim: Target) => {
    if (busy) return;
    setError(null);
    const span = readSelection();
    if (span) void save(claim, span.start, span.end, 're-marked');
    else setClaimId(claim.id);
  }, [busy, readSelection, save]);

  const applySelection = useCallback(() => {
    if (busy || !selected || claimId !== selected.id) return;
    const span = readSelection();
    if (!span) {
      notify('Select the claim’s new text in the article first.', 'warning');
      return;
    }
    void save(selected, span.start, span.end, 're-marked');
  }, [busy, selected, claimId, readSelection, save, notify]);

  const confirm = useCallback((claim: Target) => {
    if (busy || claim.start === null || claim.end === null) return;
    void save(claim, claim.start, claim.end, 'confirmed');
  }, [busy, save]);

  const cancel = useCallback(() => {
    setClaimId(null);
    setError(null);
  }, []);

  return useMemo(
    () => ({ claimId, busy, error, doneId, request, applySelection, confirm, cancel }),
    [claimId, busy, error, doneId, request, applySelection, confirm, cancel],
  );
}
