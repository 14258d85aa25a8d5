import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The live events route writes its stream to the raw reply itself, so nothing in its handler tells Swagger what it sends. */
const EVENT_STREAM_ROUTE = '/api/v1/articles/{id}/events';

function describeEventStream(document: OpenAPIObject): void {
  const operation = document.paths[EVENT_STREAM_ROUTE]?.get;
  const ok = operation?.responses['200'];
  if (!operation || !ok || '$ref' in ok) return;
  ok.content ??= {
    'text/event-stream': {
      schema: { type: 'string', description: 'events, each `event:` its type, `id:` an increasing integer, `data:` JSON { type, articleId, entityId, entity, actorId, at }' },
    },
  };
  const parameters = operation.parameters ?? [];
  if (!parameters.some((parameter) => 'name' in parameter && parameter.name.toLowerCase() === 'last-event-id')) {
    operation.parameters = [
      ...parameters,
      { name: 'Last-Event-ID', in: 'header', required: false, description: 'the id of the last event received: what came after it is sent first', schema: { type: 'integer', minimum: 0 } },
    ];
  }
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ClaimDesk API')
    .setDescription('Fact-check annotation desk: articles, claim spans, annotations, sources, verdicts, reports. ' +
      'Text offsets count Unicode code points; errors are RFC 9457 problem+json with a stable `code`.')
    .setVersion('1')
    // Not addBearerAuth(): it calls every token a JWT, and ours are opaque session tokens.
    .addSecurity('bearer', { type: 'http', scheme: 'bearer', description: 'the opaque session token that POST /api/v1/auth/login answers' })
    .addCookieAuth('claimdesk_session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  describeEventStream(document);
  return document;
}
