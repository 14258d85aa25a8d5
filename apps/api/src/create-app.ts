import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { readSettings, Settings } from '@claimdesk/core';
import { AppModule } from './app.module';
import { ARTICLE_BODY_LIMIT, installJsonBodies } from './body-limits';
import { installETags } from './etag';
import { loggerOptions, NestPinoLogger } from './logging';
import { buildOpenApi } from './openapi';
import { ProblemFilter } from './problem.filter';
import { StrictValidationPipe } from './validation';
import { serveWebUi } from './web-ui';

/** Every route the application registered, for checking that OpenAPI describes them all. */
export const ROUTES: { method: string; url: string }[] = [];

/**
 * Builds the whole HTTP application, the same for `main.ts` and the e2e suites: parsers, limits,
 * validation, the error format, OpenAPI and the reviewer UI.
 */
export async function createApp(settings: Settings = readSettings()): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: ARTICLE_BODY_LIMIT, trustProxy: settings.trustProxy, ...loggerOptions(settings) });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings), adapter, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(new NestPinoLogger(adapter.getInstance().log));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    for (const method of ([] as string[]).concat(route.method)) if (method !== 'HEAD') ROUTES.push({ method, url: route.url });
  });
  installJsonBodies(fastify);
  installETags(fastify);
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  SwaggerModule.setup('api/docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'api/docs-json' });
  await serveWebUi(fastify);
  await app.init();
  return app;
}
