import { createReadStream, statSync } from 'node:fs';
import { DomainError } from '@claimdesk/core';
import { FactChecksService } from '@claimdesk/fact-checks';
import { UsageError } from '../exit-codes';
import { progressOn } from '../progress';
import type { Command } from './command';

const NAME = 'fact-checks import';

export const factChecksImportCommand: Command = {
  name: NAME,
  summary: 'import ClaimReviews (one, an array or a DataFeed) into the fact-check library',
  positionals: [{ name: 'file', description: 'a JSON file of ClaimReviews; "-" reads stdin', required: true }],
  options: {
    json: { type: 'boolean', description: 'print { created, updated, failed } as JSON' },
  },
  description:
    'Imports schema.org ClaimReviews as POST /api/v1/fact-checks/import does, streamed, in one\n' +
    'transaction: a file that is not JSON imports nothing; a ClaimReview that cannot be read is\n' +
    'listed on stderr with its index and the rest are imported. The url is the key: importing the\n' +
    'same ClaimReview again updates it. On a terminal a progress bar follows the bytes read.',
  examples: ['claimdesk fact-checks import feed.json', 'curl -s https://factchecks.example/feed.json | claimdesk fact-checks import -'],

  async run(args, context) {
    const [file] = args.positionals;
    let size: number | null = null;
    let input: AsyncIterable<Buffer | string>;
    if (file === '-') {
      if (!context.io.stdin) throw new UsageError('there is no standard input to read', NAME);
      input = context.io.stdin as AsyncIterable<Buffer | string>;
    } else {
      const path = context.resolvePath(file);
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) throw new UsageError(`${file} is a directory, not a file`, NAME);
        size = stat.size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DomainError('not_found', `file ${file} does not exist`);
        throw error;
      }
      input = createReadStream(path);
    }
    const progress = progressOn(context.io.stderr);
    async function* counted(): AsyncIterable<Buffer | string> {
      let read = 0;
      for await (const chunk of input) {
        read += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
        progress.update(size ? Math.min(read / size, 1) : null, `fact-checks import ${(read / 2 ** 20).toFixed(1)} MiB`);
        yield chunk;
      }
    }
    const result = await context.withDesk(async (desk) => {
      try {
        return await desk.get(FactChecksService).import(counted());
      } finally {
        progress.done();
      }
    });
    if (args.flag('json')) {
      context.io.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      context.io.stdout.write(`created ${result.created}, updated ${result.updated}, failed ${result.failed.length}\n`);
      for (const failure of result.failed) context.io.stderr.write(`item ${failure.index}: ${failure.reason}\n`);
    }
  },
};
