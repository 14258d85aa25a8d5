import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasWebUi, isUiRoute } from './web-ui';
import { DomainError } from '@claimdesk/core';
import { constraintViolation, databaseUnavailable } from '@claimdesk/database';
import { toProblem } from './problem';

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/**
 * Maps anything thrown to a problem+json answer. Framework errors (unknown routes, body parsing, limits)
 * are translated to our codes; anything unexpected is logged and answered as a generic failure.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  const unavailable = databaseUnavailable(error);
  if (unavailable) return unavailable;
  const framework = error as FrameworkError;
  const code = framework?.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || framework?.statusCode === 413) {
    return new DomainError('payload_too_large', 'the request body is larger than this route accepts');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || framework?.statusCode === 415) {
    return new DomainError('malformed_json', 'send the body as application/json');
  }
  if (code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
    return new DomainError('malformed_json', 'the request body is not valid JSON');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return new DomainError('not_found', 'no such route');
    if (status === 401) return new DomainError('unauthenticated', error.message);
    if (status === 403) return new DomainError('forbidden', error.message);
    if (status === 413) return new DomainError('payload_too_large', 'the request body is larger than this route accepts');
    if (status === 415) return new DomainError('malformed_json', 'send the body as application/json');
    if (status === 400 || status === 422) return new DomainError('validation_failed', error.message);
  }
  if (framework?.statusCode && framework.statusCode >= 400 && framework.statusCode < 500) {
    return new DomainError('validation_failed', framework.message ?? 'the request is not valid');
  }
  // A unique or foreign key the database enforced against a concurrent request: 409 / 404, not 500.
  return constraintViolation(error);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    // Deep links into the reviewer UI (/articles/…) are its routes, not ours: hand them index.html.
    if (exception instanceof NotFoundException && request.method === 'GET' && isUiRoute(request.url) && hasWebUi()) {
      void reply.type('text/html; charset=utf-8').sendFile('index.html');
      return;
    }
    sendProblem(reply, exception, this.logger);
  }
}

export function sendProblem(reply: FastifyReply, exception: unknown, logger: Logger): void {
  const error = asDomainError(exception);
  if (!error) {
    logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    void reply.status(500).header('Content-Type', 'application/problem+json; charset=utf-8').send({
      type: 'about:blank', title: 'Internal error', status: 500, code: 'internal', detail: 'something went wrong on our side; it has been logged',
    });
    return;
  }
  const problem = toProblem(error);
  if (error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
  void reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
}
