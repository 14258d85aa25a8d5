import { readFile } from 'node:fs/promises';
import { DomainError, validationFailed } from '@claimdesk/core';
import type { CliIo } from './cli-io';
import { UsageError } from './exit-codes';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, name: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw validationFailed('content', `${name} is not UTF-8 text`);
  }
}

/** The text of a file argument, or of stdin for `-`. A missing file is `not_found` (exit code 3). */
export async function readTextInput(io: CliIo, file: string, absolute: string, command: string): Promise<string> {
  if (file === '-') {
    if (!io.stdin) throw new UsageError('there is no standard input to read', command);
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    return decode(Buffer.concat(chunks), 'standard input');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DomainError('not_found', `file ${file} does not exist`);
    if (code === 'EISDIR') throw new UsageError(`${file} is a directory, not a file`, command);
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  return decode(bytes, file);
}
