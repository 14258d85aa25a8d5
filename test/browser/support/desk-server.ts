import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
const WEB_ROOT = join(ROOT, 'dist', 'web');

export const ADMIN = { email: 'admin@desk.test', password: 'admin-password-123' };

export interface DeskUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: 'reviewer' | 'editor' | 'admin';
  token: string;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts the built app (`node dist/apps/api/main.js`) on 127.0.0.1:`port` and `databaseUrl`, with its first admin. */
export function spawnDesk(port: number, databaseUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CLAIMDESK_ADMIN_EMAIL: ADMIN.email,
      CLAIMDESK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** The real built app (`node dist/apps/api/main.js`) on a free port and a temporary SQLite database. */
export class DeskServer {
  private users = 0;
  private adminToken = '';

  private constructor(readonly baseUrl: string, private child: ChildProcess, private readonly dir: string, private readonly port: number, private output: () => string, private readonly env: Record<string, string>) {}

  /** `env`: settings beyond the defaults, e.g. the claim-match thresholds. */
  static async start(env: Record<string, string> = {}): Promise<DeskServer> {
    if (!existsSync(MAIN) || !existsSync(join(WEB_ROOT, 'index.html'))) {
      throw new Error('the browser tests need the built app: run `npm run build` first');
    }
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-browser-'));
    const port = await freePort();
    const { child, output } = DeskServer.spawnApi(dir, port, env);
    const server = new DeskServer(`http://127.0.0.1:${port}`, child, dir, port, output, env);
    await server.waitForHealth();
    server.adminToken = (await server.login(ADMIN.email, ADMIN.password)).token;
    return server;
  }

  private static spawnApi(dir: string, port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
    let output = '';
    const child = spawnDesk(port, `sqlite:${join(dir, 'desk.sqlite')}`, { ...env, CLAIMDESK_WEB_ROOT: WEB_ROOT });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  /** Stops the API as an operator would (SIGTERM), runs `whileDown`, then starts it again on the same port and database. */
  async restart(whileDown: () => Promise<void> = async () => undefined): Promise<void> {
    await this.terminate();
    await whileDown();
    const { child, output } = DeskServer.spawnApi(this.dir, this.port, this.env);
    this.child = child;
    this.output = output;
    await this.waitForHealth();
  }

  private async waitForHealth(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the API exited (${this.child.exitCode}):\n${this.output()}`);
      try {
        const answer = await fetch(`${this.baseUrl}/health`);
        if (answer.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the API did not become healthy:\n${this.output()}`);
  }

  /** A JSON request to the API; throws with the problem detail on an error status. */
  async api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const answer = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(email: string, password: string): Promise<{ token: string; user: { id: string; displayName: string } }> {
    const answer = await fetch(`${this.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!answer.ok) throw new Error(`login failed: ${answer.status} ${await answer.text()}`);
    return (await answer.json()) as { token: string; user: { id: string; displayName: string } };
  }

  /** Creates a user through the API (as the admin) and signs them in for API calls. */
  async createUser(role: DeskUser['role'], displayName: string): Promise<DeskUser> {
    const n = ++this.users;
    const email = `${role}${n}@desk.test`;
    const password = `password-of-${role}-${n}`;
    const created = await this.api<{ id: string }>('POST', '/users', this.adminToken, { email, displayName, role, password });
    const { token } = await this.login(email, password);
    return { id: created.id, email, password, displayName, role, token };
  }

  async stop(): Promise<void> {
    await this.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async terminate(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer); // a pending timer would keep jest from exiting after the last suite
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
  }
}
