import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Webhooks for newsroom systems: the hooks, their deliveries (one per event and hook, kept with their
 * attempts so they continue after a restart) and how far the audit log has been read for them.
 */
export class Webhooks1765000004000 implements MigrationInterface {
  name = 'Webhooks1765000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(new Table({
      name: 'webhooks',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'url', type: 'text' },
        { name: 'events', type: 'text' },
        { name: 'secret', type: 'varchar', length: '200' },
        { name: 'after_seq', type: 'integer' },
        { name: 'created_by', type: 'varchar', length: '36' },
        { name: 'created_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [{ columnNames: ['created_by'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
    }));
    await db.createTable(new Table({
      name: 'webhook_deliveries',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'webhook_id', type: 'varchar', length: '36' },
        { name: 'seq', type: 'integer', isNullable: true },
        { name: 'event', type: 'varchar', length: '64' },
        { name: 'payload', type: 'text' },
        { name: 'state', type: 'varchar', length: '16' },
        { name: 'status', type: 'integer', isNullable: true },
        { name: 'attempts', type: 'integer' },
        { name: 'last_error', type: 'text', isNullable: true },
        { name: 'next_attempt_at', type: 'varchar', length: '30', isNullable: true },
        { name: 'delivered_at', type: 'varchar', length: '30', isNullable: true },
        { name: 'created_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [{ columnNames: ['webhook_id'], referencedTableName: 'webhooks', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      uniques: [{ name: 'uq_webhook_deliveries_webhook_id_seq', columnNames: ['webhook_id', 'seq'] }],
      indices: [
        { name: 'ix_webhook_deliveries_next_attempt_at', columnNames: ['next_attempt_at'] },
        { name: 'ix_webhook_deliveries_webhook_id_created_at', columnNames: ['webhook_id', 'created_at'] },
      ],
    }));
    await db.createTable(new Table({
      name: 'webhook_cursor',
      columns: [{ name: 'name', type: 'varchar', length: '16', isPrimary: true }, { name: 'seq', type: 'integer' }],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_cursor', 'webhook_deliveries', 'webhooks']) await db.dropTable(table);
  }
}
