/**
 * How the reader lays out an article: paragraphs from the canonical text's blank lines, each cut into
 * runs where the set of claims covering the text is the same, so overlapping and nested claims can be
 * drawn as stacked underlines. All offsets here are UTF-16 (what the DOM and String#slice use).
 */

export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
}

export interface TextRun {
  start: number;
  end: number;
  /** The claims covering this run, outermost (lowest lane) first. */
  claimIds: string[];
}

export interface Paragraph {
  start: number;
  end: number;
  runs: TextRun[];
}

/** Paragraph ranges: canonical text separates paragraphs by exactly one blank line. */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (;;) {
    const gap = text.indexOf('\n\n', start);
    if (gap < 0) break;
    ranges.push({ start, end: gap });
    start = gap + 2;
  }
  if (start < text.length || ranges.length === 0) ranges.push({ start, end: text.length });
  return ranges;
}

/**
 * Gives every span a lane (0, 1, …) so that spans which overlap never share one: the underline of
 * lane n is drawn n steps below the text. Longer spans starting at the same place get the lower lane,
 * so an outer claim stays under its nested ones.
 */
export function assignLanes(spans: readonly HighlightSpan[]): Map<string, number> {
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const span of ordered) {
    let lane = laneEnds.findIndex((end) => end <= span.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = span.end;
    lanes.set(span.id, lane);
  }
  return lanes;
}

/**
 * Paragraphs of `text`, each cut into runs at every claim boundary inside it. One sweep over the
 * paragraphs and the spans sorted by start: linear in paragraphs plus claims (5,000 claims over 1,000
 * paragraphs once cost a scan of every claim per paragraph).
 */
export function layoutArticle(text: string, spans: readonly HighlightSpan[], lanes: Map<string, number> = assignLanes(spans)): Paragraph[] {
  const byLane = (a: string, b: string): number => (lanes.get(a) ?? 0) - (lanes.get(b) ?? 0);
  const byStart = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let next = 0;
  // Spans that began before the paragraph's end and may still cover it (long ones span paragraphs).
  let open: HighlightSpan[] = [];
  return paragraphRanges(text).map(({ start, end }) => {
    open = open.filter((s) => s.end > start);
    while (next < byStart.length && byStart[next].start < end) {
      if (byStart[next].end > start) open.push(byStart[next]);
      next += 1;
    }
    return { start, end, runs: runsOf(start, end, open, byLane) };
  });
}

/** The runs of one paragraph [start, end) under the spans that overlap it: a sweep over their boundaries. */
function runsOf(start: number, end: number, inside: readonly HighlightSpan[], byLane: (a: string, b: string) => number): TextRun[] {
  if (inside.length === 0) return [{ start, end, claimIds: [] }];
  const cuts = new Set<number>([start, end]);
  for (const s of inside) {
    cuts.add(Math.max(start, s.start));
    cuts.add(Math.min(end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const starting = new Map<number, HighlightSpan[]>();
  for (const s of inside) {
    const from = Math.max(start, s.start);
    const there = starting.get(from);
    if (there === undefined) starting.set(from, [s]);
    else there.push(s);
  }
  const covering = new Set<HighlightSpan>();
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    for (const s of covering) if (s.end <= from) covering.delete(s);
    for (const s of starting.get(from) ?? []) covering.add(s);
    runs.push({ start: from, end: to, claimIds: [...covering].map((s) => s.id).sort(byLane) });
  }
  return runs.length > 0 ? runs : [{ start, end, claimIds: [] }];
}

/** The claim a click on a run means: the innermost (shortest) one covering it. */
export function innermostClaim(run: TextRun, spans: ReadonlyMap<string, HighlightSpan>): string | null {
  let best: HighlightSpan | null = null;
  for (const id of run.claimIds) {
    const span = spans.get(id);
    if (span && (!best || span.end - span.start < best.end - best.start)) best = span;
  }
  return best?.id ?? null;
}
