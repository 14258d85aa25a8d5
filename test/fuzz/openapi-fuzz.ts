/**
 * Seeded random requests generated from the OpenAPI document: bodies valid-ish by their schema, then
 * mutated (wrong types, extreme numbers, long and odd Unicode strings, deep nesting, extra fields, lists
 * for objects, null), path parameters from real entities or not, query parameters the same way.
 * Plain functions of a PRNG: the same seed gives the same requests against the same desk.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  example?: unknown;
  additionalProperties?: boolean | Schema;
}

export interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema }

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface FuzzOperation { method: string; path: string; operation: Operation }

/** A request to send: `body` is the exact text (or bytes), so that it can be what JSON.stringify never makes. */
export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** mulberry32: small, fast and good enough to pick cases; the seed alone decides the sequence. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

/** Real ids by kind (`articles`, `claims`, …), grown from what the desk answers while fuzzing. */
export class IdPools {
  private readonly pools = new Map<string, string[]>();

  add(kind: string, id: unknown): void {
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const pool = this.pools.get(kind) ?? [];
    if (!pool.includes(String(id))) pool.push(String(id));
    if (pool.length > 40) pool.shift();
    this.pools.set(kind, pool);
  }

  /** One id of the kind, or of any kind when the kind has none (an id of the wrong kind is a case too). */
  pick(rng: Prng, kind: string): string | undefined {
    const own = this.pools.get(kind);
    if (own?.length && rng.chance(0.9)) return rng.pick(own);
    const all = [...this.pools.values()].flat();
    return all.length ? rng.pick(all) : undefined;
  }
}

/** The kind of id a parameter or field names: `{id}` after `claims` → claims, `sourceId` → sources. */
export function idKind(name: string, previousSegment?: string): string | undefined {
  if (name === 'id' && previousSegment) return previousSegment;
  if (name === 'n') return 'revisions';
  if (name === 'supersedes') return 'verdicts';
  if (name === 'parentId') return 'annotations';
  if (name === 'scaleId') return 'rating-scales';
  if (/^(assignee|author|actor|user)Id$/.test(name)) return 'users';
  const match = /^(\w+)Id$/.exec(name);
  return match ? `${match[1]}s` : undefined;
}

// Values that break assumptions: types, numbers at and past every boundary, and strings no schema expects.
const NUMBERS = [0, -1, 1, 1.5, -0.5, 0.1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53),
  99999999999, 1e21, 1e308, -1e308, 5e-324, 1e-7, Number.MAX_SAFE_INTEGER, 123456789.123456789];
// Numbers JSON can spell and JavaScript cannot hold: they reach the server as raw text.
const RAW_NUMBERS = ['1e999', '-1e999', '1.0e400', '123456789012345678901234567890', '-0', '0.0000000000000000000000001', '1E2'];
const STRINGS = ['', ' ', 'x', 'null', 'undefined', 'NaN', 'Infinity', '-Infinity', '0', '-1', '1e999', '99999999999', 'true',
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u202eevil\u202c', '😀'.repeat(50), 'e\u0301', '\ufeffBOM', '\u200b', '\r\n\t',
  '%', '%00', '%ZZ', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '\\', '"', '%_\\', '{{7*7}}',
  '2016-12-31T23:59:60Z', '2026-02-30', '0000-01-01', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z',
  '2026-12-01T24:00:00Z', '-000001-01-01T00:00:00Z', '2026-11-29T17:30:00.000+14:00', '2026-W48-7',
  'javascript:alert(1)', 'http://', 'https://', 'http://[::1]:99999/', 'https://user:pass@news.example/a?utm_source=x#f',
  `https://news.example/${'é'.repeat(700)}`, `https://${'a'.repeat(63)}.example/`, 'HTTP://NEWS.EXAMPLE:80/a', 'https://xn--nxasmq6b.example/',
  'ftp://news.example/', 'https://news.example/?a=%ZZ&utm_medium=1', 'mailto:a@b.c', 'a@b', `${'a'.repeat(64)}@${'b'.repeat(250)}.example`,
  'en', 'pt-BR', `en${'-abcdefgh'.repeat(5)}`, 'x-private', 'zh-Hant-TW', 'i-klingon', 'TextPositionSelector', 'TextQuoteSelector',
  'claimdesk-6', 'truth-o-meter', 'admin', 'editor', 'reviewer', 'commenting', 'supports', 'markdown', 'html', 'text', 'pdf', 'csv',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '*'];
const KEYS = ['foo', '', '__proto__', 'constructor', 'prototype', 'toString', 'a'.repeat(300), '😀', '\u0000', 'id', 'version', 'createdBy', 'type'];

