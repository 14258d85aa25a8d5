import { extname } from 'node:path';
import { httpUrlOf, validationFailed } from '@claimdesk/core';
import { ArticleFromUrl, ArticleFromUrlDto, ArticlesService } from '@claimdesk/articles';
import { CreateArticleDto } from '@claimdesk/articles/dto/article.dto';
import { UsersService } from '@claimdesk/identity';
import { ARTICLE_FORMATS, ArticleFormat } from '@claimdesk/text';
import { actingUser } from '../actor';
import { UsageError } from '../exit-codes';
import { readTextInput } from '../input';
import { validInput } from '../validation';
import type { Command, CommandContext } from './command';
import type { ParsedArgs } from '../args';

const NAME = 'import';

const FORMAT_OF_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

const OPTION_OF: Record<string, string> = {
  title: '--title', url: '--url', publisher: '--publisher', publishedAt: '--published-at',
  authors: '--author', language: '--language', format: '--format', content: '<file>',
};

export function formatOfFile(file: string): ArticleFormat | undefined {
  return FORMAT_OF_EXTENSION[extname(file).toLowerCase()];
}

/** `scheme://…`: a page for the desk to fetch (API.md's fetching rules refuse schemes other than http(s)). */
export const isPageUrl = (argument: string): boolean => /^[a-z][a-z0-9+.-]+:\/\//i.test(argument);

export const importCommand: Command = {
  name: NAME,
  summary: 'import an article from a file, stdin or a web page, and print its id',
  positionals: [{ name: 'file', description: 'a .txt, .md/.markdown or .html/.htm file; "-" reads stdin (then --format is needed); an http(s) URL fetches the page', required: true }],
  options: {
    format: { type: 'string', valueName: 'format', choices: ARTICLE_FORMATS, description: 'how to read the file', defaultHelp: 'from the file extension' },
    title: { type: 'string', valueName: 'title', description: 'the title', defaultHelp: 'the first line of the text' },
    url: { type: 'string', valueName: 'url', description: 'where the article was published (http or https)' },
    publisher: { type: 'string', valueName: 'name', description: 'who published it' },
    'published-at': { type: 'string', valueName: 'date', description: 'when it was published (ISO 8601 date or time)' },
    author: { type: 'string', valueName: 'name', multiple: true, description: 'an author' },
    language: { type: 'string', valueName: 'tag', description: 'BCP 47 language tag, e.g. en or pt-BR' },
    as: { type: 'string', valueName: 'email', description: 'the user the import is recorded as', defaultHelp: 'the first admin' },
    json: { type: 'boolean', description: 'print the whole article as JSON instead of its id' },
  },
  description:
    'Imports an article as the API\'s POST /api/v1/articles does: Markdown and HTML are reduced to\n' +
    'canonical text, the raw input is kept. Prints the new article\'s id (with --json, the article).\n' +
    'A URL is fetched as POST /api/v1/articles/from-url does (its Content-Type decides the format; no\n' +
    '--format or --url then): only http(s), public addresses unless CLAIMDESK_FETCH_ALLOW lists them,\n' +
    '5 redirects, 15 s, 10 MiB.',
  examples: [
    'claimdesk import https://news.example/2018/11/interpol --published-at 2018-11-21',
    'claimdesk import interpol-2018.md --url https://news.example/interpol --published-at 2018-11-21',
    'curl -s https://news.example/story | claimdesk import - --format html --as editor@newsroom.example',
  ],

  async run(args, context) {
    const [file] = args.positionals;
    if (isPageUrl(file)) return importPage(file, args, context);
    const format = (args.string('format') as ArticleFormat | undefined) ?? (file === '-' ? undefined : formatOfFile(file));
    if (!format) {
      throw new UsageError(
        file === '-' ? 'reading stdin needs --format text|markdown|html' : `cannot tell the format of ${file} from its extension; give --format text|markdown|html`,
        NAME,
      );
    }
    const content = await readTextInput(context.io, file, context.resolvePath(file), NAME);
    if (content.trim() === '') throw validationFailed('content', `${file === '-' ? 'standard input' : file} has no text`);
    const input = await validInput(CreateArticleDto, { format, content, url: args.string('url'), ...metadataOf(args) }, OPTION_OF, NAME);
    const article = await context.withDesk(async (desk) => {
      const actor = await actingUser(desk.get(UsersService), args.string('as'));
      return desk.get(ArticlesService).create(actor, input);
    });
    printArticle(article, args, context);
  },
};

type Args = ParsedArgs;
type Context = CommandContext;

function metadataOf(args: Args): Omit<ArticleFromUrlDto, 'url'> {
  return {
    title: args.string('title'),
    publisher: args.string('publisher'),
    publishedAt: args.string('published-at'),
    authors: args.list('author').length ? args.list('author') : undefined,
    language: args.string('language'),
  };
}

function printArticle(article: { id: string }, args: Args, context: Context): void {
  context.io.stdout.write(args.flag('json') ? `${JSON.stringify(article, null, 2)}\n` : `${article.id}\n`);
}

async function importPage(url: string, args: Args, context: Context): Promise<void> {
  for (const option of ['format', 'url']) {
    if (args.string(option) !== undefined) throw new UsageError(`--${option} does not go with a URL: the page's Content-Type decides the format, and the page's address is recorded`, NAME);
  }
  try {
    httpUrlOf(url, 'url');
  } catch (error) {
    throw new UsageError(`<url>: ${(error as Error).message}`, NAME);
  }
  const input = await validInput(ArticleFromUrlDto, { url, ...metadataOf(args) }, { ...OPTION_OF, url: '<url>' }, NAME);
  const article = await context.withDesk(async (desk) => {
    const actor = await actingUser(desk.get(UsersService), args.string('as'));
    return desk.get(ArticleFromUrl).import(actor, input);
  });
  printArticle(article, args, context);
}
