import { CSSProperties, forwardRef, KeyboardEvent, memo, MouseEvent, useCallback, useMemo, useRef } from 'react';
import { assignLanes, HighlightSpan, innermostClaim, layoutArticle, Paragraph, TextRun } from '../lib/highlights';
import { RUN_OFFSET_ATTRIBUTE } from '../lib/offsets';
import type { ColourKey } from './claim-colours';

export interface TextClaim extends HighlightSpan {
  colour: ColourKey;
  fuzzy: boolean;
  label: string;
}

/** Whether a claim would be drawn the same (live changes that draw nothing new redraw nothing). */
export const sameTextClaim = (a: TextClaim, b: TextClaim): boolean =>
  a.id === b.id && a.start === b.start && a.end === b.end && a.colour === b.colour && a.fuzzy === b.fuzzy && a.label === b.label;

interface Props {
  text: string;
  claims: readonly TextClaim[];
  selectedId: string | null;
  onSelectClaim: (claimId: string) => void;
  /** When true the text takes a caret, so a selection can be made with Shift and the arrow keys. */
  caretMode: boolean;
}

const LANE_PX = 4;

/** Keys that move the caret or extend the selection; every other key would edit the text, and is refused. */
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/**
 * In "Select with keyboard" mode the text is contentEditable only to get a caret. Nothing may change
 * it: offsets are read from the rendered runs, so an edited text would save later claims shifted.
 * React's onBeforeInput does not see deletions, hence the key filter (shortcuts such as `n` and `?`
 * still reach the page: their default would type, not their handler).
 */
function refuseEditing(event: KeyboardEvent<HTMLElement>): void {
  if (CARET_KEYS.has(event.key) || /^F\d+$/.test(event.key)) return;
  if ((event.ctrlKey || event.metaKey) && ['a', 'c'].includes(event.key.toLowerCase())) return;
  event.preventDefault();
}

/**
 * The article as readable prose with every claim span drawn as an underline in its own lane, so
 * overlapping and nested claims stay visible; the tint deepens where claims overlap. Each run of text
 * carries its UTF-16 offset (lib/offsets reads it to turn a selection into a claim span).
 */
export const ArticleText = memo(forwardRef<HTMLDivElement, Props>(function ArticleText({ text, claims, selectedId, onSelectClaim, caretMode }, ref) {
  // The native beforeinput sees every edit (deletion, paste, spelling fixes, drops): refuse them all.
  const attach = useCallback((element: HTMLDivElement | null) => {
    element?.addEventListener('beforeinput', (event) => event.preventDefault());
    if (typeof ref === 'function') ref(element);
    else if (ref) ref.current = element;
  }, [ref]);
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const lanes = useMemo(() => assignLanes(claims), [claims]);
  const paragraphs = useMemo(() => layoutArticle(text, claims, lanes), [text, claims, lanes]);
  const blocks = useMemo(() => inBlocks(paragraphs), [paragraphs]);
  const lastRunOf = useMemo(() => {
    const last = new Map<string, number>();
    for (const p of paragraphs) for (const r of p.runs) for (const id of r.claimIds) last.set(id, r.start);
    return last;
  }, [paragraphs]);

  // One stable click handler for every paragraph, so that selecting a claim redraws only the paragraphs
  // that show it (a thousand-claim article otherwise redraws every mark on each click).
  const latest = useRef({ byId, onSelectClaim });
  latest.current = { byId, onSelectClaim };
  const clickRun = useCallback((event: MouseEvent<HTMLElement>, run: TextRun): void => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // a drag to select text, not a click on a claim
    const id = innermostClaim(run, latest.current.byId);
    if (id) {
      event.stopPropagation();
      latest.current.onSelectClaim(id);
    }
  }, []);
  const look: RunLook = useMemo(() => ({ byId, lanes, lastRunOf }), [byId, lanes, lastRunOf]);

  return (
    <div
      ref={attach}
      className={`article-text${caretMode ? ' caret-mode' : ''}`}
      data-testid="article-text"
      contentEditable={caretMode || undefined}
      suppressContentEditableWarning
      spellCheck={false}
      aria-readonly={caretMode || undefined}
      aria-label={caretMode ? 'Article text: move with the arrow keys, select with Shift' : undefined}
      onBeforeInput={caretMode ? (e) => e.preventDefault() : undefined}
      onKeyDown={caretMode ? refuseEditing : undefined}
      onPaste={caretMode ? (e) => e.preventDefault() : undefined}
      onCut={caretMode ? (e) => e.preventDefault() : undefined}
      onDrop={caretMode ? (e) => e.preventDefault() : undefined}
    >
      {blocks.map((block) => (
        <div key={block[0].start} className="para-block" style={{ containIntrinsicSize: `auto ${estimatedHeightEm(block)}em` }}>
          {block.map((paragraph) => (
            <ArticleParagraph
              key={paragraph.start}
              content={text.slice(paragraph.start, paragraph.end)}
              paragraph={paragraph}
              look={look}
              selectedId={selectedId !== null && paragraph.runs.some((r) => r.claimIds.includes(selectedId)) ? selectedId : null}
              onClickRun={clickRun}
            />
          ))}
        </div>
      ))}
    </div>
  );
}));

/**
 * Paragraphs go in blocks, and a block out of view is neither laid out nor painted (styles.css,
 * content-visibility). Blocks, not paragraphs: the browser checks every such element against the
 * viewport on each frame, which at 8,800 paragraphs (5 MB) cost more per frame than the frame's work.
 */
