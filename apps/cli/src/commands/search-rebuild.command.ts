import { SearchIndexService } from '@claimdesk/reports';
import type { Command } from './command';
import { progressOn } from '../progress';

export const searchRebuildCommand: Command = {
  name: 'search rebuild',
  summary: 'rebuild the search index from the desk\'s data',
  positionals: [],
  options: {},
  description:
    'Empties the search index and fills it again from the articles, claims, notes, sources and verdicts,\n' +
    'in one transaction: searches see the old index until it commits. The desk keeps the index up to date\n' +
    'by itself; this is for an index suspected out of step. On a terminal, stderr shows each kind as it\n' +
    'is indexed; a summary line ends it.',
  examples: ['claimdesk search rebuild'],

  async run(_args, context) {
    const progress = progressOn(context.io.stderr);
    const entries = await context.withDesk(async (desk) => {
      try {
        return await desk.get(SearchIndexService).rebuild((kind, done, total, indexed) =>
          progress.update(done / total, `search rebuild: ${kind}s indexed (${indexed} entries)`));
      } finally {
        progress.done();
      }
    });
    context.io.stdout.write(`Search index rebuilt: ${entries} entr${entries === 1 ? 'y' : 'ies'}.\n`);
  },
};
