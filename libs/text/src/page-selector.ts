/** What a selector test needs of an element (PageElement; kept apart so that selectors have no DOM of their own). */
export interface SelectableElement {
  readonly localName: string;
  readonly parentNode: unknown;
  getAttribute(name: string): string | null;
}

type Test = (element: SelectableElement) => boolean;

/**
 * Attribute values HTML compares without case in a selector (the ones a page's metadata is found by;
 * css-select, which linkedom uses, has the full list).
 */
const CASE_INSENSITIVE_VALUES = new Set(['type', 'rel', 'lang', 'http-equiv', 'charset', 'dir', 'media', 'target']);

const COMPOUND = /^(\*|[a-zA-Z][\w-]*)?((?:#[\w-]+|\.[\w-]+|\[\s*[\w:-]+\s*(?:[~^$*|]?=\s*(?:"[^"]*"|'[^']*'|[^\]\s]+)\s*)?\])*)$/;
const PART = /#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([~^$*|]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/g;

const compiled = new Map<string, Test>();

/**
 * A CSS selector list → a test of one element. Only what the desk's page reading uses: type, `*`, `#id`,
 * `.class` and attribute selectors (`[a]`, `=`, `~=`, `^=`, `$=`, `*=`, `|=`), compounds of them, lists
 * (`a, b`), and the descendant and child combinators. Anything else throws, rather than match wrongly.
 */
export function matcherFor(selectors: string): Test {
  let test = compiled.get(selectors);
  if (test === undefined) {
    const alternatives = selectors.split(',').map((selector) => complex(selector.trim(), selectors));
    test = alternatives.length === 1 ? (alternatives[0] as Test) : (element) => alternatives.some((alternative) => alternative(element));
    compiled.set(selectors, test);
  }
  return test;
}

const TAG_LIST = /^\s*[a-zA-Z][\w-]*(\s*,\s*[a-zA-Z][\w-]*)*\s*$/;
const tagLists = new Map<string, ReadonlySet<string> | null>();

/** `h1, h2, p` → its names in lower case; null for any other selector. */
export function tagNamesOf(selectors: string): ReadonlySet<string> | null {
  let names = tagLists.get(selectors);
  if (names === undefined) {
    names = TAG_LIST.test(selectors) ? new Set(selectors.split(',').map((name) => name.trim().toLowerCase())) : null;
    tagLists.set(selectors, names);
  }
  return names;
}

/** `a b > c`: the last compound tests the element, the others its ancestors (right to left). */
function complex(selector: string, whole: string): Test {
  const tokens = selector.replace(/\s*>\s*/g, ' > ').split(/\s+/);
  const last = compound(tokens.pop() ?? '', whole);
  if (tokens.length === 0) return last;
  const combinator = tokens[tokens.length - 1] === '>' ? tokens.pop() : ' ';
  const before = complex(tokens.join(' '), whole);
  if (combinator === '>') return (element) => last(element) && isElement(element.parentNode) && before(element.parentNode);
  return (element) => {
    if (!last(element)) return false;
    for (let node = element.parentNode; isElement(node); node = node.parentNode) if (before(node)) return true;
    return false;
  };
}

const isElement = (node: unknown): node is SelectableElement =>
  typeof node === 'object' && node !== null && typeof (node as SelectableElement).getAttribute === 'function' && typeof (node as SelectableElement).localName === 'string';

function compound(selector: string, whole: string): Test {
  const match = COMPOUND.exec(selector);
  if (selector === '' || match === null) throw new Error(`Unsupported selector: ${whole}`);
  const tests: Test[] = [];
  const tag = match[1]?.toLowerCase();
  if (tag !== undefined && tag !== '*') tests.push((element) => element.localName.toLowerCase() === tag);
  for (const part of (match[2] ?? '').matchAll(PART)) {
    const [, id, className, name, operator, ...values] = part;
    if (id !== undefined) tests.push((element) => element.getAttribute('id') === id);
    else if (className !== undefined) tests.push((element) => (element.getAttribute('class') ?? '').split(/\s+/).includes(className));
    else if (name !== undefined) tests.push(attributeTest(name, operator, values.find((value) => value !== undefined) ?? ''));
  }
  return (element) => tests.every((test) => test(element));
}

function attributeTest(name: string, operator: string | undefined, wanted: string): Test {
  const fold = CASE_INSENSITIVE_VALUES.has(name.toLowerCase()) ? (value: string): string => value.toLowerCase() : (value: string): string => value;
  const want = fold(wanted);
  const compare: (value: string) => boolean = {
    undefined: () => true,
    '=': (value: string) => value === want,
    '~=': (value: string) => value.split(/\s+/).includes(want),
    '^=': (value: string) => want !== '' && value.startsWith(want),
    '$=': (value: string) => want !== '' && value.endsWith(want),
    '*=': (value: string) => want !== '' && value.includes(want),
    '|=': (value: string) => value === want || value.startsWith(`${want}-`),
  }[operator ?? 'undefined'] ?? ((): boolean => false);
  return (element) => {
    const value = element.getAttribute(name);
    return value !== null && compare(fold(value));
  };
}
