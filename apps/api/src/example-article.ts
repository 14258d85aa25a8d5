import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { ArticlesService } from '@claimdesk/articles';
import type { CreateArticleDto } from '@claimdesk/articles/dto/article.dto';
import { UsersService } from '@claimdesk/identity';

/**
 * The example article, kept once in the repository (test/fixtures) for the tests, the UI's
 * "Import the example article" and CLAIMDESK_DEMO. Three levels up is the repository from this
 * source file (apps/api/src) and from the built API (dist/apps/api) alike.
 */
const EXAMPLE_DIR = [join(__dirname, '..', '..', '..', 'test', 'fixtures'), join(process.cwd(), 'test', 'fixtures')].find((dir) =>
  existsSync(join(dir, 'interpol-2018.md')),
);

/** The example as a Markdown import, with the metadata beside it (title, publisher, date, language). */
export function readExampleArticle(): CreateArticleDto | null {
  if (!EXAMPLE_DIR) return null;
  const metadata = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'interpol-2018.json'), 'utf8')) as Omit<CreateArticleDto, 'format' | 'content'>;
  return { ...metadata, format: 'markdown', content: readFileSync(join(EXAMPLE_DIR, 'interpol-2018.md'), 'utf8') };
}

/**
 * CLAIMDESK_DEMO=1: a desk that starts with no article gets the example, imported by the first
 * user (the admin created on first start), so a newcomer has something to check at once.
 */
export async function offerExampleArticle(app: INestApplicationContext): Promise<void> {
  const logger = new Logger('ExampleArticle');
  const articles = app.get(ArticlesService);
  if ((await articles.list({ limit: 1 })).items.length > 0) return;
  const example = readExampleArticle();
  const [admin] = (await app.get(UsersService).list(1)).items;
  if (!example || !admin) {
    logger.warn('CLAIMDESK_DEMO is set but the example article (test/fixtures/interpol-2018.md) was not found');
    return;
  }
  const article = await articles.create({ id: admin.id, role: admin.role }, example);
  logger.log(`imported the example article "${article.title}"`);
}
