import { aClaim, anArticle, interpolReport } from '../render/testing/report.factory';
import { AnnotationImportError, ImportedAnnotation, isRejected, parseAnnotationImport } from './annotation-import';
import { toAnnotationCollection, toAnnotationPage, toWebAnnotation } from './to-web-annotation';

const publicUrl = 'https://claims.deskcheck.example';

function hypothesisAnnotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'hY8xRsKaEeiN0w',
    created: '2018-11-22T10:00:00.000000+00:00',
    updated: '2018-11-22T10:00:00.000000+00:00',
    user: 'acct:checker@hypothes.is',
    uri: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
    text: 'Needs a source.',
    tags: ['interpol', ' russia ', 'interpol'],
    group: '__world__',
    target: [
      {
        source: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
        selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 12, endContainer: '/div[1]/p[3]', endOffset: 38 },
          { type: 'TextPositionSelector', start: 520, end: 546 },
          { type: 'TextQuoteSelector', exact: 'was the "favorite" to lead', prefix: 'vice-presidents, ', suffix: ' the organization' },
        ],
      },
    ],
    document: { title: ['Russian Loses Interpol Presidency'] },
    ...overrides,
  };
}

function w3cAnnotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno1',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', value: 'Check *this*.', format: 'text/markdown', purpose: 'commenting' },
      { type: 'TextualBody', value: 'interpol', purpose: 'tagging' },
      { type: 'SpecificResource', purpose: 'linking', source: 'https://www.interpol.int/' },
    ],
    target: {
      source: 'https://example.news/a',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Прокопчук 😀', prefix: 'сказал ', suffix: '.' },
        { type: 'TextPositionSelector', start: 7, end: 18 },
      ],
    },
    ...overrides,
  };
}

const fields = ({ exact, prefix, suffix, start, end }: ImportedAnnotation) => ({ exact, prefix, suffix, start, end });

