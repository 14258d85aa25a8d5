import { growthOf } from '@claimdesk/text/testing/linear-time';
import { ADVERSARIAL_INPUTS } from '@claimdesk/text/testing/adversarial-input';
import { parseAnnotationImport } from './annotation-import';

/** A Hypothesis annotation with `count` distinct tags (about 8 characters each). */
const manyTags = (size: number): string => JSON.stringify({ target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }], tags: Array.from({ length: Math.ceil(size / 8) }, (_, i) => `t${i}`) });

describe('W3C / Hypothesis import is linear in the size of the document', () => {
  it('deduplicates many distinct tags in linear time (failed on main: kept.includes per tag)', () => {
    const growth = growthOf((json) => parseAnnotationImport(JSON.parse(json)), manyTags, 40_000);
    expect(growth).toEqual({ ...growth, linear: true });
    expect(parseAnnotationImport({ target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }], tags: [' a', 'b', 'a ', 'b'] })).toMatchObject([
      { index: 0, exact: 'x', prefix: '', suffix: '', tags: ['a', 'b'] },
    ]);
  });

  it.each(Object.keys(ADVERSARIAL_INPUTS))('parses an annotation whose quote, text and tags are %s in linear time', (input) => {
    const annotation = (size: number): string => {
      const text = ADVERSARIAL_INPUTS[input](size);
      return JSON.stringify({ type: 'Annotation', target: { source: text, selector: [{ type: 'TextQuoteSelector', exact: text, prefix: text, suffix: text }] }, body: [{ type: 'TextualBody', value: text }, { type: 'TextualBody', purpose: 'tagging', value: text }] });
    };
    const growth = growthOf((json) => parseAnnotationImport(JSON.parse(json)), annotation, 8_000);
    expect(growth).toEqual({ ...growth, linear: true });
  });
});
