import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` puts the reviewer UI. */
export const WEB_ROOT = resolve(process.env.CLAIMDESK_WEB_ROOT ?? join(process.cwd(), 'dist', 'web'));

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
