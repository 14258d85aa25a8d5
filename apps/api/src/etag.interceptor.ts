import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { etagOf } from '@claimdesk/core';

/** Any answer that is one versioned resource carries `ETag: "<version>"`, for If-Match. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') context.switchToHttp().getResponse<FastifyReply>().header('ETag', etagOf(version));
        return body;
      }),
    );
  }
}
