import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSearchIndex, dropSearchIndex, fillSearchIndex, SEARCH_KINDS } from '../search-index';
import { engineOf } from '../transactions';

/**
 * Full-text search over everything (API.md, "Work": `GET /search`): the index structures and the
 * triggers that keep them in each write's transaction, filled from what the desk already holds.
 */
export class SearchIndex1765000005000 implements MigrationInterface {
  name = 'SearchIndex1765000005000';

  async up(db: QueryRunner): Promise<void> {
    const engine = engineOf(db.connection);
    for (const sql of createSearchIndex(engine)) await db.query(sql);
    for (const kind of SEARCH_KINDS) for (const sql of fillSearchIndex(engine, kind)) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const sql of dropSearchIndex(engineOf(db.connection))) await db.query(sql);
  }
}
