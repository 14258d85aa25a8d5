import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorDetail } from '@claimdesk/core';
import { UNDECIDED, validatedInput } from './compiled-validation';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Validation at the edge: unknown fields rejected, types converted, and one error shape field by
 * field (`validation_failed` with `errors: [{ path, message }]`).
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new DomainError('validation_failed', 'the request is not valid', flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto = metadata.metatype && ![String, Boolean, Number, Array, Object].includes(metadata.metatype as never);
    if (isDto && (metadata.type === 'body' || metadata.type === 'query')) {
      // No body at all reads as `{}` (ValidationPipe's own default), so a route whose fields are all
      // optional, or which has none, works without one; a body that is there must be an object.
      if (metadata.type === 'body' && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw new DomainError('validation_failed', 'the body must be a JSON object', [{ path: '', message: 'expected a JSON object' }]);
      }
      // Input that passes the DTO's compiled rules is its DTO; anything else (errors included) takes the full pipe.
      const dto = validatedInput(metadata.metatype as Function, value);
      if (dto !== UNDECIDED) return dto;
    }
    return super.transform(value, metadata);
  }
}
