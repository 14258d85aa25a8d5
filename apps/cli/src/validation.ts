import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UsageError } from './exit-codes';

/**
 * Checks command input against the same DTO the API validates its bodies with, so the CLI accepts
 * exactly what the API accepts. A failure is a usage error naming the option (`optionOf`).
 */
export async function validInput<T extends object>(
  dto: new () => T,
  input: Record<string, unknown>,
  optionOf: Record<string, string>,
  command: string,
): Promise<T> {
  const instance = plainToInstance(dto, input);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } });
  if (errors.length === 0) return instance;
  const lines = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${optionOf[error.property] ?? error.property}: ${message}`),
  );
  throw new UsageError(lines.join('; '), command);
}
