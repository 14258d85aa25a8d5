import { QueryFailedError } from 'typeorm';
import { isRetryable } from './transactions';

const failed = (code: string): QueryFailedError => new QueryFailedError('SELECT 1', [], Object.assign(new Error('aborted'), { code }));

describe('isRetryable', () => {
  it('runs again what PostgreSQL aborted to break a deadlock or a serialization conflict', () => {
    expect(isRetryable(failed('40P01'))).toBe(true);
    expect(isRetryable(failed('40001'))).toBe(true);
  });

  it('never runs again a refused change or a broken rule', () => {
    expect(isRetryable(failed('23505'))).toBe(false); // unique_violation
    expect(isRetryable(new Error('the note is empty'))).toBe(false);
    expect(isRetryable(null)).toBe(false);
  });
});
