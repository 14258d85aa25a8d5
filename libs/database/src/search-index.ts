import { Engine } from './transactions';

/**
 * The search index (API.md, "Work": `GET /search`): one entry per searchable thing, kept by triggers on
 * the tables it reads, so every write, whatever code path makes it, changes the index in its own
 * transaction (a rollback leaves nothing behind). Each entry has a title (weighted above the rest) and
 * a body. SQLite: `search_docs` (kind, entity, article, claim) keyed by an integer `doc`, and a
 * contentless FTS5 table `search_index` with that `doc` as rowid (the text is not copied: snippets are
 * cut from the rows themselves). PostgreSQL: `search_docs` holding a weighted `tsvector` (GIN index),
 * English stemming over unaccented words.
 */
export type SearchKind = 'article' | 'claim' | 'annotation' | 'source' | 'verdict';
export const SEARCH_KINDS: readonly SearchKind[] = ['article', 'claim', 'annotation', 'source', 'verdict'];

interface IndexedTable {
  kind: SearchKind;
  table: string;
  /** Columns whose change re-indexes the row. */
  watched: string[];
  /** SQL over the row (`r.`) for the entry: title, body, article and claim, and whether it is indexed at all. */
  title: string;
  body: string;
  articleId: string;
  claimId: string;
  indexed: string;
}

const claimArticle = (r: string): string => `(SELECT c.article_id FROM claims c WHERE c.id = ${r}.claim_id)`;

/** Which rows are found, by what. Deleted notes are never indexed (their body is gone anyway). */
export const INDEXED_TABLES: readonly IndexedTable[] = [
  { kind: 'article', table: 'articles', watched: ['title', 'text'], title: 'r.title', body: 'r.text', articleId: 'r.id', claimId: 'NULL', indexed: '1 = 1' },
  {
    kind: 'claim', table: 'claims', watched: ['quote', 'claimant', 'claim_reviewed'], title: 'r.quote',
    body: `COALESCE(r.claimant, '') || ' ' || COALESCE(r.claim_reviewed, '')`, articleId: 'r.article_id', claimId: 'r.id', indexed: '1 = 1',
  },
  {
    kind: 'annotation', table: 'annotations', watched: ['body', 'deleted'], title: `''`, body: 'r.body',
    articleId: claimArticle('r'), claimId: 'r.claim_id', indexed: 'NOT r.deleted AND r.body IS NOT NULL',
  },
  { kind: 'source', table: 'sources', watched: ['title', 'url'], title: `COALESCE(r.title, '')`, body: 'r.url', articleId: 'NULL', claimId: 'NULL', indexed: '1 = 1' },
  {
    kind: 'verdict', table: 'verdicts', watched: ['rationale'], title: `''`, body: `COALESCE(r.rationale, '')`,
    articleId: claimArticle('r'), claimId: 'r.claim_id', indexed: 'r.rationale IS NOT NULL',
  },
];

const on = (sql: string, row: string): string => sql.replace(/\br\./g, `${row}.`);

// ---------------------------------------------------------------- SQLite

/** The FTS5 tokenizer: Porter stemming over Unicode words, case and accents folded. */
export const SQLITE_TOKENIZER = 'porter unicode61 remove_diacritics 2';
/** bm25 weights of the FTS5 columns (title, body). */
export const SQLITE_WEIGHTS = [10, 1] as const;

const sqliteDocOf = (t: IndexedTable, row: string): string => `(SELECT doc FROM search_docs WHERE kind = '${t.kind}' AND entity_id = ${row}.id)`;

function sqliteTriggers(t: IndexedTable): string[] {
  const add = (row: string): string[] => [
    `INSERT INTO search_docs (kind, entity_id, article_id, claim_id) SELECT '${t.kind}', ${row}.id, ${on(t.articleId, row)}, ${on(t.claimId, row)} WHERE ${on(t.indexed, row)};`,
    `INSERT INTO search_index (rowid, title, body) SELECT ${sqliteDocOf(t, row)}, ${on(t.title, row)}, ${on(t.body, row)} WHERE ${on(t.indexed, row)};`,
  ];
  const remove = (row: string): string[] => [
    `DELETE FROM search_index WHERE rowid = ${sqliteDocOf(t, row)};`,
    `DELETE FROM search_docs WHERE kind = '${t.kind}' AND entity_id = ${row}.id;`,
  ];
  const name = `search_${t.table}`;
  return [
    `CREATE TRIGGER ${name}_insert AFTER INSERT ON ${t.table} BEGIN ${add('new').join(' ')} END`,
    `CREATE TRIGGER ${name}_update AFTER UPDATE OF ${t.watched.join(', ')} ON ${t.table} BEGIN ${[...remove('old'), ...add('new')].join(' ')} END`,
    `CREATE TRIGGER ${name}_delete AFTER DELETE ON ${t.table} BEGIN ${remove('old').join(' ')} END`,
  ];
}

function sqliteFill(t: IndexedTable): string[] {
  return [
    `INSERT INTO search_docs (kind, entity_id, article_id, claim_id) SELECT '${t.kind}', r.id, ${t.articleId}, ${t.claimId} FROM ${t.table} r WHERE ${t.indexed}`,
    `INSERT INTO search_index (rowid, title, body) SELECT d.doc, ${t.title}, ${t.body} FROM search_docs d JOIN ${t.table} r ON r.id = d.entity_id WHERE d.kind = '${t.kind}'`,
  ];
}

