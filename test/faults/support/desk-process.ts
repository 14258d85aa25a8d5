import { ChildProcess, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ADMIN, freePort, MAIN, spawnDesk } from '../../browser/support/desk-server';

export interface Answer {
  status: number;
  body: { id?: string; code?: string; [key: string]: unknown } | null;
}

/**
 * The built desk (`node dist/apps/api/main.js`) as a child process on 127.0.0.1, on a database the test
 * owns, so that it can be killed with SIGKILL mid-write and started again on the same database.
 */
export class DeskProcess {
  private output = '';

  private constructor(readonly baseUrl: string, private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(databaseUrl: string): Promise<DeskProcess> {
    if (!existsSync(MAIN)) throw new Error('the fault suite runs the built desk: run `npm run build:api` first (npm run test:faults does)');
    const port = await freePort();
    const desk = new DeskProcess(`http://127.0.0.1:${port}`, spawnDesk(port, databaseUrl));
    await desk.waitUntil((answer) => answer.status === 200, 60_000);
    return desk;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get log(): string {
    return this.output;
  }

  /** Polls /health until `ready` says so (or the process dies, or the time is up). */
  async waitUntil(ready: (health: Answer) => boolean, withinMs: number): Promise<Answer> {
    const deadline = Date.now() + withinMs;
    let last: Answer = { status: 0, body: null };
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`the desk exited (${this.child.exitCode ?? this.child.signalCode}):\n${this.output}`);
      try {
        last = await this.request('GET', '/health');
        if (ready(last)) return last;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`/health did not become ready (last: ${JSON.stringify(last)}):\n${this.output}`);
  }

  async request(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const answer = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? (JSON.parse(text) as Answer['body']) : null };
  }

  /** A request that must succeed with `status`; its body. */
  async expect<T>(status: number, method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const answer = await this.request(method, path, token, body, headers);
    if (answer.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  }

  async login(): Promise<string> {
    return (await this.expect<{ token: string }>(200, 'POST', '/api/v1/auth/login', undefined, ADMIN)).token;
  }

  /** kill -9: no shutdown hook, no checkpoint, no flushing of anything. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Limits the size of any file the desk writes (RLIMIT_FSIZE): a full disk for the SQLite file, no root needed. */
  limitFileSize(bytes: number | 'unlimited'): void {
    execFileSync('prlimit', ['--pid', String(this.pid), `--fsize=${bytes}:unlimited`]);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
    clearTimeout(timer);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** The seed of the suite's random choices (where to kill): the same seed, the same run. */
export const SEED = Number(process.env.FAULTS_SEED ?? 20261207);
