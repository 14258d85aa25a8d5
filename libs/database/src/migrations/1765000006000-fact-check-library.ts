import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fact-check library (API.md, "Fact-check library and claim matching"): the desk's published
 * verdicts and imported ClaimReviews, one row per `url`. `search_terms` holds the matcher's own stemmed
 * terms (libs/fact-checks); the engine's full-text index over them (FTS5 on SQLite, a tsvector with a
 * GIN index on PostgreSQL) finds the candidates the matcher then re-ranks; `analysis` keeps the
 * matcher's reading of the fields (JSON), made once on the way in rather than on every search.
 */
export class FactCheckLibrary1765000006000 implements MigrationInterface {
  name = 'FactCheckLibrary1765000006000';

  async up(db: QueryRunner): Promise<void> {
    const postgres = db.connection.options.type === 'postgres';
    await db.query(`CREATE TABLE fact_checks (
      id varchar(36) PRIMARY KEY,
      source varchar(10) NOT NULL,
      url varchar(2048) NOT NULL,
      claim_reviewed text NOT NULL,
      headline text NOT NULL,
      publisher varchar(300),
      date_published varchar(30),
      claimant text,
      rating_label varchar(200),
      rating_value double precision,
      rating_best double precision,
      rating_worst double precision,
      claim_id varchar(36) REFERENCES claims(id) ON DELETE CASCADE,
      language varchar(35),
      search_terms text NOT NULL,
      analysis text NOT NULL,
      created_at varchar(30) NOT NULL,
      updated_at varchar(30) NOT NULL
      ${postgres ? `, search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_terms)) STORED` : ''}
    )`);
    await db.query('CREATE UNIQUE INDEX ux_fact_checks_url ON fact_checks (url)');
    await db.query('CREATE UNIQUE INDEX ux_fact_checks_claim_id ON fact_checks (claim_id)');
    await db.query('CREATE INDEX ix_fact_checks_source_id ON fact_checks (source, id)');
    if (postgres) {
      await db.query('CREATE INDEX ix_fact_checks_search ON fact_checks USING GIN (search_vector)');
      return;
    }
    await db.query(`CREATE VIRTUAL TABLE fact_checks_fts USING fts5(terms, fact_check_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')`);
    await db.query(`CREATE VIRTUAL TABLE fact_checks_vocab USING fts5vocab(fact_checks_fts, 'row')`);
    await db.query(`CREATE TRIGGER fact_checks_fts_insert AFTER INSERT ON fact_checks BEGIN
      INSERT INTO fact_checks_fts (rowid, terms, fact_check_id) VALUES (new.rowid, new.search_terms, new.id); END`);
    await db.query(`CREATE TRIGGER fact_checks_fts_update AFTER UPDATE OF search_terms ON fact_checks BEGIN
      UPDATE fact_checks_fts SET terms = new.search_terms WHERE rowid = old.rowid; END`);
    await db.query(`CREATE TRIGGER fact_checks_fts_delete AFTER DELETE ON fact_checks BEGIN
      DELETE FROM fact_checks_fts WHERE rowid = old.rowid; END`);
  }

  async down(db: QueryRunner): Promise<void> {
    if (db.connection.options.type !== 'postgres') {
      await db.query('DROP TABLE fact_checks_vocab');
      await db.query('DROP TABLE fact_checks_fts');
    }
    await db.query('DROP TABLE fact_checks');
  }
}