// ---------------------------------------------------------------- PostgreSQL

// Words as both engines see them: ASCII punctuation splits words (URLs, e-mail addresses, hyphens), as
// FTS5's unicode61 does; PostgreSQL's parser would otherwise keep `www.example.org/a-path` as one token.
// An article too large for one tsvector (1 MB of lexemes and positions) is indexed by its first 250,000
// characters rather than refusing the write.
const POSTGRES_FUNCTIONS = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  `CREATE OR REPLACE FUNCTION claimdesk_search_words(words text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
     SET search_path FROM CURRENT
     AS $$ SELECT regexp_replace(unaccent(words), '[!-/:-@\\[-\`{-~]+', ' ', 'g') $$`,
  `CREATE OR REPLACE FUNCTION claimdesk_search_vector(title text, body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
     SET search_path FROM CURRENT
     AS $$
     BEGIN
       RETURN setweight(to_tsvector('english', COALESCE(claimdesk_search_words(title), '')), 'A')
         || setweight(to_tsvector('english', COALESCE(claimdesk_search_words(body), '')), 'D');
     EXCEPTION WHEN program_limit_exceeded THEN
       RETURN setweight(to_tsvector('english', COALESCE(claimdesk_search_words(title), '')), 'A')
         || setweight(to_tsvector('english', COALESCE(claimdesk_search_words(left(body, 250000)), '')), 'D');
     END $$`,
];

const postgresEntry = (t: IndexedTable, row: string): string =>
  `'${t.kind}', ${row}.id, ${on(t.articleId, row)}, ${on(t.claimId, row)}, claimdesk_search_vector(${on(t.title, row)}, ${on(t.body, row)})`;

function postgresTriggers(t: IndexedTable): string[] {
  const name = `search_${t.table}`;
  return [
    `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN DELETE FROM search_docs WHERE kind = '${t.kind}' AND entity_id = OLD.id; END IF;
       IF TG_OP <> 'DELETE' THEN
         INSERT INTO search_docs (kind, entity_id, article_id, claim_id, vector) SELECT ${postgresEntry(t, 'NEW')} WHERE ${on(t.indexed, 'NEW')};
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${name} AFTER INSERT OR DELETE OR UPDATE OF ${t.watched.join(', ')} ON ${t.table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  ];
}

const postgresFill = (t: IndexedTable): string =>
  `INSERT INTO search_docs (kind, entity_id, article_id, claim_id, vector) SELECT ${postgresEntry(t, 'r')} FROM ${t.table} r WHERE ${t.indexed}`;

// ---------------------------------------------------------------- both

/** Statements that create the index structures and triggers (empty index). */
export function createSearchIndex(engine: Engine): string[] {
  if (engine === 'sqlite') {
    return [
      'CREATE TABLE search_docs (doc INTEGER PRIMARY KEY, kind VARCHAR(16) NOT NULL, entity_id VARCHAR(36) NOT NULL, article_id VARCHAR(36), claim_id VARCHAR(36))',
      'CREATE UNIQUE INDEX ux_search_docs_kind_entity_id ON search_docs (kind, entity_id)',
      `CREATE VIRTUAL TABLE search_index USING fts5(title, body, content='', contentless_delete=1, tokenize='${SQLITE_TOKENIZER}')`,
      ...INDEXED_TABLES.flatMap(sqliteTriggers),
    ];
  }
  return [
    ...POSTGRES_FUNCTIONS,
    `CREATE TABLE search_docs (kind varchar(16) NOT NULL, entity_id varchar(36) NOT NULL, article_id varchar(36), claim_id varchar(36),
       vector tsvector NOT NULL, PRIMARY KEY (kind, entity_id))`,
    'CREATE INDEX ix_search_docs_vector ON search_docs USING GIN (vector)',
    ...INDEXED_TABLES.flatMap(postgresTriggers),
  ];
}

/** Statements that empty the index (structures kept). */
export function emptySearchIndex(engine: Engine): string[] {
  return engine === 'sqlite'
    ? ["INSERT INTO search_index (search_index) VALUES ('delete-all')", 'DELETE FROM search_docs']
    : ['DELETE FROM search_docs'];
}

/** Statements that index every row of one kind (on an index empty of that kind). */
export function fillSearchIndex(engine: Engine, kind: SearchKind): string[] {
  const t = INDEXED_TABLES.find((table) => table.kind === kind)!;
  return engine === 'sqlite' ? sqliteFill(t) : [postgresFill(t)];
}

/** Statements that drop the index, its triggers and functions. */
export function dropSearchIndex(engine: Engine): string[] {
  if (engine === 'sqlite') {
    return [
      ...INDEXED_TABLES.flatMap((t) => ['insert', 'update', 'delete'].map((op) => `DROP TRIGGER IF EXISTS search_${t.table}_${op}`)),
      'DROP TABLE IF EXISTS search_index',
      'DROP TABLE IF EXISTS search_docs',
    ];
  }
  return [
    ...INDEXED_TABLES.flatMap((t) => [`DROP TRIGGER IF EXISTS search_${t.table} ON ${t.table}`, `DROP FUNCTION IF EXISTS search_${t.table}()`]),
    'DROP TABLE IF EXISTS search_docs',
    'DROP FUNCTION IF EXISTS claimdesk_search_vector(text, text)',
    'DROP FUNCTION IF EXISTS claimdesk_search_words(text)',
  ];
}
