import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in session. Only the SHA-256 of its token is stored, so a database leak yields no tokens. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'expires_at', type: 'varchar', length: 30 }) expiresAt!: string;
  @Column({ name: 'revoked_at', type: 'varchar', length: 30, nullable: true }) revokedAt!: string | null;
}

/** A failed login, kept for rate limiting in the database so that every instance sees it. */
@Entity({ name: 'login_failures' })
export class LoginFailure {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 320 }) email!: string;
  @Column({ type: 'varchar', length: 64 }) client!: string;
  @Column({ type: 'varchar', length: 30 }) at!: string;
}
