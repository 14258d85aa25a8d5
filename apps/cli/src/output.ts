import { once } from 'node:events';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { CliIo, Output } from './cli-io';
import { RefusedError } from './exit-codes';

/** Where a command's result goes: a file, or stdout for `-o -`. */
export interface Sink {
  /** The file written, or null for stdout. */
  readonly path: string | null;
  write(piece: string | Buffer): Promise<void>;
  /** Completes the output; a file is whole once this resolves. */
  finish(): Promise<void>;
  /** After a failure: a half-written file is removed. */
  abandon(): Promise<void>;
}

export const STDOUT_TARGET = '-';

export function refuseToOverwrite(path: string, force: boolean): void {
  if (!force && existsSync(path)) throw new RefusedError(`${path} already exists; add --force to overwrite it`);
}

/** Writes respecting back-pressure, so a slow pipe (`| gzip`) does not buffer the whole report. */
async function writeTo(out: Output | WriteStream, piece: string | Buffer): Promise<void> {
  if (!out.write(piece)) await once(out as NodeJS.EventEmitter, 'drain');
}

/** Opens the file (or stdout) for writing; an existing file is refused unless `force`. */
export async function openSink(io: CliIo, target: string, force: boolean): Promise<Sink> {
  if (target === STDOUT_TARGET) {
    return { path: null, write: (piece) => writeTo(io.stdout, piece), finish: async () => undefined, abandon: async () => undefined };
  }
  refuseToOverwrite(target, force);
  // 'wx' fails if the file appeared since the check above: never clobber without --force.
  const stream = createWriteStream(target, { flags: force ? 'w' : 'wx' });
  try {
    await once(stream, 'open');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RefusedError(`${target} already exists; add --force to overwrite it`);
    throw new Error(`cannot write ${target}: ${(error as Error).message}`);
  }
  let failure: Error | null = null;
  stream.on('error', (error) => (failure = error));
  return {
    path: target,
    async write(piece) {
      if (failure) throw failure;
      await writeTo(stream, piece);
    },
    async finish() {
      if (failure) throw failure;
      stream.end();
      await finished(stream);
    },
    async abandon() {
      stream.destroy();
      await unlink(target).catch(() => undefined);
    },
  };
}

/** Writes every piece to the sink; on any failure the partial file is removed and the error rethrown. */
export async function writeAll(sink: Sink, pieces: AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void> {
  try {
    for await (const piece of pieces) await sink.write(piece);
    await sink.finish();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
}
