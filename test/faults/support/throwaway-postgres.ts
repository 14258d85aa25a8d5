import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../browser/support/desk-server';

/** PostgreSQL's server binaries: PG_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin. */
function serverBinaries(): string {
  const candidates = [process.env.PG_BIN, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  const found = candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error('the fault suite needs PostgreSQL\'s server binaries (initdb, pg_ctl): install the postgresql package, or set PG_BIN');
  return found;
}

/**
 * A PostgreSQL cluster of the test's own (temporary directory, free port), which it may stop and start:
 * never the shared server. As root, the server runs as the `postgres` user (it refuses root).
 */
export class ThrowawayPostgres {
  private constructor(private readonly bin: string, private readonly dir: string, readonly port: number, private readonly asPostgres: boolean) {}

  static async create(): Promise<ThrowawayPostgres> {
    const bin = serverBinaries();
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-faults-pg-'));
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres']).toString().trim()));
      chownSync(dir, uid, gid);
    }
    const cluster = new ThrowawayPostgres(bin, dir, await freePort(), asPostgres);
    cluster.run('initdb', ['-D', cluster.data, '-U', 'claimdesk', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await cluster.start();
    return cluster;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  get url(): string {
    return `postgres://claimdesk@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  }

  /** `fast`: what a restart by the operator does (sessions are terminated, 57P01). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    this.run('pg_ctl', ['-D', this.data, '-w', '-t', '60', '-m', mode, 'stop']);
  }

  destroy(): void {
    try {
      this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(program: string, args: string[]): void {
    const path = join(this.bin, program);
    if (this.asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], { stdio: 'pipe' });
    else execFileSync(path, args, { stdio: 'pipe' });
  }
}
