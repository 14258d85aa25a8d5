import type { CreateArticle } from '../api/types';

/**
 * The example article (test/fixtures, the one copy the tests use too) as a Markdown import with the
 * metadata kept beside it. Loaded on demand: it is a separate chunk, fetched only when asked for.
 */
export async function loadExampleArticle(): Promise<CreateArticle> {
  const [text, metadata] = await Promise.all([
    import('../../../../test/fixtures/interpol-2018.md?raw'),
    import('../../../../test/fixtures/interpol-2018.json'),
  ]);
  return { ...metadata.default, format: 'markdown', content: text.default };
}
