import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKeyOptions, TableIndexOptions } from 'typeorm';

// Column shapes shared by every table. Types are chosen to mean the same on SQLite and PostgreSQL,
// so one migration serves both: ids are UUID text, times ISO-8601 UTC text (sortable as text).
const id = (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable });
const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '30', isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const real = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double precision', isNullable: nullable });
const flag = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });
const version: TableColumnOptions = { name: 'version', type: 'integer', default: 1 };
const cascade = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE',
});
const restrict = (column: string, table: string): TableForeignKeyOptions => ({
  columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'],
});
const index = (table: string, columns: string[], isUnique = false): TableIndexOptions => ({
  name: `ix_${table}_${columns.join('_')}`, columnNames: columns, isUnique,
});

export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(new Table({
      name: 'users',
      columns: [id(), str('email', 320), str('display_name', 200), str('role', 16), str('password_hash', 255),
        flag('disabled'), time('created_at'), time('updated_at'), version],
      indices: [index('users', ['email'], true)],
    }));
    await db.createTable(new Table({
      name: 'sessions',
      columns: [id(), str('token_hash', 64), ref('user_id'), time('created_at'), time('expires_at'), time('revoked_at', true)],
      foreignKeys: [cascade('user_id', 'users')],
      indices: [index('sessions', ['token_hash'], true), index('sessions', ['user_id'])],
    }));
    await db.createTable(new Table({
      name: 'login_failures',
      columns: [id(), str('email', 320), str('client', 64), time('at')],
      indices: [index('login_failures', ['email', 'at']), index('login_failures', ['client', 'at'])],
    }));
    await db.createTable(new Table({
      name: 'articles',
      columns: [id(), str('title', 500), text('url', true), str('publisher', 300, true), text('authors'),
        time('published_at', true), str('language', 35, true), str('format', 16), text('raw_content'), text('text'),
        int('length'), str('content_hash', 64), int('revision'), ref('created_by'), time('created_at'), time('updated_at'), version],
      foreignKeys: [restrict('created_by', 'users')],
      indices: [index('articles', ['created_at', 'id'])],
    }));
    await db.createTable(new Table({
      name: 'article_revisions',
      columns: [id(), ref('article_id'), int('revision'), str('format', 16), text('raw_content'), text('text'), int('length'),
        str('content_hash', 64), ref('created_by'), time('created_at')],
      foreignKeys: [cascade('article_id', 'articles'), restrict('created_by', 'users')],
      indices: [index('article_revisions', ['article_id', 'revision'], true)],
    }));
    await db.createTable(new Table({
      name: 'claims',
      columns: [id(), ref('article_id'), int('revision'), int('start_offset', true), int('end_offset', true),
        int('start_utf16', true), int('end_utf16', true), text('quote'), text('prefix'), text('suffix'), str('anchor', 16),
        text('claimant', true), text('claim_reviewed', true), text('tags'), str('status', 16), ref('created_by'),
        time('created_at'), time('updated_at'), version],
      foreignKeys: [cascade('article_id', 'articles'), restrict('created_by', 'users')],
      indices: [index('claims', ['article_id', 'start_offset'])],
    }));
    await db.createTable(new Table({
      name: 'claim_anchorings',
      columns: [id(), ref('claim_id'), int('revision'), str('status', 16), int('start_offset', true), int('end_offset', true),
        text('quote'), text('prefix'), text('suffix'), ref('actor_id', true), time('created_at')],
      foreignKeys: [cascade('claim_id', 'claims')],
      indices: [index('claim_anchorings', ['claim_id', 'revision'])],
    }));
    await db.createTable(new Table({
      name: 'annotations',
      columns: [id(), ref('claim_id'), ref('parent_id', true), ref('author_id'), text('body', true), str('motivation', 16),
        flag('deleted'), time('created_at'), time('edited_at', true), time('updated_at'), version],
      foreignKeys: [cascade('claim_id', 'claims'), cascade('parent_id', 'annotations'), restrict('author_id', 'users')],
      indices: [index('annotations', ['claim_id', 'created_at']), index('annotations', ['parent_id'])],
    }));
    await db.createTable(new Table({
      name: 'sources',
      columns: [id(), text('url'), str('normalized_url', 2048), text('title', true), str('publisher', 300, true),
        time('published_at', true), str('kind', 16), text('archive_url', true), ref('created_by'), time('created_at'),
        time('updated_at'), version],
      foreignKeys: [restrict('created_by', 'users')],
      indices: [index('sources', ['normalized_url'], true), index('sources', ['created_at', 'id'])],
    }));
    await db.createTable(new Table({
      name: 'claim_sources',
      columns: [{ ...ref('claim_id'), isPrimary: true }, { ...ref('source_id'), isPrimary: true }, str('stance', 16),
        text('excerpt', true), text('note', true), ref('added_by'), time('created_at')],
      foreignKeys: [cascade('claim_id', 'claims'), cascade('source_id', 'sources'), restrict('added_by', 'users')],
      indices: [index('claim_sources', ['source_id'])],
    }));
    await db.createTable(new Table({
      name: 'rating_scales',
      columns: [{ name: 'id', type: 'varchar', length: '64', isPrimary: true }, str('name', 200), text('levels'),
        real('best_rating'), real('worst_rating'), flag('built_in'), time('created_at'), time('updated_at'), version],
    }));
    await db.createTable(new Table({
      name: 'verdicts',
      columns: [id(), ref('claim_id'), ref('author_id'), str('scale_id', 64), str('rating', 64), text('rationale', true),
        real('confidence', true), str('status', 16), ref('reviewed_by', true), text('review_note', true),
        time('published_at', true), ref('supersedes', true), text('correction_note', true), time('created_at'),
        time('updated_at'), version],
      foreignKeys: [cascade('claim_id', 'claims'), restrict('author_id', 'users'),
        { columnNames: ['scale_id'], referencedTableName: 'rating_scales', referencedColumnNames: ['id'] }],
      indices: [index('verdicts', ['claim_id', 'created_at']), index('verdicts', ['status', 'published_at'])],
    }));
    await db.createTable(new Table({
      name: 'audit_log',
      columns: [{ name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        str('id', 36), time('at'), ref('actor_id', true), str('action', 64), str('entity_type', 32), str('entity_id', 64),
        // No foreign key: the audit log outlives what it records, deleted articles included.
        ref('article_id', true), ref('claim_id', true), text('before', true), text('after', true)],
      indices: [index('audit_log', ['id'], true), index('audit_log', ['article_id', 'seq']), index('audit_log', ['claim_id', 'seq']),
        index('audit_log', ['entity_type', 'entity_id', 'seq'])],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'verdicts', 'rating_scales', 'claim_sources', 'sources', 'annotations',
      'claim_anchorings', 'claims', 'article_revisions', 'articles', 'login_failures', 'sessions', 'users']) {
      await db.dropTable(table);
    }
  }
}
