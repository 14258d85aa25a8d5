import { DataSource } from 'typeorm';
import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { BuiltInRatingScales1764400000001 } from './1764400000001-built-in-rating-scales';
import { OnePublishedVerdictPerClaim1765000000500 } from './1765000000500-one-published-verdict-per-claim';

const T = '2026-12-01T10:00:00.000Z';

/** A desk from before the rule, on an in-memory SQLite database (the SQL is the same on PostgreSQL). */
async function deskBeforeTheRule(): Promise<DataSource> {
  const db = new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: [InitialSchema1764400000000, BuiltInRatingScales1764400000001], migrationsTableName: 'migrations' });
  await db.initialize();
  await db.runMigrations();
  await db.query("INSERT INTO users (id, email, display_name, role, password_hash, created_at, updated_at) VALUES ('u', 'e@x', 'E', 'editor', 'h', ?, ?)", [T, T]);
  await db.query("INSERT INTO articles (id, title, authors, format, raw_content, text, length, content_hash, revision, created_by, created_at, updated_at) VALUES ('a', 'A', '[]', 'text', 'x', 'x', 1, 'h', 1, 'u', ?, ?)", [T, T]);
  for (const claim of ['c1', 'c2']) {
    await db.query("INSERT INTO claims (id, article_id, revision, quote, prefix, suffix, anchor, tags, status, created_by, created_at, updated_at) VALUES (?, 'a', 1, 'x', '', '', 'anchored', '[]', 'resolved', 'u', ?, ?)", [claim, T, T]);
  }
  const verdict = (id: string, claim: string, publishedAt: string) => db.query(
    "INSERT INTO verdicts (id, claim_id, author_id, scale_id, rating, status, published_at, created_at, updated_at) VALUES (?, ?, 'u', 'claimdesk-6', 'false', 'published', ?, ?, ?)",
    [id, claim, publishedAt, T, T]);
  await verdict('old', 'c1', '2026-12-01T10:00:00.000Z');
  await verdict('new', 'c1', '2026-12-01T10:00:01.000Z');
  await verdict('only', 'c2', T);
  return db;
}

describe('migration: one published verdict per claim', () => {
  it('keeps the latest of two published verdicts, retracts the other with a note, and refuses a second from then on', async () => {
    const db = await deskBeforeTheRule();
    try {
      const runner = db.createQueryRunner();
      await new OnePublishedVerdictPerClaim1765000000500().up(runner);
      await runner.release();
      const rows = await db.query('SELECT id, status, review_note AS note FROM verdicts ORDER BY id') as { id: string; status: string; note: string | null }[];
      expect(rows.map((r) => [r.id, r.status])).toEqual([['new', 'published'], ['old', 'retracted'], ['only', 'published']]);
      expect(rows.find((r) => r.id === 'old')?.note).toMatch(/published at the same time/);
      await expect(db.query("UPDATE verdicts SET status = 'published' WHERE id = 'old'")).rejects.toThrow(/UNIQUE/);
    } finally {
      await db.destroy();
    }
  });
});
