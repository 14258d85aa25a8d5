import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignment (API.md, "Work"): claims and articles get an assignee, a due date and the time they were
 * assigned (the `since` of a queue item), and the indexes that keep "my queue" cheap on both engines:
 * work assigned to a user, claims marked by a user that a revision flagged, and a user's verdicts by
 * status. Plain `ALTER TABLE … ADD COLUMN … REFERENCES` reads the same on SQLite and PostgreSQL and
 * never rebuilds the table.
 */
export class Assignment1765000002000 implements MigrationInterface {
  name = 'Assignment1765000002000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['claims', 'articles']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN assignee_id varchar(36) NULL REFERENCES users (id)`);
      await db.query(`ALTER TABLE ${table} ADD COLUMN due_at varchar(30) NULL`);
      await db.query(`ALTER TABLE ${table} ADD COLUMN assigned_at varchar(30) NULL`);
    }
    await db.query('CREATE INDEX ix_claims_assignee_id_status ON claims (assignee_id, status)');
    await db.query('CREATE INDEX ix_claims_created_by_anchor ON claims (created_by, anchor)');
    await db.query('CREATE INDEX ix_articles_assignee_id ON articles (assignee_id)');
    await db.query('CREATE INDEX ix_verdicts_author_id_status ON verdicts (author_id, status)');
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of ['ix_verdicts_author_id_status', 'ix_articles_assignee_id', 'ix_claims_created_by_anchor', 'ix_claims_assignee_id_status']) {
      await db.query(`DROP INDEX ${name}`);
    }
    for (const table of ['articles', 'claims']) {
      for (const column of ['assigned_at', 'due_at', 'assignee_id']) await db.dropColumn(table, column);
    }
  }
}
