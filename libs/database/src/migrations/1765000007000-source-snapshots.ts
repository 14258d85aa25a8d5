import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Snapshots of sources (API.md, "Articles and sources from the web"): what a source's page was when
 * the desk fetched it, bytes and all, in the database so that backups (`claimdesk backup`, pg_dump)
 * and every instance of a PostgreSQL desk see them.
 */
export class SourceSnapshots1765000007000 implements MigrationInterface {
  name = 'SourceSnapshots1765000007000';

  async up(db: QueryRunner): Promise<void> {
    const binary = db.connection.options.type === 'postgres' ? 'bytea' : 'blob';
    await db.createTable(new Table({
      name: 'source_snapshots',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'source_id', type: 'varchar', length: '36' },
        { name: 'url', type: 'text' },
        { name: 'final_url', type: 'text' },
        { name: 'fetched_at', type: 'varchar', length: '30' },
        { name: 'http_status', type: 'integer' },
        { name: 'content_type', type: 'varchar', length: '300', isNullable: true },
        { name: 'bytes', type: 'integer' },
        { name: 'sha256', type: 'varchar', length: '64' },
        { name: 'title', type: 'text', isNullable: true },
        { name: 'text', type: 'text', isNullable: true },
        { name: 'content', type: binary },
        { name: 'archive_url', type: 'text', isNullable: true },
        { name: 'created_by', type: 'varchar', length: '36' },
      ],
      foreignKeys: [
        { columnNames: ['source_id'], referencedTableName: 'sources', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['created_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
      ],
      indices: [{ name: 'ix_source_snapshots_source_id_fetched_at', columnNames: ['source_id', 'fetched_at'] }],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('source_snapshots');
  }
}
