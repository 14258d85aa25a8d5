import { useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '../lib/dom-selection';

const SHORTCUTS: Array<[string[], string]> = [
  [['?'], 'Show this list'],
  [['j'], 'Next claim'],
  [['k'], 'Previous claim'],
  [['n'], 'Mark the selected text as a claim (or apply it when re-marking)'],
  [['Esc'], 'Close the open form, panel or list'],
  [['Shift', '←/→'], 'Extend the selection in "Select with keyboard" mode'],
];

/** `?` anywhere but in a text field opens the list of keyboard shortcuts; Esc closes it and gives focus back. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      returnTo.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);

  if (!open) return null;
  const close = (): void => {
    // Focus moves before the dialog goes: were the dialog removed first, focus would fall to the page body.
    focusBack(returnTo.current);
    setOpen(false);
  };
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what}>
              <dt>{keys.map((key, i) => <span key={key}>{i > 0 && ' + '}<kbd>{key}</kbd></span>)}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" onClick={close}>Close</button>
      </div>
    </div>
  );
}

/** Focus where it was before the list opened, or else the page's heading (made focusable from script only). */
function focusBack(before: HTMLElement | null): void {
  const target = before?.isConnected ? before : document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main');
  if (!target) return;
  if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
