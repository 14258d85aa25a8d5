import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ClaimDesk API')
    .setDescription('Fact-check annotation desk: articles, claim spans, annotations, sources, verdicts, reports. ' +
      'Text offsets count Unicode code points; errors are RFC 9457 problem+json with a stable `code`.')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('claimdesk_session')
    .build();
  return SwaggerModule.createDocument(app, config);
}
