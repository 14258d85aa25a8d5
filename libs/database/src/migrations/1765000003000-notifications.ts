import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * Notifications (API.md, "Work"): one row per recipient and audit entry (the unique key makes that
 * hold whoever writes it, however often), written in the transaction of the change. `seq` numbers a
 * user's notifications in commit order and is the id of their `/me/events` stream. `mail_state` is the
 * e-mail outbox: `none`, `instant` (to send, from `mail_due_at`), `digest` (for the daily digest),
 * `sent`, `failed`. A person's e-mail choice, and the days their digest went out.
 */
export class Notifications1765000003000 implements MigrationInterface {
  name = 'Notifications1765000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(new Table({
      name: 'notifications',
      columns: [
        { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'id', type: 'varchar', length: '36' },
        { name: 'recipient_id', type: 'varchar', length: '36' },
        { name: 'audit_seq', type: 'integer' },
        { name: 'type', type: 'varchar', length: '16' },
        { name: 'article_id', type: 'varchar', length: '36', isNullable: true },
        { name: 'claim_id', type: 'varchar', length: '36', isNullable: true },
        { name: 'entity_id', type: 'varchar', length: '64' },
        { name: 'actor_id', type: 'varchar', length: '36', isNullable: true },
        { name: 'at', type: 'varchar', length: '30' },
        { name: 'read_at', type: 'varchar', length: '30', isNullable: true },
        { name: 'mail_state', type: 'varchar', length: '8' },
        { name: 'mail_attempts', type: 'integer', default: 0 },
        { name: 'mail_due_at', type: 'varchar', length: '30', isNullable: true },
      ],
      foreignKeys: [{ columnNames: ['recipient_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      indices: [
        { name: 'ux_notifications_id', columnNames: ['id'], isUnique: true },
        { name: 'ux_notifications_recipient_audit_seq', columnNames: ['recipient_id', 'audit_seq'], isUnique: true },
        { name: 'ix_notifications_recipient_seq', columnNames: ['recipient_id', 'seq'] },
        { name: 'ix_notifications_mail_state_due', columnNames: ['mail_state', 'mail_due_at'] },
      ],
    }));
    await db.createTable(new Table({
      name: 'notification_settings',
      columns: [
        { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'email', type: 'varchar', length: '8' },
        { name: 'updated_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
    }));
    await db.createTable(new Table({
      name: 'notification_digests',
      columns: [
        { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'day', type: 'varchar', length: '10', isPrimary: true },
        { name: 'sent_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notification_digests', 'notification_settings', 'notifications']) await db.dropTable(table);
  }
}
