import { isISO8601 } from 'class-validator';
import { ArticleInParts, REPORT_FORMAT_NAMES, ReportFormat, reportFileName, ReportsService, streamReport } from '@claimdesk/reports';
import { UsageError } from '../exit-codes';
import { openSink, refuseToOverwrite, STDOUT_TARGET, writeAll } from '../output';
import { progressOn } from '../progress';
import type { Command } from './command';

const NAME = 'report';

/** An ISO 8601 date or time, as the API's `?from=&to=` take it, normalised to UTC. */
function instant(value: string, option: string): string {
  if (!isISO8601(value, { strict: true })) throw new UsageError(`--${option} must be an ISO 8601 date or time, e.g. 2026-11-01 (got "${value}")`, NAME);
  return new Date(value).toISOString();
}

/** Passes the articles through, calling `written` once each has been consumed (i.e. written out). */
async function* counted(articles: AsyncIterable<ArticleInParts>, written: (article: ArticleInParts) => void): AsyncGenerator<ArticleInParts> {
  for await (const article of articles) {
    yield article;
    written(article);
  }
}

export const reportCommand: Command = {
  name: NAME,
  summary: 'write the report of every verdict published in a period, streamed',
  positionals: [],
  options: {
    from: { type: 'string', valueName: 'date', description: 'start of the period, inclusive (ISO 8601 date or time)' },
    to: { type: 'string', valueName: 'date', description: 'end of the period, exclusive' },
    format: { type: 'string', valueName: 'format', choices: REPORT_FORMAT_NAMES, defaultHelp: 'json', description: 'the report format' },
    output: { type: 'string', short: 'o', valueName: 'file', defaultHelp: 'claimdesk-report-<from>-to-<to>.<ext> in the current directory', description: 'the file to write; "-" writes to stdout' },
    force: { type: 'boolean', description: 'overwrite the file if it exists' },
  },
  description:
    'The same document as GET /api/v1/reports?from=&to=&format=: every article with a verdict\n' +
    'published in [from, to), read and written one article at a time, so memory stays flat.\n' +
    'On a terminal, stderr shows how many articles are written so far; a summary line ends it.\n' +
    'Prints the path of the file written (nothing extra with -o -).',
  examples: ['claimdesk report --from 2026-11-01 --to 2026-12-01 --format csv', 'claimdesk report --from 2026-11-01 --to 2026-11-08 -o - | gzip > week.json.gz'],

  async run(args, context) {
    const from = instant(args.required('from', NAME), 'from');
    const to = instant(args.required('to', NAME), 'to');
    if (from >= to) throw new UsageError('--to must be after --from', NAME);
    const format = (args.string('format') ?? 'json') as ReportFormat;
    const force = args.flag('force');
    const output = args.string('output');
    if (output !== undefined && output !== STDOUT_TARGET) refuseToOverwrite(context.resolvePath(output), force);

    const totals = { articles: 0, claims: 0 };
    const progress = progressOn(context.io.stderr);
    const target = await context.withDesk(async (desk) => {
      const reports = desk.get(ReportsService);
      const header = reports.header({ from, to });
      const sink = await openSink(context.io, output === STDOUT_TARGET ? STDOUT_TARGET : context.resolvePath(output ?? reportFileName(header, format)), force);
      const articles = counted(reports.period(from, to), (article) => {
        totals.articles++;
        totals.claims += article.claimCount;
        progress.update(null, `report: ${totals.articles} article${totals.articles === 1 ? '' : 's'} written`);
      });
      try {
        await writeAll(sink, streamReport(format, header, articles));
      } finally {
        progress.done();
      }
      return sink.path;
    });
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    context.io.stderr.write(`Report of verdicts published from ${from} to ${to}: ${plural(totals.articles, 'article')}, ${plural(totals.claims, 'claim')}\n`);
    if (target) context.io.stdout.write(`${target}\n`);
  },
};
