import { fromDateInput, initials, isOverdue, toDateInput } from './due';

describe('due dates and assignees on screen', () => {
  it('calls work overdue only once its due time has passed', () => {
    const now = new Date('2026-12-10T17:00:00.000Z');
    expect(isOverdue('2026-12-10T16:59:59.000Z', now)).toBe(true);
    expect(isOverdue('2026-12-10T17:00:00.000Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('makes initials from the first and last names', () => {
    expect(initials('Rita Alves')).toBe('RA');
    expect(initials('Tomasz de la Wiśniewski')).toBe('TW');
    expect(initials('łukasz')).toBe('Ł');
    expect(initials('  ')).toBe('?');
  });

  it('keeps a due date as a whole day, due at its end', () => {
    expect(fromDateInput('2026-12-10')).toBe('2026-12-10T23:59:59.000Z');
    expect(fromDateInput('')).toBeNull();
    expect(toDateInput('2026-12-10T23:59:59.000Z')).toBe('2026-12-10');
    expect(toDateInput(null)).toBe('');
  });
});