const PARAGRAPHS_PER_BLOCK = 20;

function inBlocks(paragraphs: Paragraph[]): Paragraph[][] {
  const blocks: Paragraph[][] = [];
  for (let at = 0; at < paragraphs.length; at += PARAGRAPHS_PER_BLOCK) blocks.push(paragraphs.slice(at, at + PARAGRAPHS_PER_BLOCK));
  return blocks;
}

/** A block's height before it was ever drawn, in em of the text: about 70 characters a line, 1.95em a line, 1.1em between paragraphs. */
function estimatedHeightEm(block: Paragraph[]): number {
  return Math.round(block.reduce((em, p) => em + Math.max(1, Math.ceil((p.end - p.start) / 70)) * 1.95 + 1.1, 0));
}

/** What every paragraph needs to draw its runs; one object, so paragraphs compare it by identity. */
interface RunLook {
  byId: Map<string, TextClaim>;
  lanes: Map<string, number>;
  lastRunOf: Map<string, number>;
}

interface ParagraphProps {
  /** The paragraph's own text (not the article's: comparing two copies of a 5 MB text per paragraph would cost more than drawing). */
  content: string;
  paragraph: Paragraph;
  look: RunLook;
  /** The selected claim when this paragraph shows it, else null: other paragraphs are not redrawn. */
  selectedId: string | null;
  onClickRun: (event: MouseEvent<HTMLElement>, run: TextRun) => void;
}

const ArticleParagraph = memo(function ArticleParagraph({ content: paragraphText, paragraph, look, selectedId, onClickRun }: ParagraphProps) {
  const { byId, lanes, lastRunOf } = look;
  return (
    <p className="para">
      {paragraph.runs.map((run) => {
        const content = paragraphText.slice(run.start - paragraph.start, run.end - paragraph.start);
        const attributes = { [RUN_OFFSET_ATTRIBUTE]: run.start };
        if (run.claimIds.length === 0) return <span key={run.start} {...attributes}>{content}</span>;
        const runClaims = run.claimIds.map((id) => byId.get(id)!).filter(Boolean);
        const selected = selectedId !== null && run.claimIds.includes(selectedId);
        const endsFuzzy = runClaims.some((c) => c.fuzzy && lastRunOf.get(c.id) === run.start);
        // Most runs are one claim in the first lane: a class draws them (styles.css), with no inline style
        // to build and apply per mark (a fifth of drawing 5,000 claims).
        const plain = runClaims.length === 1 && !runClaims[0].fuzzy && (lanes.get(runClaims[0].id) ?? 0) === 0;
        return (
          <mark
            key={run.start}
            {...attributes}
            className={`hl depth-${Math.min(run.claimIds.length, 4)}${plain ? ` hl-one hl-c-${runClaims[0].colour}` : ''}${selected ? ' hl-selected' : ''}${endsFuzzy ? ' hl-fuzzy-end' : ''}`}
            data-claim-ids={run.claimIds.join(' ')}
            style={plain ? undefined : underlines(runClaims, lanes)}
            title={runClaims.map((c) => c.label).join('\n')}
            onClick={(e) => onClickRun(e, run)}
          >
            {content}
          </mark>
        );
      })}
    </p>
  );
}, drawnAlike);

/**
 * Whether a paragraph would be drawn the same: same words, runs, and claims drawn alike. A change to
 * one claim (a status, a verdict's colour) redraws the paragraphs that show it, not the article.
 */
function drawnAlike(a: ParagraphProps, b: ParagraphProps): boolean {
  if (a.selectedId !== b.selectedId || a.onClickRun !== b.onClickRun || a.content !== b.content) return false;
  if (a.paragraph === b.paragraph && a.look === b.look) return true;
  const [before, after] = [a.paragraph.runs, b.paragraph.runs];
  if (before.length !== after.length) return false;
  return before.every((run, i) => {
    const other = after[i];
    return run.start === other.start && run.end === other.end && run.claimIds.length === other.claimIds.length && run.claimIds.every((id, k) => id === other.claimIds[k]
      && a.look.byId.get(id) === b.look.byId.get(id)
      && a.look.lanes.get(id) === b.look.lanes.get(id)
      && (a.look.lastRunOf.get(id) === run.start) === (b.look.lastRunOf.get(id) === other.start));
  });
}

/** One 2px underline per claim, each in its claim's lane and colour, plus a tint that deepens with overlap (mark.hl-one in styles.css is the one-claim case). */
function underlines(claims: TextClaim[], lanes: Map<string, number>): CSSProperties {
  const deepest = Math.max(...claims.map((c) => lanes.get(c.id) ?? 0));
  const lines = claims.map((c) => ({ colour: `var(--hl-${c.colour})`, lane: lanes.get(c.id) ?? 0, dashed: c.fuzzy }));
  return {
    backgroundImage: [
      ...lines.map((l) => (l.dashed
        ? `repeating-linear-gradient(90deg, ${l.colour} 0 6px, transparent 6px 9px)`
        : `linear-gradient(${l.colour}, ${l.colour})`)),
      `linear-gradient(var(--hl-tint-${Math.min(claims.length, 4)}), var(--hl-tint-${Math.min(claims.length, 4)}))`,
    ].join(', '),
    backgroundSize: [...lines.map(() => '100% 2px'), '100% 100%'].join(', '),
    backgroundPosition: [...lines.map((l) => `0 calc(100% - ${l.lane * LANE_PX}px)`), '0 0'].join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${(deepest + 1) * LANE_PX - 1}px`,
  };
}
