import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Imports keep what they came from: a note remembers its original author, date and id (a Hypothesis
 * or W3C export names people who have no account here), and each imported item is recorded by its
 * id per article, so importing the same file twice creates nothing new.
 */
export class ImportedAnnotations1765000000900 implements MigrationInterface {
  name = 'ImportedAnnotations1765000000900';

  async up(db: QueryRunner): Promise<void> {
    await db.addColumns('annotations', [
      new TableColumn({ name: 'origin_id', type: 'text', isNullable: true }),
      new TableColumn({ name: 'origin_author', type: 'varchar', length: '400', isNullable: true }),
      new TableColumn({ name: 'origin_created_at', type: 'varchar', length: '30', isNullable: true }),
    ]);
    await db.createTable(new Table({
      name: 'imported_items',
      columns: [
        { name: 'article_id', type: 'varchar', length: '36', isPrimary: true },
        // sha256 of the item's id: ids are URLs of any length, keys stay short.
        { name: 'item_key', type: 'varchar', length: '64', isPrimary: true },
        { name: 'item_id', type: 'text' },
        { name: 'claim_id', type: 'varchar', length: '36' },
        { name: 'annotation_id', type: 'varchar', length: '36', isNullable: true },
        { name: 'created_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [
        { columnNames: ['article_id'], referencedTableName: 'articles', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['claim_id'], referencedTableName: 'claims', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['annotation_id'], referencedTableName: 'annotations', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
      ],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('imported_items');
    await db.dropColumns('annotations', ['origin_id', 'origin_author', 'origin_created_at']);
  }
}
