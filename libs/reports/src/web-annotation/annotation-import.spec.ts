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
      { index: 0, exact: 'Прокопчук 😀', prefix: 'сказал ', suffix: '.', start: 7, end: 18, text: 'Check *this*.', tags: ['interpol'], source: 'https://example.news/a' },
    ]);
  });

  it('reads bodyValue as the text', () => {
    const [item] = parseAnnotationImport(w3cAnnotation({ body: undefined, bodyValue: 'Plain note' }));

    expect(item).toMatchObject({ text: 'Plain note', tags: [] });
  });

  it('reads a Hypothesis annotation, ignoring its RangeSelector, trimming and de-duplicating tags', () => {
    expect(parseAnnotationImport(hypothesisAnnotation())).toEqual([
      {
        index: 0,
        exact: 'was the "favorite" to lead',
        prefix: 'vice-presidents, ',
        suffix: ' the organization',
        start: 520,
        end: 546,
        text: 'Needs a source.',
        tags: ['interpol', 'russia'],
        source: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
      },
    ]);
  });

  it('reads a Hypothesis search result and an array, counting items from 0 in the order given', () => {
    const rows = [hypothesisAnnotation(), hypothesisAnnotation({ text: '' }), hypothesisAnnotation({ target: [{ source: 'https://example.news/a' }] })];

    for (const document of [{ total: 3, rows }, rows]) {
      const items = parseAnnotationImport(document);

      expect(items.map((item) => item.index)).toEqual([0, 1, 2]);
      expect(items[1]).toMatchObject({ text: '' });
      expect(items[2]).toEqual({ index: 2, error: 'Its target has no selector (a page note or a reply?): a claim needs a TextQuoteSelector.' });
    }
  });

  it('reads an AnnotationPage and an AnnotationCollection with its first page embedded', () => {
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/page1', type: 'AnnotationPage', items: [w3cAnnotation(), w3cAnnotation()] };
    const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/c', type: 'AnnotationCollection', total: 2, first: { ...page, '@context': undefined } };

    expect(parseAnnotationImport(page)).toHaveLength(2);
    expect(parseAnnotationImport(collection).map((item) => item.index)).toEqual([0, 1]);
  });

  it('refuses a collection whose annotations are not all embedded, rather than import part of it', () => {
    const notEmbedded = { type: 'AnnotationCollection', total: 3, first: 'http://example.org/page1' };
    const partial = { type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [w3cAnnotation()], next: 'http://example.org/page2' } };

    expect(() => parseAnnotationImport(notEmbedded)).toThrow(/does not embed its first page/);
    expect(() => parseAnnotationImport(partial)).toThrow(/has 3 annotations but embeds only 1/);
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
