import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { cacheControlFor, isServable } from './cache-policy';

/**
 * Where `npm run build:web` puts the reviewer UI: `dist/web` under the working directory, or beside
 * the built API (`dist/apps/api/main.js` → `dist/web`) when the server is started from elsewhere.
 */
function defaultWebRoot(): string {
  const candidates = [join(process.cwd(), 'dist', 'web')];
  if (process.argv[1]) candidates.push(join(dirname(process.argv[1]), '..', '..', 'web'));
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

/** Read when the app is built, so a test can point CLAIMDESK_WEB_ROOT at a web root of its own. */
export const webRoot = (): string => resolve(process.env.CLAIMDESK_WEB_ROOT ?? defaultWebRoot());

export const isApiPath = (url: string): boolean => /^\/(api|health)(\/|\?|$)/.test(url);

/**
 * A deep link into the UI's router (/articles/…, /claims/…): not the API, not a built asset, no file
 * name with an extension. A missing asset or source map stays a 404.
 */
export function isUiRoute(url: string): boolean {
  const path = url.split('?')[0];
  return !isApiPath(url) && !path.startsWith('/assets/') && !/\.[A-Za-z0-9]+$/.test(path);
}

/**
 * Serves the built reviewer UI at `/`. Deep links (/articles/…, /claims/…) get index.html and the UI's
 * router takes over; /api stays the API's. Without a build, the API runs alone.
 */
export const hasWebUi = (): boolean => existsSync(join(webRoot(), 'index.html'));

export async function serveWebUi(fastify: FastifyInstance): Promise<boolean> {
  if (!hasWebUi()) return false;
  const root = webRoot();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    cacheControl: false,
    allowedPath: (path) => isServable(path),
    setHeaders: (reply, path) => void reply.header('Cache-Control', cacheControlFor(relative(root, path))),
  });
  return true;
}