const longString = (rng: Prng): string => {
  const unit = rng.pick(['a', 'é', '😀', ' ', '\n', 'ab ', '[', '\\', '\u0301']);
  return unit.repeat(rng.pick([65, 101, 201, 301, 501, 1001, 2049, 20_001, 50_001]));
};

function randomText(rng: Prng): string {
  const words = ['Kim', 'vote', 'Interpol', 'the', 'claims', 'Russian', 'Loses', 'Bid', 'South', 'Korea', 'went', 'Lead'];
  return Array.from({ length: rng.int(1, 6) }, () => rng.pick(words)).join(' ');
}

/** A random JSON value of any type, small, for the places where anything could be sent. */
export function anyValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 4 : 6)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick(NUMBERS);
    case 3: return rng.pick(STRINGS);
    case 4: return rng.chance(0.1) ? longString(rng) : randomText(rng);
    case 5: return Array.from({ length: rng.int(0, 3) }, () => anyValue(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 3) }, () => [rng.pick(KEYS), anyValue(rng, depth + 1)]));
  }
}

/** Raw JSON text with a marker for numbers JSON.stringify cannot write. */
const RAW = '\u0001raw:';
const rawNumber = (rng: Prng): string => `${RAW}${rng.pick(RAW_NUMBERS)}`;
export const toJsonText = (value: unknown): string => (JSON.stringify(value) ?? 'null').replace(/"\\u0001raw:((?:[^"\\]|\\")*)"/g, (_, raw: string) => raw.replace(/\\"/g, '"'));

/** A UUID-shaped id from the PRNG, so that runs repeat. */
export const randomUuid = (rng: Prng): string =>
  Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('').replace(/^(.{8})(.{4}).(.{3})(.{4})/, '$1-$2-4$3-$4-');

/**
 * Values that random ones would rarely get right (a selector that hits the text), by schema name, or
 * by field name after a dot (`.content`).
 */
export type Hints = Record<string, (rng: Prng) => unknown>;

export class SchemaValues {
  constructor(private readonly doc: OpenApiDocument, private readonly ids: IdPools, private readonly hints: Hints = {}) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; current.$ref && hops < 10; hops++) current = this.doc.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
    return current;
  }

  /** A value the schema describes, with the desk's real ids where a field names one. */
  valid(rng: Prng, input: Schema, name = '', depth = 0): unknown {
    const hint = input.$ref ? this.hints[input.$ref.replace('#/components/schemas/', '')] : this.hints[`.${name}`];
    if (hint && rng.chance(0.8)) return hint(rng);
    const schema = this.resolve(input);
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants?.length) return this.valid(rng, rng.pick(variants), name, depth);
    if (schema.allOf?.length) return this.valid(rng, schema.allOf.length === 1 ? schema.allOf[0] : { ...schema, allOf: undefined, properties: Object.assign({}, ...schema.allOf.map((s) => this.resolve(s).properties)) }, name, depth);
    if (schema.nullable && rng.chance(0.1)) return null;
    if (schema.enum?.length) return rng.pick(schema.enum);
    const kind = idKind(name);
    if (kind && (schema.type === 'string' || schema.format === 'uuid') && rng.chance(0.85)) return this.ids.pick(rng, kind) ?? randomUuid(rng);
    switch (schema.type) {
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? 0;
        const max = schema.maximum ?? Math.max(min + 40, 5);
        const n = min + rng.next() * (max - min);
        return schema.type === 'integer' || !(max - min <= 1) ? Math.round(n) : Math.round(n * 100) / 100;
      }
      case 'boolean': return rng.chance(0.5);
      case 'array': {
        if (depth > 6) return [];
        return Array.from({ length: rng.int(0, 3) }, () => this.valid(rng, schema.items ?? {}, name.replace(/s$/, ''), depth + 1));
      }
      case 'object':
      case undefined: {
        if (!schema.properties) return schema.type === 'object' || depth === 0 ? {} : rng.pick(['x', 1, null]);
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(schema.properties)) {
          if ((schema.required ?? []).includes(key) || rng.chance(0.5)) out[key] = this.valid(rng, property, key, depth + 1);
        }
        return out;
      }
      default: return this.validString(rng, schema, name);
    }
  }

  private validString(rng: Prng, schema: Schema, name: string): string {
    if (schema.format === 'uuid') return randomUuid(rng);
    if (/url$/i.test(name)) return rng.pick(['https://news.example/2018/11/interpol', 'http://www.interpol.int/News?utm_source=x&id=3', 'https://archive.example/web/2018/x']);
    if (/email/i.test(name)) return `fuzz.${rng.int(0, 1e9)}@desk.test`;
    if (/password/i.test(name)) return `fuzz-password-${rng.int(0, 1e9)}`;
    if (/language/i.test(name)) return rng.pick(['en', 'pt-BR', 'de']);
    if (/(At|from|to)$/.test(name)) return rng.pick(['2018-11-21', '2026-11-29T17:30:00.000Z', '2030-01-01']);
    if (name === 'content' || name === 'exact' || name === 'body') return randomText(rng);
    if (schema.example !== undefined && rng.chance(0.5)) return String(schema.example);
    const text = randomText(rng);
    return schema.maxLength ? text.slice(0, schema.maxLength) : text;
  }

  /** The valid-ish value with one to three mutations somewhere in it (or none, for the requests that work). */
  mutated(rng: Prng, schema: Schema): unknown {
    let value = this.valid(rng, schema);
    if (rng.chance(0.4)) return value;
    for (let n = rng.int(1, 3); n > 0; n--) value = mutate(rng, value, 0);
    return value;
  }
}

