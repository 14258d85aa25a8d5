import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@claimdesk/core';

@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  /** Stored lower-cased, so an address is unique whatever its case. */
  @Column({ type: 'varchar', length: 320 }) email!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 16 }) role!: Role;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
