import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from '@claimdesk/database';
import type { ArticleFormat } from '@claimdesk/text';

@Entity({ name: 'articles' })
export class Article {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 500 }) title!: string;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) publisher!: string | null;
  @Column({ type: 'text', transformer: jsonText<string[]>([]) }) authors!: string[];
  @Column({ name: 'published_at', type: 'varchar', length: 30, nullable: true }) publishedAt!: string | null;
  @Column({ type: 'varchar', length: 35, nullable: true }) language!: string | null;
  @Column({ type: 'varchar', length: 16 }) format!: ArticleFormat;
  /** The content exactly as it arrived; `text` is its canonical form, which all offsets index. */
  @Column({ name: 'raw_content', type: 'text', select: false }) rawContent!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'integer' }) length!: number;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Who works on the article (API.md, "Work"), until when, and since when. */
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true }) assigneeId!: string | null;
  @Column({ name: 'due_at', type: 'varchar', length: 30, nullable: true }) dueAt!: string | null;
  @Column({ name: 'assigned_at', type: 'varchar', length: 30, nullable: true }) assignedAt!: string | null;
}

/** Every text an article has had; revision 1 is the import. */
@Entity({ name: 'article_revisions' })
export class ArticleRevision {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'article_id', type: 'varchar', length: 36 }) articleId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'varchar', length: 16 }) format!: ArticleFormat;
  @Column({ name: 'raw_content', type: 'text', select: false }) rawContent!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'integer' }) length!: number;
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}
