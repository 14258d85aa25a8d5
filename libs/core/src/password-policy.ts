import { DomainError } from './domain-error';
import { COMMON_PASSWORDS_TEXT } from './common-passwords';

let common: ReadonlySet<string> | null = null;
const commonPasswords = (): ReadonlySet<string> => (common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n')));

/**
 * Why a password (already ≥ 12 characters, checked at the edge) is too easy to guess, or null:
 * only white space, one character repeated, one of the 10,000 most common passwords (ignoring case),
 * or one of them with only digits and symbols added at the end (`password1234`).
 */
export function weakPasswordReason(password: string): string | null {
  if (password.trim() === '') return 'is only white space';
  if (new Set(password).size === 1) return 'is one character repeated';
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return 'is one of the 10,000 most common passwords';
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (stem !== lower && list.has(stem)) return 'is a common password with digits or symbols added';
  return null;
}

/** Refuses a weak password with 422 `weak_password`, naming the field. */
export function assertStrongPassword(password: string, path = 'password'): void {
  const reason = weakPasswordReason(password);
  if (reason) throw new DomainError('weak_password', `the password ${reason}; choose a longer, less predictable one`, [{ path, message: reason }]);
}
