/** A file Vite names after its content (`assets/index-CZaP3yh2.js`): its URL changes whenever it does. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;

/**
 * How long a browser may keep a file of the reviewer UI (`path` relative to the web root): hashed
 * assets forever, everything else (index.html above all) only after asking again.
 */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path.replace(/\\/g, '/').replace(/^\/+/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Source maps stay out of production: the built UI's code is served, never its sources. */
export const isServable = (path: string): boolean => !/\.map$/i.test(path);
