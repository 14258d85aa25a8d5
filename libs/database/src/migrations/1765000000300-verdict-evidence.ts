import { MigrationInterface, QueryRunner } from 'typeorm';

interface LinkRow {
  claim_id: string; source_id: string; stance: string; excerpt: string | null; note: string | null; added_by: string; link_created_at: string;
  url: string; normalized_url: string; title: string | null; publisher: string | null; published_at: string | null; kind: string;
  archive_url: string | null; created_by: string; created_at: string; version: number | string;
}

/**
 * A published verdict keeps the evidence it was published with (API.md, "Published evidence is
 * frozen"): `verdicts.evidence` holds its claim's source links as they were at publishing (JSON, the
 * ClaimSource shape). Verdicts published before this migration get their claim's links as they are now.
 */
export class VerdictEvidence1765000000300 implements MigrationInterface {
  name = 'VerdictEvidence1765000000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE verdicts ADD COLUMN evidence text NULL');
    const postgres = db.connection.options.type === 'postgres';
    const slot = (n: number): string => (postgres ? `$${n}` : '?');
    const published: { id: string; claim_id: string }[] = await db.query(`SELECT id, claim_id FROM verdicts WHERE status = 'published'`);
    for (const verdict of published) {
      const links: LinkRow[] = await db.query(
        `SELECT l.claim_id, l.source_id, l.stance, l.excerpt, l.note, l.added_by, l.created_at AS link_created_at, s.url, s.normalized_url, s.title,
           s.publisher, s.published_at, s.kind, s.archive_url, s.created_by, s.created_at, s.version
         FROM claim_sources l JOIN sources s ON s.id = l.source_id WHERE l.claim_id = ${slot(1)} ORDER BY l.created_at, l.source_id`,
        [verdict.claim_id],
      );
      const evidence = links.map((l) => ({
        claimId: l.claim_id, sourceId: l.source_id,
        source: { id: l.source_id, url: l.url, normalizedUrl: l.normalized_url, title: l.title, publisher: l.publisher, publishedAt: l.published_at, kind: l.kind, archiveUrl: l.archive_url, createdBy: l.created_by, createdAt: l.created_at, version: Number(l.version) },
        stance: l.stance, excerpt: l.excerpt, note: l.note, addedBy: l.added_by, createdAt: l.link_created_at,
      }));
      await db.query(`UPDATE verdicts SET evidence = ${slot(1)} WHERE id = ${slot(2)}`, [JSON.stringify(evidence), verdict.id]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE verdicts DROP COLUMN evidence');
  }
}
