import { interpolReport } from '../render/testing/report.factory';
import { JSONLD_CONTEXT_URLS, readAnnotationContext, readJsonLdContext } from './jsonld-contexts';
import { toAnnotationCollection } from './to-web-annotation';
import { CLAIMDESK_CONTEXT } from './web-annotation.types';

/** Every key and every `type`/`motivation`/`purpose` value in a JSON document. */
function termsUsed(value: unknown, terms = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => termsUsed(item, terms));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@context') continue;
      terms.add(key);
      if (['type', 'motivation', 'purpose'].includes(key) && typeof inner === 'string') terms.add(inner);
      termsUsed(inner, terms);
    }
  }
  return terms;
}

describe('local JSON-LD contexts', () => {
  it('serves the Web Annotation context for its http and https URLs, and nothing else', () => {
    expect(JSONLD_CONTEXT_URLS).toEqual(['http://www.w3.org/ns/anno.jsonld', 'https://www.w3.org/ns/anno.jsonld']);
    expect(readJsonLdContext('https://www.w3.org/ns/anno.jsonld')).toBe(readAnnotationContext());
    expect(readJsonLdContext('https://www.w3.org/ns/activitystreams')).toBeNull();
  });

  it('is JSON-LD that, with the desk\'s own context, defines every term ClaimDesk\'s annotations use', () => {
    const context: Record<string, unknown> = { ...(JSON.parse(readAnnotationContext()) as { '@context': Record<string, unknown> })['@context'], ...CLAIMDESK_CONTEXT['@context'] };
    const collection = toAnnotationCollection(interpolReport().articles[0], { publicUrl: 'https://claims.example' });

    const undefinedTerms = [...termsUsed(collection)].filter((term) => !(term in context));

    expect(undefinedTerms).toEqual([]);
    expect(context.TextQuoteSelector).toBe('oa:TextQuoteSelector');
    expect(context.AnnotationCollection).toBe('as:OrderedCollection');
    expect(context.oa).toBe('http://www.w3.org/ns/oa#');
  });
});
