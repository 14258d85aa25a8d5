import { aClaim, anAnnotation, anArticle, aSource, aVerdict, interpolReport } from '../render/testing/report.factory';
import { toAnnotationCollection, toAnnotationPage, toSingleFileCollection, toWebAnnotation } from './to-web-annotation';
import type { TextualBody } from './web-annotation.types';

const publicUrl = 'https://claims.deskcheck.example/';
const context = ['http://www.w3.org/ns/anno.jsonld', 'https://claims.deskcheck.example/api/v1/contexts/claimdesk.jsonld'];

describe('Web Annotation export', () => {
  describe(toWebAnnotation.name, () => {
    const article = interpolReport().articles[0];
    const claim = article.claims[1];

    it('identifies the annotation by the claim URL and targets the article with both selectors', () => {
      const annotation = toWebAnnotation(claim, article, { publicUrl, withContext: true });

      expect(annotation).toMatchObject({
        '@context': context,
        id: `https://claims.deskcheck.example/api/v1/claims/${claim.id}`,
        type: 'Annotation',
        motivation: 'assessing',
        created: claim.createdAt,
        modified: claim.updatedAt,
        creator: { type: 'Person', name: 'Ana Reviewer' },
        target: {
          source: article.url,
          selector: [
            { type: 'TextQuoteSelector', exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
            { type: 'TextPositionSelector', start: claim.start, end: claim.end },
          ],
        },
      });
    });

    it('targets ClaimDesk\'s own article page when the article has no URL', () => {
      const annotation = toWebAnnotation(claim, { ...article, url: null }, { publicUrl });

      expect(annotation.target.source).toBe(`https://claims.deskcheck.example/articles/${article.id}`);
      expect(annotation['@context']).toBeUndefined();
    });

    it('gives an orphaned claim only its quote selector', () => {
      const orphan = article.claims.find((each) => each.anchor === 'orphaned')!;

      expect(toWebAnnotation(orphan, article, { publicUrl }).target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: orphan.quote, prefix: orphan.prefix, suffix: orphan.suffix },
      ]);
    });

    it('has the annotations, the current verdict, the sources and the tags as bodies', () => {
      const bodies = toWebAnnotation(claim, article, { publicUrl }).body ?? [];

      expect(bodies.filter((body) => body.purpose === 'questioning')).toEqual([
        expect.objectContaining({ type: 'TextualBody', value: 'Is "favorite" The Times\' word?', format: 'text/markdown' }),
      ]);
      expect(bodies.filter((body) => body.purpose === 'commenting').map((body) => (body as TextualBody).value)).toEqual(['Yes, page 3.']);
      expect(bodies.filter((body) => body.purpose === 'assessing')).toEqual([
        expect.objectContaining({ type: 'TextualBody', value: 'Mostly false: Interpol never ranked candidates.\n\n- The Times: "frontrunner"\n- Interpol: no ranking' }),
      ]);
      expect(bodies.filter((body) => body.purpose === 'linking')).toEqual([
        {
          type: 'SpecificResource', purpose: 'linking', source: 'https://www.thetimes.co.uk/article/russian-favourite-interpol',
          stance: 'refutes', title: 'Russian favourite to lead Interpol', excerpt: 'Mr Prokopchuk was regarded as the frontrunner.',
        },
      ]);
      expect(bodies.filter((body) => body.purpose === 'tagging')).toEqual([
        { type: 'TextualBody', purpose: 'tagging', value: 'interpol' },
        { type: 'TextualBody', purpose: 'tagging', value: 'russia' },
      ]);
    });

    it('names each note and the note it answers, so that the thread survives a round trip', () => {
      const notes = (toWebAnnotation(claim, article, { publicUrl }).body ?? []).filter((body): body is TextualBody => 'noteId' in body);
      const byId = new Map(claim.annotations.map((note) => [note.id, note]));

      expect(notes.length).toBeGreaterThan(1);
      for (const note of notes) {
        const original = byId.get(note.noteId!)!;
        expect(note.value).toBe(original.body);
        if (note.inReplyTo) expect(byId.get(note.inReplyTo)?.deleted).toBe(false);
      }
    });

    it('carries a published verdict only, with its rating key and scale', () => {
      const draft = aClaim({ verdicts: [aVerdict({ status: 'draft', rationale: 'Draft only.' })] });
      const published = toWebAnnotation(claim, article, { publicUrl }).body?.find((body) => body.purpose === 'assessing');

      expect(toWebAnnotation(draft, anArticle({ claims: [draft] }), { publicUrl }).body?.some((body) => body.purpose === 'assessing')).toBe(false);
      expect(published).toMatchObject({ rating: claim.currentVerdict?.rating, ratingScale: claim.currentVerdict?.scale.id });
    });

    it('leaves deleted annotations out and keeps an edit time', () => {
      const bodies = toWebAnnotation(claim, article, { publicUrl }).body ?? [];

      expect(bodies).toHaveLength(2 + 1 + 1 + 2);
      expect(bodies.find((body) => body.purpose === 'commenting')).toMatchObject({ modified: '2026-11-18T09:30:00.000Z', creator: { name: 'Eddie Editor' } });
    });

    it('marks a claim without verdict as highlighting, with no body when it has nothing', () => {
      const bare = aClaim({ verdicts: [], sources: [], annotations: [], tags: [] });
      const annotation = toWebAnnotation(bare, anArticle({ claims: [bare] }), { publicUrl });

      expect(annotation.motivation).toBe('highlighting');
      expect(annotation.body).toBeUndefined();
    });
  });

  describe('collection and pages', () => {
    const claims = Array.from({ length: 5 }, (_, i) => aClaim({ quote: `claim ${i}`, start: i * 10, end: i * 10 + 7, annotations: [anAnnotation()], sources: [aSource()], verdicts: [aVerdict()] }));
    const article = anArticle({ claims });
    const base = `https://claims.deskcheck.example/api/v1/articles/${article.id}/annotations`;

    it('embeds the first page and points at the last', () => {
      const collection = toAnnotationCollection(article, { publicUrl, pageSize: 2 });

      expect(collection).toMatchObject({
        '@context': context,
        id: base,
        type: 'AnnotationCollection',
        total: 5,
        last: `${base}?page=3`,
        first: { id: `${base}?page=1`, type: 'AnnotationPage', partOf: { id: base, total: 5 }, startIndex: 0, next: `${base}?page=2` },
      });
      expect(collection.label).toContain(article.title);
      expect(collection.first['@context']).toBeUndefined();
      expect(collection.first.prev).toBeUndefined();
      expect(collection.first.items.map((item) => item.target.selector[0])).toEqual([
        expect.objectContaining({ exact: 'claim 0' }),
        expect.objectContaining({ exact: 'claim 1' }),
      ]);
    });

    it('serves pages from 1 with prev, next, startIndex and partOf', () => {
      const middle = toAnnotationPage(article, 2, { publicUrl, pageSize: 2 });
      const last = toAnnotationPage(article, 3, { publicUrl, pageSize: 2 });

      expect(middle).toMatchObject({ '@context': context, id: `${base}?page=2`, startIndex: 2, prev: `${base}?page=1`, next: `${base}?page=3`, partOf: { id: base, total: 5 } });
      expect(last?.items).toHaveLength(1);
      expect(last?.next).toBeUndefined();
      expect(toAnnotationPage(article, 4, { publicUrl, pageSize: 2 })).toBeNull();
      expect(toAnnotationPage(article, 0, { publicUrl, pageSize: 2 })).toBeNull();
    });

    it('writes a single-file collection whose one page has an id of its own, not the API\'s page 1 (failed on main)', () => {
      const single = toSingleFileCollection(article, { publicUrl });

      expect(single.first.items).toHaveLength(5);
      expect(single.first.id).not.toBe(`${base}?page=1`);
      expect(single.first.next).toBeUndefined();
      expect(single.last).toBe(single.first.id);
      expect(single.first.partOf).toEqual({ id: base, total: 5 });
    });

    it('has one empty page for an article without claims', () => {
      const collection = toAnnotationCollection(anArticle({ claims: [] }), { publicUrl });

      expect(collection.total).toBe(0);
      expect(collection.first.items).toEqual([]);
      expect(collection.last).toBe(collection.first.id);
    });
  });
});
