import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The words a published verdict was given for, kept when an editor re-marks the claim: each
 * correction holds the earlier quote and place, the editor's note, who and when, so reports can
 * list them under "Corrections".
 */
export class ClaimCorrections1765000001000 implements MigrationInterface {
  name = 'ClaimCorrections1765000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.createTable(new Table({
      name: 'claim_corrections',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'claim_id', type: 'varchar', length: '36' },
        { name: 'revision', type: 'integer' },
        { name: 'start_offset', type: 'integer', isNullable: true },
        { name: 'end_offset', type: 'integer', isNullable: true },
        { name: 'quote', type: 'text' },
        { name: 'note', type: 'text' },
        { name: 'corrected_by', type: 'varchar', length: '36' },
        { name: 'created_at', type: 'varchar', length: '30' },
      ],
      foreignKeys: [
        { columnNames: ['claim_id'], referencedTableName: 'claims', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        { columnNames: ['corrected_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
      ],
      indices: [{ name: 'ix_claim_corrections_claim_id_created_at', columnNames: ['claim_id', 'created_at'] }],
    }));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.dropTable('claim_corrections');
  }
}
