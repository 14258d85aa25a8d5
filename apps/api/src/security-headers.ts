import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { HTML_REPORT_STYLE } from '@claimdesk/reports/render/html-style';

type Directives = Record<string, string[]>;

const serialise = (directives: Directives): string => Object.entries(directives).map(([name, values]) => [name, ...values].join(' ')).join('; ');

/**
 * The reviewer UI: scripts and styles only from the desk's own files (Vite emits no inline ones),
 * images only from the desk or data: URLs, so a remote image in a note cannot act as a beacon;
 * never framed.
 */
const UI: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The hash of the HTML report's one inline style sheet, the only style it may apply. */
export const REPORT_STYLE_HASH = `'sha256-${createHash('sha256').update(HTML_REPORT_STYLE, 'utf8').digest('base64')}'`;

/** A report is a document, not an application: no scripts at all, its own style sheet only. */
const REPORT: Directives = {
  'default-src': ["'none'"],
  'style-src': [REPORT_STYLE_HASH],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Swagger UI loads its scripts from files (swagger-ui-init.js among them) but styles inline. */
const API_DOCS: Directives = { ...UI, 'style-src': ["'self'", "'unsafe-inline'"] };

const COMMON: Array<[string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  // For browsers that predate frame-ancestors.
  ['X-Frame-Options', 'DENY'],
];

const withPolicy = (directives: Directives): Array<[string, string]> => [...COMMON, ['Content-Security-Policy', serialise(directives)]];

const FOR_UI = withPolicy(UI);
const FOR_REPORTS = withPolicy(REPORT);
const FOR_API_DOCS = withPolicy(API_DOCS);

const REPORT_PATH = /^\/api\/v1\/(articles\/[^/?]+\/report|reports)\/?(\?|$)/;
const API_DOCS_PATH = /^\/api\/docs(\/|\?|$)/;

/** The security headers of an answer to `url` (API.md, "Hardening": Headers). */
export function securityHeadersFor(url: string): ReadonlyArray<readonly [string, string]> {
  if (REPORT_PATH.test(url)) return FOR_REPORTS;
  if (API_DOCS_PATH.test(url)) return FOR_API_DOCS;
  return FOR_UI;
}

/**
 * Set on the raw response, so they also reach answers written past Fastify (event streams, framework
 * errors); a header the route sets itself (e.g. a snapshot's `sandbox` policy) takes precedence.
 */
export function applySecurityHeaders(response: ServerResponse, url: string): void {
  for (const [name, value] of securityHeadersFor(url)) response.setHeader(name, value);
}

export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(reply.raw, request.url);
    done();
  });
}