/** A field of its own even when named `__proto__` (plain assignment would set the prototype instead). */
const setOwn = (object: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
};

/** Replaces one spot of the value (the value itself, a field, an item) by something it should not be. */
export function mutate(rng: Prng, value: unknown, depth: number, field = ''): unknown {
  const container = value !== null && typeof value === 'object';
  if (container && depth < 4 && rng.chance(0.5)) {
    if (Array.isArray(value)) {
      if (value.length && rng.chance(0.8)) {
        const copy = [...value];
        const i = rng.int(0, copy.length - 1);
        copy[i] = mutate(rng, copy[i], depth + 1, field);
        return copy;
      }
      return [...value, anyValue(rng)];
    }
    const copy = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    if (keys.length && rng.chance(0.75)) {
      const key = rng.pick(keys);
      if (rng.chance(0.1)) delete copy[key];
      else setOwn(copy, key, mutate(rng, copy[key], depth + 1, key));
    } else {
      setOwn(copy, rng.pick(KEYS), anyValue(rng));
    }
    return copy;
  }
  switch (rng.int(0, 12)) {
    case 0: return null;
    case 1: return rng.pick(NUMBERS);
    case 2: return rawNumber(rng);
    case 3: return rng.pick(STRINGS);
    case 4: return longString(rng);
    case 5: return [value];
    case 6: return rng.chance(0.5) ? [] : {};
    case 7: return { value };
    case 8: return rng.chance(0.7) ? nest(rng, value, rng.int(60, 70)) : deepText(rng);
    case 9: return typeof value === 'string' ? `${value}${rng.pick(STRINGS)}` : JSON.stringify(value) ?? 'undefined';
    case 10: return rng.chance(0.5);
    case 11: return rng.pick(confusions(value));
    default: return (FAMILIES.find(([pattern]) => pattern.test(field))?.[1] ?? anyFamily(rng))(rng);
  }
}

/** What a value of each type is most often confused with. */
function confusions(value: unknown): unknown[] {
  if (Array.isArray(value)) return [{}, [value], value.length ? value[0] : null, Object.fromEntries(value.map((item, i) => [String(i), item])), 'x'];
  if (value !== null && typeof value === 'object') return [[], [value], [[]], 'x', 0, Object.values(value)];
  if (typeof value === 'number') return [String(value), -value, value + 0.5, value * 2 ** 32, [value], `${value}x`];
  if (typeof value === 'string') return [[], {}, [value], Number(value), value.toUpperCase(), ` ${value} `, value.repeat(40)];
  return [[], {}, 'true', 1, 0];
}

// Nasty values by what a field holds, chosen by its name, so that each rule meets its own edge cases.
const pickFrom = (values: readonly unknown[]) => (rng: Prng): unknown => rng.pick(values);
const FAMILIES: [RegExp, (rng: Prng) => unknown][] = [
  [/url$/i, pickFrom(STRINGS.filter((s) => /^[a-z]+:|^https?/i.test(s)).concat([`https://news.example/?q=${'%C3%A9'.repeat(700)}`, `https://${'é'.repeat(300)}.example/`, `http://a.example/${'a'.repeat(2030)}`]))],
  [/language/i, pickFrom(['en', `en${'-abcdefgh'.repeat(4)}`, `${'a'.repeat(8)}-${'b'.repeat(8)}-${'c'.repeat(8)}-${'d'.repeat(8)}-e`, 'en-', '-en', 'e', '123', 'en_US', 'EN-us', 'x-priv'])],
  [/(At|from|to|time)$/i, pickFrom(STRINGS.filter((s) => /^[-+]?\d{4,6}-/.test(s)).concat(['2026', '2026-11', '20261129', '2026-333', '2026-W48-7', '2026-11-29T17:30:00,5Z', '2026-11-29T17:30']))],
  [/(id|supersedes)$/i, pickFrom(['00000000-0000-0000-0000-000000000000', 'x', 'a'.repeat(37), 'a'.repeat(5000), 1, null, '%', ' ', '\u0000'])],
  [/^(start|end|limit|page|confidence|value|bestRating|worstRating|revision)$/, pickFrom([...NUMBERS, '1', '1e3'])],
];
const anyFamily = (rng: Prng): ((rng: Prng) => unknown) => rng.pick(FAMILIES)[1];

