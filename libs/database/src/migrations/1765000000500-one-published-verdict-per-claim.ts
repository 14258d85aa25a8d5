import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "A claim has at most one published verdict at any moment" (API.md, Hardening), enforced by the
 * database as the last line of defence behind the verdict workflow's claim lock: a partial unique
 * index, which SQLite and PostgreSQL both support with the same statement. Claims that already have
 * several published verdicts (left by the race this closes) keep the latest; the others are retracted
 * with a note saying why, so the index can be built.
 */
export class OnePublishedVerdictPerClaim1765000000500 implements MigrationInterface {
  name = 'OnePublishedVerdictPerClaim1765000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE verdicts SET status = 'retracted', version = version + 1,
      review_note = 'Retracted on upgrade: another verdict of this claim was published at the same time'
      WHERE status = 'published' AND EXISTS (SELECT 1 FROM verdicts later WHERE later.claim_id = verdicts.claim_id
        AND later.status = 'published' AND (later.published_at > verdicts.published_at
          OR (later.published_at = verdicts.published_at AND later.id > verdicts.id)))`);
    await db.query(`CREATE UNIQUE INDEX ux_verdicts_one_published_per_claim ON verdicts (claim_id) WHERE status = 'published'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX ux_verdicts_one_published_per_claim');
  }
}
