import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Where `npm run build:web` puts the reviewer UI: `dist/web` under the working directory, or beside
 * the built API (`dist/apps/api/main.js` → `dist/web`) when the server is started from elsewhere.
 */
function defaultWebRoot(): string {
  const candidates = [join(process.cwd(), 'dist', 'web')];
  if (process.argv[1]) candidates.push(join(dirname(process.argv[1]), '..', '..', 'web'));
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

export const WEB_ROOT = resolve(process.env.CLAIMDESK_WEB_ROOT ?? defaultWebRoot());

export const isApiPath = (url: string): boolean => /^\/(api|health)(\/|\?|$)/.test(url);

/**
 * Serves the built reviewer UI at `/`. Deep links (/articles/…, /claims/…) get index.html and the UI's
 * router takes over; /api stays the API's. Without a build, the API runs alone.
 */
export const hasWebUi = (): boolean => existsSync(join(WEB_ROOT, 'index.html'));

export async function serveWebUi(fastify: FastifyInstance): Promise<boolean> {
  if (!hasWebUi()) return false;
  await fastify.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', wildcard: false, index: ['index.html'] });
  return true;
}
