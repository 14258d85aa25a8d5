import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditEntityType = 'article' | 'claim' | 'annotation' | 'source' | 'claim_source' | 'verdict' | 'user' | 'rating_scale' | 'session';

/**
 * One committed change. `seq` orders the log and doubles as the live-event id, so a client that
 * reconnects with Last-Event-ID is replayed exactly what it missed.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment')
  seq!: number;

  @Column({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 30 })
  at!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType!: AuditEntityType;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId!: string;

  @Column({ name: 'article_id', type: 'varchar', length: 36, nullable: true })
  articleId!: string | null;

  /** Set for changes to a claim and what hangs on it, for the claim's history. */
  @Column({ name: 'claim_id', type: 'varchar', length: 36, nullable: true })
  claimId!: string | null;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;
}
