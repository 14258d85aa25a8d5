import { REPORT_FORMAT_NAMES, reportFileName, ReportsService } from '@claimdesk/reports';
import { toSingleFileCollection } from '@claimdesk/reports/web-annotation';
import { openSink, refuseToOverwrite, STDOUT_TARGET, writeAll } from '../output';
import type { Command } from './command';

const WEB_ANNOTATION = 'webannotation';
export const EXPORT_FORMATS = [...REPORT_FORMAT_NAMES, WEB_ANNOTATION] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: "write one article's verdict report (or its W3C annotations) to a file or stdout",
  positionals: [{ name: 'articleId', description: "the article's id (as printed by import)", required: true }],
  options: {
    format: { type: 'string', valueName: 'format', choices: EXPORT_FORMATS, defaultHelp: 'json', description: 'the report format' },
    output: { type: 'string', short: 'o', valueName: 'file', defaultHelp: 'a name from the article title and date, in the current directory', description: 'the file to write; "-" writes to stdout' },
    force: { type: 'boolean', description: 'overwrite the file if it exists' },
  },
  description:
    'The same documents as GET /api/v1/articles/:id/report?format=... . "webannotation" is the\n' +
    'article\'s W3C Web Annotation AnnotationCollection, every annotation in one embedded page.\n' +
    'Prints the path of the file written (nothing extra with -o -).',
  examples: [
    'claimdesk export 3f1c… --format csv -o verdicts.csv',
    'claimdesk export 3f1c… --format pdf -o - > report.pdf',
  ],

  async run(args, context) {
    const [articleId] = args.positionals;
    const format = (args.string('format') ?? 'json') as ExportFormat;
    const output = args.string('output');
    const force = args.flag('force');
    if (output !== undefined && output !== STDOUT_TARGET) refuseToOverwrite(context.resolvePath(output), force);

    const { body, fileName } = await context.withDesk(async (desk) => {
      const reports = desk.get(ReportsService);
      if (format !== WEB_ANNOTATION) return reports.articleDownload(articleId, format);
      const model = { ...reports.header(), articles: [await reports.article(articleId)] };
      const [article] = model.articles;
      // One page holding every annotation: the file stands alone, with no page URLs to follow.
      const collection = toSingleFileCollection(article, { publicUrl: context.settings.publicUrl });
      const name = reportFileName(model, 'json').replace(/^claimdesk-report-/, 'claimdesk-annotations-').replace(/\.json$/, '.jsonld');
      return { body: `${JSON.stringify(collection, null, 2)}\n`, fileName: name };
    });

    const target = output === STDOUT_TARGET ? STDOUT_TARGET : context.resolvePath(output ?? fileName);
    const sink = await openSink(context.io, target, force);
    await writeAll(sink, [body]);
    if (sink.path) context.io.stdout.write(`${sink.path}\n`);
  },
};