describe('annotation import', () => {
  it('reads a W3C Annotation: quote, context, position, text and tags', () => {
    expect(parseAnnotationImport(w3cAnnotation())).toEqual([
      {
        kind: 'claim', index: 0, id: 'http://example.org/anno1', exact: 'Прокопчук 😀', prefix: 'сказал ', suffix: '.', start: 7, end: 18,
        claimant: null, claimReviewed: null, tags: ['interpol'], source: 'https://example.news/a',
        notes: [{ key: null, replyTo: null, body: 'Check *this*.', motivation: 'commenting', origin: { id: 'http://example.org/anno1', author: null, createdAt: null } }],
        sources: [{ url: 'https://www.interpol.int/', stance: 'context', title: null, excerpt: null, note: null }],
      },
    ]);
  });

  it('reads bodyValue as the text', () => {
    const [item] = parseAnnotationImport(w3cAnnotation({ body: undefined, bodyValue: 'Plain note' }));

    expect(item).toMatchObject({ notes: [{ body: 'Plain note', motivation: 'commenting' }], tags: [] });
  });

  it('reads a Hypothesis annotation, ignoring its RangeSelector, trimming and de-duplicating tags', () => {
    expect(parseAnnotationImport(hypothesisAnnotation())).toEqual([
      {
        kind: 'claim',
        index: 0,
        id: 'hY8xRsKaEeiN0w',
        exact: 'was the "favorite" to lead',
        prefix: 'vice-presidents, ',
        suffix: ' the organization',
        start: 520,
        end: 546,
        claimant: null,
        claimReviewed: null,
        notes: [{ key: null, replyTo: null, body: 'Needs a source.', motivation: 'commenting', origin: { id: 'hY8xRsKaEeiN0w', author: 'acct:checker@hypothes.is', createdAt: '2018-11-22T10:00:00.000Z' } }],
        tags: ['interpol', 'russia'],
        sources: [],
        source: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
      },
    ]);
  });

  it('reads a Hypothesis search result and an array, counting items from 0 in the order given', () => {
    const rows = [hypothesisAnnotation(), hypothesisAnnotation({ text: '' }), hypothesisAnnotation({ target: [{ source: 'https://example.news/a' }] })];

    for (const document of [{ total: 3, rows }, rows]) {
      const items = parseAnnotationImport(document);

      expect(items.map((item) => item.index)).toEqual([0, 1, 2]);
      expect(items[1]).toMatchObject({ notes: [] });
      expect(items[2]).toEqual({ index: 2, error: 'It is a page note: it marks no span of the text, and a claim needs one.' });
    }
  });

  it('reads an AnnotationPage and an AnnotationCollection with its first page embedded', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/page1', type: 'AnnotationPage', items: [w3cAnnotation(), w3cAnnotation()] };
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/c', type: 'AnnotationCollection', total: 2, first: { ...page, '@context': undefined } };

    expect(parseAnnotationImport(page)).toHaveLength(2);
    expect(parseAnnotationImport(collection).map((item) => item.index)).toEqual([0, 1]);
  });

  it('refuses a collection whose pages it cannot read, rather than import part of it', () => {
    const notEmbedded = { type: 'AnnotationCollection', total: 3, first: 'http://example.org/page1' };
    const partial = { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [w3cAnnotation()], next: 'http://example.org/page2' } };
    const short = { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [w3cAnnotation()] } };

    expect(() => parseAnnotationImport(notEmbedded)).toThrow(/page http:\/\/example\.org\/page1 is not a page of this desk/);
    expect(() => parseAnnotationImport(partial)).toThrow(/page http:\/\/example\.org\/page2 is not a page of this desk/);
    expect(() => parseAnnotationImport(short)).toThrow(/has 3 annotations but its pages hold only 1/);
  });

  it('follows a collection\'s pages through the reader it is given, and refuses pages that loop', () => {
    const pages: Record<string, unknown> = {
      'http://example.org/p2': { type: 'AnnotationPage', id: 'http://example.org/p2', items: [w3cAnnotation()], next: 'http://example.org/p3' },
      'http://example.org/p3': { type: 'AnnotationPage', id: 'http://example.org/p3', items: [w3cAnnotation()] },
    };
    const collection = { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [w3cAnnotation()], next: 'http://example.org/p2' } };
    const looping = { type: 'AnnotationCollection', first: { type: 'AnnotationPage', id: 'http://example.org/p2', items: [], next: 'http://example.org/p2' } };

    expect(parseAnnotationImport(collection, { page: (url) => pages[url] ?? null }).map((item) => item.index)).toEqual([0, 1, 2]);
    expect(() => parseAnnotationImport(looping, { page: (url) => pages[url] ?? null })).toThrow(/loop back/);
  });

  it('reads the Hypothesis client\'s export file, its replies as notes answering their thread, and its page notes as failures', () => {
    const reply = hypothesisAnnotation({ id: 'reply-1', text: 'Found it.', references: ['hY8xRsKaEeiN0w'], target: [{ source: 'https://example.news/a' }], user_info: { display_name: 'Sam' } });
    const items = parseAnnotationImport({ export_date: '2026-11-30', export_userid: 'acct:checker@hypothes.is', annotations: [hypothesisAnnotation(), reply, hypothesisAnnotation({ id: 'page', target: [{ source: 'x' }] })] });

    expect(items[1]).toEqual({
      kind: 'reply', index: 1, id: 'reply-1', answers: ['hY8xRsKaEeiN0w'],
      note: { key: null, replyTo: null, body: 'Found it.', motivation: 'commenting', origin: { id: 'reply-1', author: 'Sam (acct:checker@hypothes.is)', createdAt: '2018-11-22T10:00:00.000Z' } },
    });
    expect(items[2]).toEqual({ index: 2, error: 'It is a page note: it marks no span of the text, and a claim needs one.' });
  });

  it('reads the desk\'s own terms: claimant, claim reviewed, a note\'s motivation and thread, a source\'s stance; leaves a verdict out', () => {
    const [item] = parseAnnotationImport(w3cAnnotation({
      claimant: 'RT', claimReviewed: 'He was never charged',
      body: [
        { type: 'TextualBody', value: 'Which court?', purpose: 'questioning', noteId: 'n1' },
        { type: 'TextualBody', value: 'legal', purpose: 'tagging', noteId: 'n2', inReplyTo: 'n1' },
        { type: 'TextualBody', value: 'False: no case.', purpose: 'assessing', rating: 'false', ratingScale: 'claimdesk-6' },
        { type: 'SpecificResource', purpose: 'linking', source: 'https://court.example/7', stance: 'refutes', title: 'Registry', excerpt: 'none' },
        { type: 'TextualBody', value: 'court', purpose: 'tagging' },
      ],
    }));

    expect(item).toMatchObject({
      claimant: 'RT', claimReviewed: 'He was never charged', tags: ['court'],
      notes: [{ key: 'n1', replyTo: null, body: 'Which court?', motivation: 'questioning' }, { key: 'n2', replyTo: 'n1', body: 'legal', motivation: 'tagging' }],
      sources: [{ url: 'https://court.example/7', stance: 'refutes', title: 'Registry', excerpt: 'none', note: null }],
    });
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['null', null],
    ['an object of another kind', { name: 'x' }],
  ])('refuses %s as a whole document', (_what, document) => {
    expect(() => parseAnnotationImport(document)).toThrow(AnnotationImportError);
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'http://example.org/anno1', 'It is not an object.'],
    ['another type', { type: 'AnnotationPage', target: {} }, 'Its type is AnnotationPage, not Annotation.'],
    ['no target', { type: 'Annotation', body: 'http://example.org/b' }, 'It has no target.'],
    ['a target URL only', w3cAnnotation({ target: 'http://example.org/page' }), 'Its target has no selector (a page note or a reply?): a claim needs a TextQuoteSelector.'],
    ['no quote selector', w3cAnnotation({ target: { source: 'x', selector: { type: 'TextPositionSelector', start: 1, end: 2 } } }), 'It has no TextQuoteSelector: a claim needs the quoted text.'],
    ['an empty quote', w3cAnnotation({ target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: '  ' } } }), 'TextQuoteSelector.exact must be a non-empty string.'],
    ['a non-string prefix', w3cAnnotation({ target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'a', prefix: 3 } } }), 'TextQuoteSelector.prefix must be a string.'],
    [
      'an empty span',
      w3cAnnotation({ target: { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'a' }, { type: 'TextPositionSelector', start: 4, end: 4 }] } }),
      'TextPositionSelector needs integers 0 <= start < end; got start 4, end 4.',
    ],
    [
      'a fractional position',
      w3cAnnotation({ target: { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'a' }, { type: 'TextPositionSelector', start: 1.5, end: '3' }] } }),
      'TextPositionSelector needs integers 0 <= start < end; got start 1.5, end "3".',
    ],
    ['two targets with selectors', w3cAnnotation({ target: [w3cAnnotation().target, w3cAnnotation().target] }), 'It has 2 targets with selectors; a claim marks one span of one text.'],
    ['both body and bodyValue', w3cAnnotation({ bodyValue: 'x' }), 'It has both body and bodyValue, which the Web Annotation model forbids.'],
    ['a TextualBody without value', w3cAnnotation({ body: { type: 'TextualBody', value: 5 } }), 'A TextualBody has no string value.'],
    ['Hypothesis tags that are not strings', hypothesisAnnotation({ tags: ['ok', 7] }), 'tags must be strings.'],
    ['Hypothesis text that is not a string', hypothesisAnnotation({ text: { html: '<p>' } }), 'text must be a string.'],
  ])('rejects an item with %s, saying why', (_what, item, error) => {
    expect(parseAnnotationImport([w3cAnnotation(), item])).toEqual([expect.objectContaining({ index: 0, exact: 'Прокопчук 😀' }), { index: 1, error }]);
  });

  describe('round trip', () => {
    it('gives back the quote, context and position of every claim in the exported collection', () => {
      const article = interpolReport().articles[0];

      const items = parseAnnotationImport(toAnnotationCollection(article, { publicUrl }));

      expect(items.filter(isRejected)).toEqual([]);
      expect((items as ImportedAnnotation[]).map(fields)).toEqual(
        article.claims.map(({ quote, prefix, suffix, start, end }) => ({ exact: quote, prefix, suffix, start: start ?? undefined, end: end ?? undefined })),
      );
    });

    it('gives back the tags, and each page and single annotation as well', () => {
      const claims = Array.from({ length: 3 }, (_, i) => aClaim({ quote: `quote ${i} «ünïcödé» 😀`, prefix: i ? 'before ' : '', suffix: '', start: i * 20, end: i * 20 + 19, tags: [`tag${i}`] }));
      const article = anArticle({ claims });

      const paged = [1, 2].flatMap((page) => parseAnnotationImport(toAnnotationPage(article, page, { publicUrl, pageSize: 2 })) as ImportedAnnotation[]);
      const single = parseAnnotationImport(toWebAnnotation(claims[2], article, { publicUrl, withContext: true })) as ImportedAnnotation[];

      expect(paged.map(fields)).toEqual(claims.map(({ quote, prefix, suffix, start, end }) => ({ exact: quote, prefix, suffix, start, end })));
      expect(paged.map((item) => item.tags)).toEqual([['tag0'], ['tag1'], ['tag2']]);
      expect(single.map(fields)).toEqual([{ exact: claims[2].quote, prefix: 'before ', suffix: '', start: 40, end: 59 }]);
    });
  });
});
