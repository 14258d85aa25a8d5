import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { readSettings, Role, Settings } from '@claimdesk/core';
import { createApp } from '@claimdesk/api/create-app';

export const ADMIN = { email: 'admin@desk.test', password: 'admin-password-123' };

/**
 * E2E suites run on a fresh temporary SQLite file, or, when TEST_DATABASE_URL names a PostgreSQL
 * database (CI), on that database after wiping its schema. Suites then run one at a time.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; cleanup: () => void }> {
  const pg = process.env.TEST_DATABASE_URL;
  if (pg) {
    const client = new Client({ connectionString: pg });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    return { url: pg, cleanup: () => undefined };
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
  return { url: `sqlite:${join(dir, 'desk.sqlite')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testSettings(databaseUrl: string, extra: Record<string, string> = {}): Settings {
  return readSettings({
    DATABASE_URL: databaseUrl,
    CLAIMDESK_ADMIN_EMAIL: ADMIN.email,
    CLAIMDESK_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    CLAIMDESK_PUBLIC_URL: 'https://desk.example',
    CLAIMDESK_ORG_NAME: 'Desk Test',
    ...extra,
  });
}

export interface SignedInUser {
  id: string;
  token: string;
  email: string;
  role: Role;
  displayName: string;
}

export class TestDesk {
  private counter = 0;

  private constructor(readonly app: NestFastifyApplication, private readonly cleanup: () => void, readonly admin: SignedInUser) {}

  static async start(extraEnv: Record<string, string> = {}, databaseUrl?: string): Promise<TestDesk> {
    const db = databaseUrl ? { url: databaseUrl, cleanup: () => undefined } : await freshDatabaseUrl();
    const app = await createApp(testSettings(db.url, extraEnv));
    await app.getHttpAdapter().getInstance().ready();
    const login = await request(app.getHttpServer()).post('/api/v1/auth/login').send(ADMIN).expect(200);
    const body = login.body as { token: string; user: { id: string; displayName: string } };
    return new TestDesk(app, db.cleanup, { id: body.user.id, token: body.token, email: ADMIN.email, role: 'admin', displayName: body.user.displayName });
  }

  get http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  /** Creates a user of the role through the API and signs them in. */
  async user(role: Role, displayName = `${role} ${++this.counter}`): Promise<SignedInUser> {
    const email = `${role}.${this.counter}.${Date.now()}@desk.test`;
    const password = `password-of-${role}-${this.counter}`;
    const created = await this.http.post('/api/v1/users').set('Authorization', `Bearer ${this.admin.token}`)
      .send({ email, displayName, role, password }).expect(201);
    const login = await this.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
    return { id: (created.body as { id: string }).id, token: (login.body as { token: string }).token, email, role, displayName };
  }

  /** Listens on a free loopback port, for clients that need a real socket (SSE); returns the base URL. */
  async listen(): Promise<string> {
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    await this.app.close();
    this.cleanup();
  }
}

export const bearer = (user: SignedInUser): [string, string] => ['Authorization', `Bearer ${user.token}`];
