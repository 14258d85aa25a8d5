import { Column, Entity, PrimaryColumn } from 'typeorm';

export type Motivation = 'commenting' | 'questioning' | 'assessing' | 'tagging';
export const MOTIVATIONS: readonly Motivation[] = ['commenting', 'questioning', 'assessing', 'tagging'];

/** A reviewer's note on a claim; replies point at their parent, to any depth. */
@Entity({ name: 'annotations' })
export class Annotation {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true }) parentId!: string | null;
  @Column({ name: 'author_id', type: 'varchar', length: 36 }) authorId!: string;
  /** Markdown; null once deleted while replies still hang on it (a tombstone keeps the thread). */
  @Column({ type: 'text', nullable: true }) body!: string | null;
  @Column({ type: 'varchar', length: 16 }) motivation!: Motivation;
  @Column({ type: 'boolean', default: false }) deleted!: boolean;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'edited_at', type: 'varchar', length: 30, nullable: true }) editedAt!: string | null;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Where an imported note came from: its id there, its author's name there, and when it was written. */
  @Column({ name: 'origin_id', type: 'text', nullable: true }) originId!: string | null;
  @Column({ name: 'origin_author', type: 'varchar', length: 400, nullable: true }) originAuthor!: string | null;
  @Column({ name: 'origin_created_at', type: 'varchar', length: 30, nullable: true }) originCreatedAt!: string | null;
}

/** The original id, author and date of a note imported from another tool. */
export interface NoteOrigin {
  id: string | null;
  author: string | null;
  createdAt: string | null;
}
