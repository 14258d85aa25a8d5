import { constraintViolation } from './constraint-violation';

const failed = (driverError: Record<string, unknown>): Error => Object.assign(new Error('query failed'), { driverError });

describe('constraintViolation', () => {
  it('answers a duplicate with 409 already_exists on both engines', () => {
    expect(constraintViolation(failed({ code: '23505', constraint: 'ix_users_email' }))?.code).toBe('already_exists');
    expect(constraintViolation(failed({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: users.email' }))?.code).toBe('already_exists');
    expect(constraintViolation(failed({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY', message: 'UNIQUE constraint failed: claim_sources.claim_id, claim_sources.source_id' }))?.code).toBe('already_exists');
  });

  it('answers a second published verdict with 409 invalid_transition', () => {
    expect(constraintViolation(failed({ code: '23505', constraint: 'ux_verdicts_one_published_per_claim' }))?.code).toBe('invalid_transition');
    expect(constraintViolation(failed({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: 'UNIQUE constraint failed: verdicts.claim_id' }))?.code).toBe('invalid_transition');
  });

  it('answers a reference to a row deleted meanwhile with 404 not_found', () => {
    expect(constraintViolation(failed({ code: '23503' }))?.code).toBe('not_found');
    expect(constraintViolation(failed({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))?.code).toBe('not_found');
  });

  it('leaves every other failure alone', () => {
    expect(constraintViolation(failed({ code: '57P01' }))).toBeNull();
    expect(constraintViolation(new Error('boom'))).toBeNull();
    expect(constraintViolation(null)).toBeNull();
  });
});
