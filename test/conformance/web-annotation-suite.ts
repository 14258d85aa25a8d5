import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The W3C Web Annotation Data Model test material (w3c/web-annotation-tests), as shipped in
 * test/conformance/web-annotation (the W3C test material, with its licence).
 *
 * How the suite works (annotation-model/README in web-platform-tests): a `.test` file lists
 * assertion files; each assertion is a JSON Schema (draft-04) that the document under test should
 * satisfy (`expectedResult: valid` for every assertion here). `assertionType` says what a failure
 * means: `must` — the document does not conform (`onUnexpectedResult: failAndContinue`);
 * `should` / `may` — a recommended or optional feature is not implemented
 * (`passAndContinue`: reported, not a conformance failure). Many optional assertions only test
 * that a feature is present ("…Implemented"), so they fail for documents that do not use it.
 */
export const SUITE_DIR = resolve(__dirname, 'web-annotation');

export type AssertionType = 'must' | 'should' | 'may';

export interface Assertion {
  /** Path inside the suite, e.g. `annotations/3.1-annotationContextValidated.json`. */
  file: string;
  type: AssertionType;
  title: string;
  errorMessage: string;
  validate: ValidateFunction;
}

export interface AssertionList {
  name: string;
  assertions: Assertion[];
}

interface AssertionSchema {
  id?: string;
  assertionType: AssertionType;
  expectedResult: 'valid' | 'invalid';
  title: string;
  errorMessage?: string;
  [keyword: string]: unknown;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(SUITE_DIR, file), 'utf8')) as T;
}

export function createValidator(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The assertions refer to the definitions by their ids (`annotations.json#/definitions/…`).
  for (const file of readdirSync(join(SUITE_DIR, 'definitions')).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(readJson<object>(join('definitions', file)));
  }
  return ajv;
}

const ajv = createValidator();
const compiled = new Map<string, Assertion>();

export function loadAssertion(file: string): Assertion {
  const cached = compiled.get(file);
  if (cached) return cached;
  const { id: _id, ...schema } = readJson<AssertionSchema>(file);
  if (schema.expectedResult !== 'valid') throw new Error(`${file}: expectedResult ${schema.expectedResult} is not handled by this harness`);
  // Two assertion files share an id (3.2.2-targType.json, 3.3.3-targAudience.json); compiled without
  // it, their relative $refs still resolve to the definitions registered above.
  const assertion: Assertion = {
    file,
    type: schema.assertionType,
    title: schema.title.replace(/\*\*|_/g, '').replace(/\s*\[model[^\]]*\]\([^)]*\)|\s*- \[model.*$/g, '').trim(),
    errorMessage: schema.errorMessage ?? '',
    validate: ajv.compile(schema),
  };
  compiled.set(file, assertion);
  return assertion;
}

/** A `.test` file, e.g. `annotations/annotationMusts.test`, with its assertions loaded. */
export function loadAssertionList(testFile: string): AssertionList {
  const list = readJson<{ name: string; assertions: string[] }>(testFile);
  return { name: list.name, assertions: list.assertions.map(loadAssertion) };
}

export interface AssertionFailure {
  file: string;
  type: AssertionType;
  title: string;
  errorMessage: string;
}

/** The assertions of `list` that `document` fails. */
export function failedAssertions(list: AssertionList, document: unknown): AssertionFailure[] {
  return list.assertions
    .filter((assertion) => !assertion.validate(document))
    .map(({ file, type, title, errorMessage }) => ({ file, type, title, errorMessage }));
}

export const LISTS = {
  annotationMusts: 'annotations/annotationMusts.test',
  annotationOptionals: 'annotations/annotationOptionals.test',
  annotationAgentOptionals: 'annotations/annotationsAgentOptionals.test',
  collectionMusts: 'collections/collectionMusts.test',
  collectionOptionals: 'collections/collectionOptionals.test',
  pageMusts: 'collections/pages/pageMusts.test',
  pageOptionals: 'collections/pages/pageOptionals.test',
} as const;

/** The W3C's own sample documents (tools/samples/correct|incorrect), to check the harness itself. */
export function samples(kind: 'correct' | 'incorrect'): Array<{ file: string; text: string }> {
  const dir = join('tools', 'samples', kind);
  return readdirSync(join(SUITE_DIR, dir))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(SUITE_DIR, dir, name), 'utf8') }));
}
