import fastifyCompress from '@fastify/compress';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { readSettings, Settings } from '@claimdesk/core';
import { MailOutbox } from '@claimdesk/notifications';
import { AppModule } from './app.module';
import { ARTICLE_BODY_LIMIT, installJsonBodies } from './body-limits';
import { installStreamedBodies } from '@claimdesk/fact-checks';
import { headerTimeouts, installBodyTimeout } from './client-timeouts';
import { installETags } from './etag';
import { offerExampleArticle } from './example-article';
import { frameworkErrorOptions, installRequestChecks, LENIENT_PARSING } from './framework-errors';
import { loggerOptions, NestPinoLogger } from './logging';
import { buildOpenApi } from './openapi';
import { ProblemFilter } from './problem.filter';
import { installSecurityHeaders } from './security-headers';
import { serveDirectly } from './direct-routes';
import { StrictValidationPipe } from './validation';
import { serveWebUi } from './web-ui';

/** Every route the application registered, for checking that OpenAPI describes them all. */
export const ROUTES: { method: string; url: string }[] = [];

/** Below this, compressing costs more than the bytes it saves (API.md, "Hardening": Headers). */
const COMPRESSION_THRESHOLD = 1024;
/**
 * Text worth compressing, beyond what the media-type database marks compressible (scripts, styles,
 * SVG). Unlike the plugin's default, not `octet-stream`: bytes of unknown kind may be compressed already.
 */
const TEXTUAL = /^text\/(?!event-stream)|[+/](json|text|xml)(;|$)/;

/** The server's own limits and answers, before any route: client timeouts, and framework errors as problems. */
const edgeOptions = (settings: Settings) => ({ http: { ...headerTimeouts(settings.clientTimeoutMs), ...LENIENT_PARSING }, ...frameworkErrorOptions() });

/**
 * Builds the whole HTTP application, the same for `main.ts` and the e2e suites: parsers, limits,
 * validation, the error format, OpenAPI and the reviewer UI.
 */
export async function createApp(settings: Settings = readSettings()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: ARTICLE_BODY_LIMIT, trustProxy: settings.trustProxy, ...loggerOptions(settings), ...edgeOptions(settings) });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings), adapter, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(new NestPinoLogger(adapter.getInstance().log));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method)) if (method !== 'HEAD') ROUTES.push({ method, url: route.url });
  });
  installSecurityHeaders(fastify);
  serveDirectly(fastify, () => app);
  installRequestChecks(fastify);
  installBodyTimeout(fastify, settings.clientTimeoutMs);
  installJsonBodies(fastify);
  installStreamedBodies(fastify);
  installETags(fastify);
  // Before any route is added: the plugin attaches itself to each route as it is registered.
  // Event streams write past Fastify and are never compressed; request bodies are not inflated.
  await fastify.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    customTypes: TEXTUAL,
    globalDecompression: false,
  });
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveWebUi(fastify);
  await app.init();
  if (settings.demo) await offerExampleArticle(app);
  app.get(MailOutbox).start(); // the API sends notification mail in the background; the CLI only on demand
  return app;
}
