/**
 * Offsets between the browser and the API. The DOM counts UTF-16 code units; the API counts Unicode
 * code points (API.md). Everything that turns a DOM selection into a claim span goes through here, so
 * the conversion is written and tested once. No DOM types: the helpers take structural node shapes,
 * which keeps them testable in plain jest.
 */

/** The attribute on each rendered text run: the UTF-16 offset of the run's first character in the article text. */
export const RUN_OFFSET_ATTRIBUTE = 'data-u16';

export interface Utf16Range {
  start: number;
  end: number;
}

/** A claim span as the API wants it (code points) with the browser's UTF-16 view of the same span. */
export interface ClaimSpanSelection {
  start: number;
  end: number;
  startUtf16: number;
  endUtf16: number;
  quote: string;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The number of code points in `text` before UTF-16 offset `utf16` (an offset inside a pair counts the pair's start). */
export function utf16ToCodePoint(text: string, utf16: number): number {
  const limit = Math.max(0, Math.min(utf16, text.length));
  let points = 0;
  for (let i = 0; i < limit; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (i + 1 >= limit) break; // `utf16` falls inside the pair: stop before it
      i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of code point number `codePoint` in `text` (clamped to the text). */
export function codePointToUtf16(text: string, codePoint: number): number {
  let units = 0;
  for (let points = 0; points < codePoint && units < text.length; points++) {
    const unit = text.charCodeAt(units);
    units += isHighSurrogate(unit) && units + 1 < text.length && isLowSurrogate(text.charCodeAt(units + 1)) ? 2 : 1;
  }
  return units;
}

const WINDOW = 64;
const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * Grapheme boundaries near `offset`: [start of the cluster containing offset, end of it]. An emoji with
 * its modifiers or a letter with its combining marks is one cluster; a claim never splits one.
 */
function clusterAround(text: string, offset: number): [number, number] {
  if (offset <= 0 || offset >= text.length) return [offset, offset];
  let from = Math.max(0, offset - WINDOW);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  const slice = text.slice(from, Math.min(text.length, offset + WINDOW));
  if (graphemes) {
    for (const { index, segment } of graphemes.segment(slice)) {
      const start = from + index;
      const end = start + segment.length;
      if (offset === start) return [offset, offset];
      if (offset > start && offset < end) return [start, end];
    }
    return [offset, offset];
  }
  // Without Intl.Segmenter: at least keep surrogate pairs and combining marks with their base.
  let start = offset;
  while (start > 0 && (isLowSurrogate(text.charCodeAt(start)) || /\p{M}/u.test(text[start]))) start--;
  let end = offset;
  while (end < text.length && (isLowSurrogate(text.charCodeAt(end)) || /\p{M}/u.test(text[end]))) end++;
  return start === offset ? [offset, offset] : [start, end];
}

const WHITE_SPACE = /\s/;

/**
 * Orders a selection's anchor and focus (a backwards selection is still a span), widens it to whole
 * grapheme clusters and trims white space at both ends. Null when nothing but white space is left.
 */
export function normaliseUtf16Selection(text: string, anchor: number, focus: number): Utf16Range | null {
  let start = Math.max(0, Math.min(anchor, focus, text.length));
  let end = Math.min(text.length, Math.max(anchor, focus, 0));
  start = clusterAround(text, start)[0];
  end = clusterAround(text, end)[1];
  while (start < end && WHITE_SPACE.test(text[start])) start++;
  while (end > start && WHITE_SPACE.test(text[end - 1])) end--;
  return start < end ? { start, end } : null;
}

/** A selection between two UTF-16 offsets of `text`, as a claim span in code points, or null when empty. */
export function claimSpanFromUtf16(text: string, anchor: number, focus: number): ClaimSpanSelection | null {
  const range = normaliseUtf16Selection(text, anchor, focus);
  if (!range) return null;
  return {
    start: utf16ToCodePoint(text, range.start),
    end: utf16ToCodePoint(text, range.end),
    startUtf16: range.start,
    endUtf16: range.end,
    quote: text.slice(range.start, range.end),
  };
}

/** The parts of a DOM node these helpers read; a real `Node` fits. */
export interface NodeShape {
  nodeType: number;
  parentNode: NodeShape | null;
  childNodes: ArrayLike<NodeShape>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const runOffset = (node: NodeShape): number | null => {
  if (node.nodeType !== ELEMENT_NODE || !node.getAttribute) return null;
  const value = node.getAttribute(RUN_OFFSET_ATTRIBUTE);
  return value === null || value === '' ? null : Number(value);
};

const contains = (root: NodeShape, node: NodeShape): boolean => {
  for (let at: NodeShape | null = node; at; at = at.parentNode) if (at === root) return true;
  return false;
};

/** The innermost run element at or above `node` inside `root`. */
function enclosingRun(root: NodeShape, node: NodeShape): { run: NodeShape; offset: number } | null {
  for (let at: NodeShape | null = node; at && at !== root.parentNode; at = at.parentNode) {
    const offset = runOffset(at);
    if (offset !== null) return { run: at, offset };
    if (at === root) break;
  }
  return null;
}

/** Runs of `node`'s subtree in document order. */
function* runsWithin(node: NodeShape): Generator<{ node: NodeShape; start: number; end: number }> {
  const offset = runOffset(node);
  if (offset !== null) {
    yield { node, start: offset, end: offset + (node.textContent ?? '').length };
    return;
  }
  for (let i = 0; i < node.childNodes.length; i++) yield* runsWithin(node.childNodes[i]);
}

const indexIn = (parent: NodeShape, child: NodeShape): number => Array.prototype.indexOf.call(parent.childNodes, child);

/**
 * The UTF-16 offset in the article text of a DOM boundary point (a Range's container and offset)
 * inside `root`, the element that holds the rendered article. Text sits in run elements that carry
 * their start offset (RUN_OFFSET_ATTRIBUTE), however deeply highlights and paragraphs nest them.
 * A point between elements takes the offset of the next run's start, or, at the end, the previous
 * run's end. Null when the point is not inside `root` or `root` holds no runs.
 */
export function domPointToUtf16(root: NodeShape, container: NodeShape, offset: number): number | null {
  if (!contains(root, container)) return null;
  if (container.nodeType === TEXT_NODE) {
    const run = enclosingRun(root, container);
    if (run) {
      // Characters of earlier text nodes in the same run count too (a run normally has one).
      let before = 0;
      for (let i = 0; i < run.run.childNodes.length && run.run.childNodes[i] !== container; i++) {
        before += (run.run.childNodes[i].textContent ?? '').length;
      }
      return run.offset + before + Math.max(0, Math.min(offset, (container.textContent ?? '').length));
    }
    // Text outside any run (e.g. a label): treat the point as sitting before/after that node.
    return boundaryBetween(root, container.parentNode ?? root, indexIn(container.parentNode ?? root, container) + (offset > 0 ? 1 : 0));
  }
  return boundaryBetween(root, container, offset);
}

/** The offset at the point before child number `index` of `parent`. */
function boundaryBetween(root: NodeShape, parent: NodeShape, index: number): number | null {
  const inRun = enclosingRun(root, parent);
  if (inRun) {
    let before = 0;
    for (let i = 0; i < index && i < inRun.run.childNodes.length; i++) before += (inRun.run.childNodes[i].textContent ?? '').length;
    return inRun.offset + before;
  }
  // Forward in document order from the boundary: the first run's start.
  for (let at: NodeShape | null = parent, from = index; at; ) {
    for (let i = from; i < at.childNodes.length; i++) {
      const first = runsWithin(at.childNodes[i]).next();
      if (!first.done) return first.value.start;
    }
    if (at === root) break;
    const up: NodeShape | null = at.parentNode;
    if (!up) break;
    from = indexIn(up, at) + 1;
    at = up;
  }
  // Nothing after it: the end of the last run before it.
  let last: number | null = null;
  for (const run of runsWithin(root)) last = run.end;
  return last;
}
