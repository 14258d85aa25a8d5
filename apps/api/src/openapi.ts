import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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
  return SwaggerModule.createDocument(app, config);
}
