import { useCallback, useEffect, useMemo, useState } from 'react';
import { claims as claimsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { Claim, UpdateClaim } from '../api/types';
import type { ClaimSpanSelection } from '../lib/offsets';
import type { Tone } from '../layout/notices';

type Target = Pick<Claim, 'id' | 'version' | 'start' | 'end' | 'status'>;

export interface Remark {
  /** The claim being re-marked: the next selection applied (button or `n`) goes to it, not to a new claim. */
  claimId: string | null;
  busy: boolean;
  /** Why the last confirm or re-mark failed, shown in the claim panel. */
  error: string | null;
  /** The claim last confirmed or re-marked here, so its panel can say so. */
  doneId: string | null;
  /**
   * What changed, for a claim with a published verdict: re-marking it is a correction that needs an
   * editor and this note (API.md, Integrity); the published report lists the earlier words with it.
   */
  correctionNote: string;
  setCorrectionNote: (note: string) => void;
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
 * Confirming or re-marking a claim after a text change: PATCH /claims/:id with `confirm` or a new selector
 * (in code points), and If-Match. The API then calls the claim anchored.
 */
export function useRemark({ selected, readSelection, onApplied, reload, notify }: Options): Remark {
  const [claimId, setClaimId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [doneId, setDoneId] = useState<string | null>(null);
  const [correctionNote, setCorrectionNote] = useState('');

  const selectedId = selected?.id ?? null;
  useEffect(() => {
    setClaimId((current) => (current !== null && current !== selectedId ? null : current));
    setError(null);
    setCorrectionNote('');
  }, [selectedId]);

  const save = useCallback(async (claim: Target, change: UpdateClaim, how: 'confirmed' | 're-marked'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await claimsApi.update(claim.id, change, claim.version);
      setClaimId(null);
      setDoneId(claim.id);
      setCorrectionNote('');
      notify(how === 'confirmed' ? 'Place confirmed: the claim is anchored.' : 'Claim re-marked: it is anchored to the new text.', 'success');
      onApplied();
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setError('Someone changed this claim in the meantime. It has been reloaded: check it and try again.');
        reload();
      } else {
        setError(e instanceof ApiError ? e.message : 'The claim could not be saved.');
      }
    } finally {
      setBusy(false);
    }
  }, [notify, onApplied, reload]);

  /** A new selector for the claim; for a claim with a published verdict, with the correction note or not at all. */
  const remarkTo = useCallback((claim: Target, start: number, end: number): void => {
    const selector = { type: 'TextPositionSelector' as const, start, end };
    if (claim.status !== 'resolved') {
      void save(claim, { selector }, 're-marked');
      return;
    }
    const note = correctionNote.trim();
    if (!note) {
      setError('This claim has a published verdict: re-marking it is a correction. Say what changed in the correction note first.');
      return;
    }
    void save(claim, { selector, correctionNote: note }, 're-marked');
  }, [correctionNote, save]);

  const request = useCallback((claim: Target) => {
    if (busy) return;
    setError(null);
    const span = readSelection();
    if (span) remarkTo(claim, span.start, span.end);
    else setClaimId(claim.id);
  }, [busy, readSelection, remarkTo]);

  const applySelection = useCallback(() => {
    if (busy || !selected || claimId !== selected.id) return;
    const span = readSelection();
    if (!span) {
      notify('Select the claim’s new text in the article first.', 'warning');
      return;
    }
    remarkTo(selected, span.start, span.end);
  }, [busy, selected, claimId, readSelection, remarkTo, notify]);

  // Confirming keeps the words where they are: not a re-mark, so never a correction.
  const confirm = useCallback((claim: Target) => {
    if (busy || claim.start === null || claim.end === null) return;
    void save(claim, { confirm: true }, 'confirmed');
  }, [busy, save]);

  const cancel = useCallback(() => {
    setClaimId(null);
    setError(null);
  }, []);

  return useMemo(
    () => ({ claimId, busy, error, doneId, correctionNote, setCorrectionNote, request, applySelection, confirm, cancel }),
    [claimId, busy, error, doneId, correctionNote, request, applySelection, confirm, cancel],
  );
}
