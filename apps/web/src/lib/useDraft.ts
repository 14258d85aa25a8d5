import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/session';
import { draftKey, readDraft, writeDraft } from './drafts';

/** Open drafts in this tab, so that leaving the page with unsaved words asks first. */
const open = new Set<string>();
let warning = false;

function warnBeforeLeaving(): void {
  if (warning) return;
  warning = true;
  window.addEventListener('beforeunload', (event) => {
    if (open.size === 0) return;
    event.preventDefault();
    event.returnValue = '';
  });
}

/**
 * A form field's text kept as a draft in localStorage under `what` (e.g. `note:<claimId>`): restored
 * when the form comes back, forgotten by `clear()` once saved.
 */
export function useDraft(what: string, initial = ''): [string, (text: string) => void, () => void] {
  const me = useCurrentUser();
  const key = draftKey(me.id, what);
  const [text, setText] = useState(() => readDraft(window.localStorage, key) || initial);

  useEffect(() => {
    warnBeforeLeaving();
    if (text.trim() && text !== initial) open.add(key);
    else open.delete(key);
    return () => {
      open.delete(key);
    };
  }, [key, text, initial]);

  const update = useCallback((next: string) => {
    setText(next);
    writeDraft(window.localStorage, key, next === initial ? '' : next);
  }, [key, initial]);

  const clear = useCallback(() => {
    writeDraft(window.localStorage, key, '');
    open.delete(key);
    setText(initial);
  }, [key, initial]);

  return [text, update, clear];
}
