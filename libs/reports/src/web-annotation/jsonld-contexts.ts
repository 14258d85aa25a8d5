import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * JSON-LD contexts ClaimDesk serves from local copies (libs/reports/assets/), never fetched: a
 * client that dereferences `@context` can be pointed at these instead of w3.org.
 */
const CONTEXT_FILES: Readonly<Record<string, string>> = {
  'http://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
  'https://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
};

export const JSONLD_CONTEXT_URLS = Object.keys(CONTEXT_FILES);

/**
 * Where the assets are: beside the sources (ts-node, jest: libs/reports/src/web-annotation →
 * libs/reports/assets), else under the working directory (a bundled build run from the project root).
 */
function assetDirectory(): string {
  // Beside the sources (ts-node, jest), from the bundled dist/apps/* up to the repository, or the working directory.
  const candidates = [resolve(__dirname, '../../assets'), resolve(__dirname, '../../../libs/reports/assets'), resolve(process.cwd(), 'libs/reports/assets')];
  const found = candidates.find((dir) => existsSync(join(dir, 'anno.jsonld')));
  if (!found) throw new Error(`JSON-LD contexts not found; looked in ${candidates.join(', ')}`);
  return found;
}

const cache = new Map<string, string>();

/** The text of a local JSON-LD context by its URL, or null for a context we do not keep. */
export function readJsonLdContext(url: string): string | null {
  const file = CONTEXT_FILES[url];
  if (!file) return null;
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(join(assetDirectory(), file), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** The Web Annotation context (`http://www.w3.org/ns/anno.jsonld`) as served: `application/ld+json`. */
export function readAnnotationContext(): string {
  const text = readJsonLdContext('http://www.w3.org/ns/anno.jsonld');
  if (text === null) throw new Error('anno.jsonld is not registered');
  return text;
}
