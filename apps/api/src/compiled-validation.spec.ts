import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { CreateAnnotationDto, UpdateAnnotationDto } from '@claimdesk/annotations/dto/annotation.dto';
import { CreateClaimDto, UpdateClaimDto } from '@claimdesk/claims/dto/claim.dto';
import { ReportFormatQueryDto } from '@claimdesk/reports/report-builder/reports.controller';
import { UNDECIDED, validatedInput } from './compiled-validation';
import { StrictValidationPipe } from './validation';

const pipe = new StrictValidationPipe();
/** A body as the JSON parser hands it over. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const body = (metatype: Function): ArgumentMetadata => ({ type: 'body', metatype: metatype as ArgumentMetadata['metatype'] });
/** The full pipe (class-transformer, then class-validator), with the desk's options. */
const fullPipe = (metatype: Function, value: unknown): Promise<unknown> =>
  ValidationPipe.prototype.transform.call(pipe, asJson(value), body(metatype)).then((dto) => dto, () => 'refused');

/**
 * Whenever the compiled plan vouches for a body, the full pipe gives the same DTO; it never vouches
 * for a refused one. Counts the bodies it decided, so a test can show it was not idle.
 */
let decided = 0;
async function agrees(metatype: Function, value: unknown): Promise<void> {
  const fast = validatedInput(metatype, asJson(value));
  if (fast === UNDECIDED) return;
  decided++;
  expect(fast).toStrictEqual(await fullPipe(metatype, value));
}

/** Mostly well-formed values (so that many bodies pass), with the odd wrong one. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: bad, weight: 1 });
const text = mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('  padded  ', 'x'.repeat(999))),
  fc.oneof(fc.constantFrom('', ' ', 'x'.repeat(1001), 'x'.repeat(20_001)), fc.integer(), fc.constant(null), fc.boolean()));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const withExtra = (arb: fc.Arbitrary<Record<string, unknown>>) =>
  fc.tuple(arb, mostly(fc.constant(undefined), fc.constantFrom('extra', 'constructor', 'id'))).map(([object, extra]) => {
    const clean = Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
    return extra ? { ...clean, [extra]: 1 } : clean;
  });
const selector = mostly(
  fc.oneof(
    fc.record({ type: fc.constant('TextQuoteSelector'), exact: text, prefix: maybe(text), suffix: maybe(text), start: maybe(fc.integer()) }, { requiredKeys: ['type', 'exact'] }),
    fc.record({ type: fc.constant('TextPositionSelector'), start: mostly(fc.nat(), text), end: mostly(fc.nat(), text), exact: maybe(text) }, { requiredKeys: ['type', 'start', 'end'] }),
  ),
  fc.oneof(fc.constantFrom(null, [], 'TextQuoteSelector', [{ type: 'TextQuoteSelector', exact: 'a' }], { type: 'Other', exact: 'a' }, { exact: 'a' })),
);
const tags = mostly(fc.array(mostly(fc.constantFrom('a', ' a ', 'b', 'x'.repeat(64)), fc.oneof(fc.constantFrom('', 'x'.repeat(65)), fc.integer())), { maxLength: 4 }),
  fc.constantFrom(null, 'a,b', Array.from({ length: 51 }, (_, i) => `t${i}`)));

// A fixed seed keeps CI deterministic (unseeded, the claim property's count of decided bodies fell to 96 of
// the 100 asked for now and then); FC_SEED=<n> explores others.
const SEED = Number(process.env.FC_SEED ?? 20261207);

describe('compiled validation of JSON bodies', () => {
  beforeEach(() => (decided = 0));

  it('gives the full pipe\'s DTO for every note body it vouches for', async () => {
    const note = withExtra(fc.record({ body: maybe(text), motivation: maybe(mostly(fc.constantFrom('commenting', 'questioning'), fc.constantFrom('other', 3))), parentId: maybe(mostly(fc.uuid(), text)) }));
    await fc.assert(fc.asyncProperty(note, async (value) => {
      await agrees(CreateAnnotationDto, value);
      await agrees(UpdateAnnotationDto, value);
    }), { numRuns: 400, seed: SEED });
    expect(decided).toBeGreaterThan(100);
  });

  it('gives the full pipe\'s DTO for every claim body it vouches for (nested selector, trimmed and de-duplicated fields)', async () => {
    const claim = withExtra(fc.record({ selector: maybe(selector), claimant: maybe(text), claimReviewed: maybe(text), tags: maybe(tags), revision: maybe(mostly(fc.integer({ min: 1, max: 5 }), fc.oneof(fc.integer(), text))), confirm: maybe(mostly(fc.constant(true), fc.constant(false))), correctionNote: maybe(text) }));
    await fc.assert(fc.asyncProperty(claim, async (value) => {
      await agrees(CreateClaimDto, value);
      await agrees(UpdateClaimDto, value);
    }), { numRuns: 600, seed: SEED });
    expect(decided).toBeGreaterThan(100);
  });

  it('decides the hot bodies itself: a note and a claim by quote are their DTOs without the full pipe', async () => {
    const note = validatedInput(CreateAnnotationDto, { body: 'Checked against the annual report.', motivation: 'commenting' });
    expect(note).toBeInstanceOf(CreateAnnotationDto);
    const claim = validatedInput(CreateClaimDto, { selector: { type: 'TextQuoteSelector', exact: 'per cent', prefix: 'rose by 4 ', suffix: ' in 2019' }, claimant: ' Sarah Cohen ', tags: ['statistics', ' q1', 'statistics'] });
    expect(claim).toBeInstanceOf(CreateClaimDto);
    expect(claim).toStrictEqual(await fullPipe(CreateClaimDto, { selector: { type: 'TextQuoteSelector', exact: 'per cent', prefix: 'rose by 4 ', suffix: ' in 2019' }, claimant: ' Sarah Cohen ', tags: ['statistics', ' q1', 'statistics'] }));
    expect((claim as CreateClaimDto).claimant).toBe('Sarah Cohen');
    expect((claim as CreateClaimDto).tags).toEqual(['statistics', 'q1']);
  });

  it('decides a report\'s query string (Fastify\'s prototype-less object) as the full pipe does', async () => {
    const query = Object.assign(Object.create(Object.create(null) as object) as object, { format: 'claimreview' });
    const fast = validatedInput(ReportFormatQueryDto, query);
    expect(fast).toBeInstanceOf(ReportFormatQueryDto);
    expect(fast).toStrictEqual(await pipe.transform({ format: 'claimreview' }, { type: 'query', metatype: ReportFormatQueryDto }));
    expect(validatedInput(ReportFormatQueryDto, Object.assign(Object.create(null) as object, { format: 'docx' }))).toBe(UNDECIDED);
  });

  it('leaves every refusal to the full pipe, which answers with its field errors', async () => {
    for (const value of [{ body: '' }, { body: 'x', extra: 1 }, { body: 'x', motivation: 'shouting' }, { body: 3 }]) {
      expect(validatedInput(CreateAnnotationDto, value)).toBe(UNDECIDED);
    }
    await expect(pipe.transform({ body: 'x', motivation: 'shouting' }, body(CreateAnnotationDto))).rejects.toMatchObject({
      code: 'validation_failed', details: [{ path: 'motivation', message: expect.stringContaining('motivation must be one of') }],
    });
  });
});