/** Nesting from 65 to thousands of levels, written as text (JSON.stringify itself recurses). */
const deepText = (rng: Prng): string => {
  const depth = rng.pick([65, 100, 1_300, 3_000, 7_000, 20_000]);
  return rng.chance(0.5) ? `${RAW}${'['.repeat(depth)}1${']'.repeat(depth)}` : `${RAW}${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
};

/** The value `depth` levels down in arrays or objects: around the 64-level limit, on both sides of it. */
export function nest(rng: Prng, value: unknown, depth: number): unknown {
  let out = value;
  for (let i = 0; i < depth; i++) out = rng.chance(0.5) ? [out] : { a: out };
  return out;
}

const PATH_GARBAGE = ['x', '0', '-1', '1.5', '99999999999', '2147483648', '1e3', ' ', '%20', '..', '%2e%2e', 'a'.repeat(200),
  '%F0%9F%98%80', '%C3%A9', '%E2%80%AE', '%FF', '%ZZ', 'null', 'undefined', '00000000-0000-0000-0000-000000000000', '%27%20OR%201%3D1'];
const QUERY_GARBAGE = ['', ' ', '0', '-1', '1.5', '1e3', 'NaN', 'Infinity', '2147483648', '99999999999', '9007199254740993',
  '1e999', 'true', '%00', '%ZZ', '%FF', '%C3%A9', '%F0%9F%98%80', '%ED%A0%80', 'a'.repeat(3000), '%2C%2C', ',', 'a,b,,c', '[]', '{}'];

/** Percent-encoded; a lone surrogate (which encodeURIComponent refuses) as the bytes of its CESU-8 form, not UTF-8. */
const encodeAny = (value: string): string => (value.isWellFormed() ? encodeURIComponent(value) : `${encodeURIComponent(value.toWellFormed())}%ED%A0%80`);

/** An opaque cursor the desk never issued: base64url JSON of keys of the right and wrong shapes. */
function fakeCursor(rng: Prng): string {
  const part = (): unknown => rng.pick([rng.pick(NUMBERS), rawNumber(rng), rng.pick(STRINGS), null, [], {}]);
  const key = rng.chance(0.8) ? Array.from({ length: rng.int(0, 3) }, part) : part();
  const text = rng.chance(0.9) ? toJsonText(key) : rng.pick(['[', 'not json', '\u0000', '[1,']);
  return rng.chance(0.9) ? Buffer.from(text, 'utf8').toString('base64url') : rng.pick(['!!!', '====', 'a'.repeat(600), '%ZZ']);
}

const AUTH_HEADERS = ['Bearer not-a-token', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer \u00e9', `Bearer ${'a'.repeat(5000)}`];
const IF_MATCH = ['"1"', '"2"', 'W/"1"', '*', '"99999999999999999999"', '"-1"', '"x"', '1', '', '"1", "2"'];

export interface Caller { authorization?: string }

export class RequestFactory {
  readonly values: SchemaValues;

  constructor(doc: OpenApiDocument, ids: IdPools, hints: Hints = {}) {
    this.ids = ids;
    this.values = new SchemaValues(doc, ids, hints);
  }

  private readonly ids: IdPools;

  request(rng: Prng, { method, path, operation }: FuzzOperation, caller: Caller): FuzzRequest {
    const params = operation.parameters ?? [];
    const segments = path.split('/');
    const url = segments.map((segment, i) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      return name ? this.pathValue(rng, name, segments[i - 1]) : segment;
    }).join('/');
    const query = params.filter((p) => p.in === 'query' && (p.required || rng.chance(0.6))).flatMap((p) => this.queryPairs(rng, p));
    if (rng.chance(0.05)) query.push(`${rng.pick(KEYS.slice(0, 6))}=${rng.pick(QUERY_GARBAGE)}`);
    const headers: Record<string, string> = {};
    if (caller.authorization) headers.authorization = rng.chance(0.03) ? rng.pick(AUTH_HEADERS) : caller.authorization;
    if (params.some((p) => p.in === 'header' && p.name === 'If-Match') && rng.chance(0.3)) headers['if-match'] = rng.pick(IF_MATCH);
    const request: FuzzRequest = { method: method.toUpperCase(), url: query.length ? `${url}?${query.join('&')}` : url, headers };
    const media = operation.requestBody?.content;
    if (media && rng.chance(0.97)) {
      const type = rng.pick(Object.keys(media));
      headers['content-type'] = rng.chance(0.03) ? rng.pick(['text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'application/json;', 'multipart/form-data']) : type;
      request.body = this.bodyText(rng, media[type].schema ?? {});
    } else if (rng.chance(0.05)) {
      headers['content-type'] = 'application/json';
      request.body = toJsonText(anyValue(rng));
    }
    return request;
  }

  private pathValue(rng: Prng, name: string, previous: string | undefined): string {
    const roll = rng.next();
    if (roll < 0.7) {
      const id = this.ids.pick(rng, idKind(name, previous) ?? name);
      if (id !== undefined) return encodeURIComponent(id);
    }
    if (roll < 0.8) return randomUuid(rng);
    return rng.pick(PATH_GARBAGE);
  }

  private queryPairs(rng: Prng, parameter: Parameter): string[] {
    const name = encodeURIComponent(parameter.name);
    const values = rng.chance(0.05) ? [this.queryValue(rng, parameter), this.queryValue(rng, parameter)] : [this.queryValue(rng, parameter)];
    return values.map((value) => `${name}=${value}`);
  }

  private queryValue(rng: Prng, parameter: Parameter): string {
    if (parameter.name === 'cursor' && rng.chance(0.7)) return fakeCursor(rng);
    if (rng.chance(0.35)) return rng.chance(0.5) ? rng.pick(QUERY_GARBAGE) : encodeAny(String(rng.pick([...NUMBERS, ...STRINGS])));
    const schema = parameter.schema ?? {};
    const value = schema.type === 'array' ? (this.values.valid(rng, schema.items ?? {}, parameter.name) as unknown) : this.values.valid(rng, schema, parameter.name);
    return encodeAny(Array.isArray(value) ? value.join(',') : String(value));
  }

  private bodyText(rng: Prng, schema: Schema): string | Buffer {
    const roll = rng.next();
    if (roll < 0.85) return toJsonText(this.values.mutated(rng, schema));
    if (roll < 0.9) return toJsonText(rng.pick([null, [], 'x', 1, true, [this.values.valid(rng, schema)], nest(rng, this.values.valid(rng, schema), rng.int(60, 70))]));
    const text = toJsonText(this.values.valid(rng, schema));
    switch (rng.int(0, 6)) {
      case 0: return text.slice(0, rng.int(0, Math.max(0, text.length - 1)));
      case 1: return `\ufeff${text}`;
      case 2: return `${text}${rng.pick([' x', '}', ',', '\u0000', '\n\n{}'])}`;
      case 3: return Buffer.concat([Buffer.from(text.slice(0, text.length >> 1)), Buffer.from([rng.pick([0xff, 0xc3, 0xe9, 0xed, 0x80, 0xf4])]), Buffer.from(text.slice(text.length >> 1))]);
      case 4: return rng.pick(['', ' ', 'null', '""', '[]', '{', '{"a":1,"a":2}', '{"__proto__":{"admin":true}}', 'NaN', '1e999', `${'['.repeat(5000)}`]);
      case 5: return Buffer.from(text, 'utf16le');
      default: return text.replace(/"([^"\\]*)"/, (_, s: string) => `"${s}${rng.pick(['\\ud800', '\\udfff', '\\u0000', '\\ud83d\\ude00\\ud800'])}"`);
    }
  }
}

/** Every route the fuzz suite sends requests to: the write routes, and the GET routes that take query parameters. */
export function fuzzedOperations(doc: OpenApiDocument, skip: (path: string, method: string) => boolean): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations)
    .filter(([method, operation]) => ['post', 'put', 'patch', 'delete'].includes(method) ||
      (method === 'get' && (operation.parameters ?? []).some((p) => p.in === 'query')))
    .filter(([method, operation]) => !Object.values(operation.responses).some((r) => Object.keys(r.content ?? {}).includes('text/event-stream')) && !skip(path, method))
    .map(([method, operation]) => ({ method, path, operation })));
}
