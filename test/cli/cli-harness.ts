import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runCli } from '../../apps/cli/src/run-cli';
import { ADMIN } from '../support/test-app';

export const FIXTURE = resolve(__dirname, '../fixtures/interpol-2018.md');
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Collects what the CLI writes; `isTTY` makes it look like a terminal. */
export class Collector extends Writable {
  private readonly chunks: Buffer[] = [];
  columns = 100;

  constructor(readonly isTTY = false) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }

  get buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  get text(): string {
    return this.buffer.toString('utf8');
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** A temporary directory with a desk database in it, and `run` calling the CLI in-process on it. */
export class CliWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));
  readonly databaseUrl = `sqlite:${join(this.dir, 'desk.sqlite')}`;

  /** The environment a user would have: the desk's database and its first admin; LOG_LEVEL left to the CLI. */
  env(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      DATABASE_URL: this.databaseUrl,
      CLAIMDESK_ADMIN_EMAIL: ADMIN.email,
      CLAIMDESK_ADMIN_PASSWORD: ADMIN.password,
      CLAIMDESK_PUBLIC_URL: 'https://desk.example',
      ...extra,
    };
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  async run(argv: string[], options: { env?: Record<string, string | undefined>; stdin?: string; tty?: boolean } = {}): Promise<CliResult> {
    const stdout = new Collector();
    const stderr = new Collector(options.tty ?? false);
    const stdin = options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin, 'utf8')]);
    const code = await runCli(argv, { stdout, stderr, stdin, cwd: this.dir }, options.env ?? this.env());
    return { code, stdout: stdout.text, stderr: stderr.text, stdoutBytes: stdout.buffer };
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
