import { claimSpanFromUtf16, codePointToUtf16, domPointToUtf16, NodeShape, normaliseUtf16Selection, RUN_OFFSET_ATTRIBUTE, utf16ToCodePoint } from './offsets';

/** A minimal DOM: enough structure for the boundary-point walk, built like the reader renders it. */
class FakeNode implements NodeShape {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  constructor(readonly nodeType: number, private readonly attributes: Record<string, string> = {}, private readonly text = '') {}
  get textContent(): string {
    return this.nodeType === 3 ? this.text : this.childNodes.map((c) => c.textContent).join('');
  }
  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }
}
const el = (attributes: Record<string, string>, ...children: FakeNode[]): FakeNode => {
  const node = new FakeNode(1, attributes);
  for (const child of children) {
    child.parentNode = node;
    node.childNodes.push(child);
  }
  return node;
};
const text = (value: string): FakeNode => new FakeNode(3, {}, value);
const run = (start: number, value: string): FakeNode => el({ [RUN_OFFSET_ATTRIBUTE]: String(start) }, text(value));

describe('code point ↔ UTF-16', () => {
  it('counts an astral emoji as one code point and two UTF-16 units', () => {
    expect(utf16ToCodePoint('😀a', 2)).toBe(1);
    expect(codePointToUtf16('😀a', 1)).toBe(2);
  });

  it('round-trips every offset of mixed text', () => {
    const sample = 'a😀b👍🏽c\u0065\u0301d';
    for (let cp = 0; cp <= [...sample].length; cp++) expect(utf16ToCodePoint(sample, codePointToUtf16(sample, cp))).toBe(cp);
  });

  it('counts an offset inside a surrogate pair as the start of the pair', () => {
    expect(utf16ToCodePoint('x😀', 2)).toBe(1);
  });
});

describe(normaliseUtf16Selection.name, () => {
  it('orders a backwards selection', () => {
    expect(normaliseUtf16Selection('the favorite to lead', 20, 4)).toEqual({ start: 4, end: 20 });
  });

  it('trims white space and line breaks at both ends', () => {
    expect(normaliseUtf16Selection('end.\n\n Next one', 3, 11)).toEqual({ start: 3, end: 11 });
    expect(normaliseUtf16Selection('a\n\nb', 1, 3)).toBeNull();
  });

  it('never splits an emoji, even one with a skin-tone modifier', () => {
    const sample = 'ok 👍🏽 go';
    // A focus between the thumb and its modifier takes the whole cluster.
    expect(normaliseUtf16Selection(sample, 0, 5)).toEqual({ start: 0, end: 7 });
    // A start inside the surrogate pair moves to the cluster's start.
    expect(normaliseUtf16Selection(sample, 4, 10)).toEqual({ start: 3, end: 10 });
  });

  it('keeps a combining mark with its base letter', () => {
    const sample = 'cafe\u0301 noir';
    expect(normaliseUtf16Selection(sample, 0, 4)).toEqual({ start: 0, end: 5 });
    expect(normaliseUtf16Selection(sample, 4, 10)).toEqual({ start: 3, end: 10 });
  });
});

describe(claimSpanFromUtf16.name, () => {
  it('answers code points for the API and the quote', () => {
    const sample = '😀 was the "favorite" to lead';
    const from = sample.indexOf('"favorite"');
    expect(claimSpanFromUtf16(sample, from, sample.length)).toEqual({
      start: from - 1, end: [...sample].length, startUtf16: from, endUtf16: sample.length, quote: '"favorite" to lead',
    });
  });

  it('returns null for an empty selection', () => {
    expect(claimSpanFromUtf16('abc', 2, 2)).toBeNull();
  });
});

describe(domPointToUtf16.name, () => {
  // "Last week 😀 the "favorite" to lead.\n\nSecond paragraph." rendered as paragraphs of runs, with a
  // claim highlight (a mark element) around part of the first paragraph and a nested one inside it.
  const article = 'Last week 😀 the "favorite" to lead.\n\nSecond paragraph.';
  const p1Runs = [run(0, 'Last week 😀 the '), run(17, '"favorite"'), run(27, ' to lead.')];
  const inner = el({ class: 'claim' }, p1Runs[1]);
  const outer = el({ class: 'claim' }, inner, p1Runs[2]);
  const p1 = el({ class: 'para' }, p1Runs[0], outer);
  const p2Run = run(38, 'Second paragraph.');
  const p2 = el({ class: 'para' }, p2Run);
  const root = el({ class: 'article' }, p1, p2);

  it('maps a point in a text node through its run offset', () => {
    expect(domPointToUtf16(root, p1Runs[1].childNodes[0], 1)).toBe(18);
    expect(article.slice(18, 26)).toBe('favorite');
  });

  it('maps a selection that spans highlight elements and paragraphs', () => {
    const start = domPointToUtf16(root, p1Runs[1].childNodes[0], 1)!;
    const end = domPointToUtf16(root, p2Run.childNodes[0], 6)!;
    expect(claimSpanFromUtf16(article, start, end)?.quote).toBe('favorite" to lead.\n\nSecond');
  });

  it('maps a backwards selection made from DOM points to the same span', () => {
    const anchor = domPointToUtf16(root, p1Runs[2].childNodes[0], 8)!;
    const focus = domPointToUtf16(root, p1Runs[1].childNodes[0], 1)!;
    const span = claimSpanFromUtf16(article, anchor, focus)!;
    expect(span.quote).toBe('favorite" to lead');
    expect([span.start, span.end]).toEqual([17, 34]);
  });

  it('counts code points after an emoji in an earlier run', () => {
    const point = domPointToUtf16(root, p1Runs[0].childNodes[0], 13)!; // after "Last week 😀 "
    expect(utf16ToCodePoint(article, point)).toBe(12);
  });

  it('maps points between elements to the next run, and the very end to the last run end', () => {
    expect(domPointToUtf16(root, root, 1)).toBe(38); // before the second paragraph
    expect(domPointToUtf16(root, outer, 0)).toBe(17); // before the nested highlight
    expect(domPointToUtf16(root, p1, 2)).toBe(38); // the end of a paragraph: the next run (white space is trimmed later)
    expect(domPointToUtf16(root, p1Runs[1], 1)).toBe(27); // after a run's text, inside the run element
    expect(domPointToUtf16(root, root, 2)).toBe(article.length);
  });

  it('answers null for a point outside the article', () => {
    expect(domPointToUtf16(root, el({}, text('sidebar')), 0)).toBeNull();
  });
});
