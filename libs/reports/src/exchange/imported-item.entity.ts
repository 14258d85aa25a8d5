import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of an import document, by its id, and what it became in one article: importing it again changes nothing. */
@Entity({ name: 'imported_items' })
export class ImportedItem {
  @PrimaryColumn({ name: 'article_id', type: 'varchar', length: 36 }) articleId!: string;
  /** sha256 (hex) of `itemId`: ids are URLs of any length. */
  @PrimaryColumn({ name: 'item_key', type: 'varchar', length: 64 }) itemKey!: string;
  @Column({ name: 'item_id', type: 'text' }) itemId!: string;
  @Column({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  /** The note the item became (a reply, or an annotation's first note), for replies to hang on. */
  @Column({ name: 'annotation_id', type: 'varchar', length: 36, nullable: true }) annotationId!: string | null;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}
