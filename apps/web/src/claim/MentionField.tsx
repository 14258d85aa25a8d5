import { KeyboardEvent, RefObject, TextareaHTMLAttributes, useId, useRef, useState } from 'react';
import type { Person } from '../api/types';
import { usePeople } from '../lib/people';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
};

/** What is being typed after an `@` right before the caret: `@an` or `@[Ana L`; null when nothing is. */
export function mentionQuery(before: string): { start: number; text: string } | null {
  const match = /(?:^|[^\p{L}\p{N}_.@+-])@(\[[^\n\]@]{0,60}|[^\s@[\]]{0,60})$/u.exec(before);
  if (!match) return null;
  const typed = match[1];
  return { start: before.length - typed.length - 1, text: typed.replace(/^\[/, '') };
}

const MAX_OPTIONS = 6;

/**
 * A note's text area that offers people after `@`: ↑/↓ choose, Enter or Tab inserts `@[Display Name]`,
 * Escape closes the list. The list is a listbox the text area points at (aria-activedescendant).
 */
export function MentionField({ value, onChange, textareaRef, onKeyDown, ...rest }: Props) {
  const people = usePeople();
  const own = useRef<HTMLTextAreaElement>(null);
  const field = textareaRef ?? own;
  const [query, setQuery] = useState<{ start: number; text: string } | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  const needle = query?.text.toLocaleLowerCase() ?? '';
  const options: Person[] = query
    ? people.filter((p) => p.displayName.toLocaleLowerCase().includes(needle) || p.email.startsWith(needle)).slice(0, MAX_OPTIONS)
    : [];
  const open = options.length > 0;

  const look = (element: HTMLTextAreaElement): void => {
    setQuery(mentionQuery(element.value.slice(0, element.selectionStart)));
    setActive(0);
  };

  const choose = (person: Person): void => {
    const element = field.current;
    if (!element || !query) return;
    const inserted = `@[${person.displayName}] `;
    const caret = query.start + inserted.length;
    onChange(value.slice(0, query.start) + inserted + value.slice(element.selectionStart));
    setQuery(null);
    window.setTimeout(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    }, 0);
  };

  const keys = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(options[Math.min(active, options.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setQuery(null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  return (
    <div className="mention-field">
      <textarea
        {...rest}
        ref={field}
        value={value}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          look(e.target);
        }}
        onKeyDown={keys}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="People to mention" className="mention-options">
          {options.map((person, i) => (
            <li key={person.id} id={`${listId}-${i}`} role="option" aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(person);
              }}>
              {person.displayName} <span className="muted">{person.email}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
