import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A local web for fetch tests: pages, redirects, slow and endless bodies, a gzip bomb. It listens on
 * 127.0.0.2 (Linux routes all of 127/8 to loopback), so suites can allow exactly that address with
 * CLAIMDESK_FETCH_ALLOW=127.0.0.2 and still see 127.0.0.1, localhost and ::1 refused.
 */
export const PAGE_HOST = '127.0.0.2';

export const ARTICLE_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Interpol elects a president</title></head>' +
  '<body><article><h1>Interpol elects a president</h1><p>Alexander Prokopchuk was seen as the favorite to lead Interpol.</p></article></body></html>';

let bomb: Buffer | undefined;
/** 64 MiB of spaces in about 64 KiB of gzip, made once per test process (before any fetch is timed). */
const gzipBomb = (): Buffer => (bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024, ' ')));

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export class PageServer {
  readonly requests: { path: string; userAgent: string | undefined }[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly prefixes: [string, Handler][] = [];
  private readonly open = new Set<ServerResponse>();

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(host = PAGE_HOST): Promise<PageServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const pages = new PageServer(server, `http://${host}:${(server.address() as AddressInfo).port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => pages.handle(request, response));
    pages.defaults();
    return pages;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Serves `path` with a handler (replacing any earlier one). */
  on(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  /** Serves every path under `prefix` that has no route of its own. */
  onPrefix(prefix: string, handler: Handler): void {
    this.prefixes.push([prefix, handler]);
  }

  /** Serves `body` at `path` with the given content type and extra headers. */
  page(path: string, body: string | Buffer, contentType = 'text/html; charset=utf-8', headers: Record<string, string> = {}): void {
    this.on(path, (_request, response) => {
      response.writeHead(200, { 'Content-Type': contentType, ...headers });
      response.end(body);
    });
  }

  redirect(path: string, to: string, status = 302): void {
    this.on(path, (_request, response) => {
      response.writeHead(status, { Location: to });
      response.end();
    });
  }

  private defaults(): void {
    this.page('/article', ARTICLE_HTML);
    for (let n = 1; n <= 10; n += 1) this.redirect(`/hops/${n}`, n === 1 ? '/article' : `/hops/${n - 1}`);
    // Headers at once, then a byte a second: never done within any limit a test sets.
    this.on('/slow', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      const timer = setInterval(() => response.write('<p>.</p>'), 1000);
      response.on('close', () => clearInterval(timer));
    });
    this.on('/endless', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
      };
      response.on('drain', pump);
      pump();
    });
    this.page('/gzip-bomb', gzipBomb(), 'text/html', { 'Content-Encoding': 'gzip' });
    this.page('/windows-1252', Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><title>Caf\xe9</title></head><body><p>\x93Caf\xe9 cr\xe8me\x94 \x96 80\x80</p></body></html>', 'latin1'), 'text/html');
    this.page('/plain', 'A plain text claim.\n\nSecond paragraph.', 'text/plain; charset=utf-8');
    this.page('/notes.md', '# Notes\n\nA *Markdown* claim.', 'text/markdown');
    this.page('/report.pdf', '%PDF-1.4 not really', 'application/pdf');
    this.on('/gone', (_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<p>Not here any more</p>');
    });
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.origin);
    this.requests.push({ path: url.pathname, userAgent: request.headers['user-agent'] });
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
    const handler = this.routes.get(url.pathname) ?? this.prefixes.find(([prefix]) => url.pathname.startsWith(prefix))?.[1];
    if (handler) return handler(request, response, url);
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('no such page');
  }

  async close(): Promise<void> {
    for (const response of this.open) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

