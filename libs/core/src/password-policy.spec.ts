import { weakPasswordReason } from './password-policy';

describe(weakPasswordReason.name, () => {
  it.each(['password1234', 'PASSWORD1234', '            ', '\t\t\t\t\t\t\t\t\t\t\t\t', 'aaaaaaaaaaaa', '1qaz2wsx3edc', 'qwertyuiop12', 'iloveyou!!!!'])(
    'calls %p weak',
    (password) => expect(weakPasswordReason(password)).not.toBeNull(),
  );

  it.each(['correct horse battery', 'password-of-reviewer-1', 'admin-password-123', 'Tr0ub4dor&3 plus more'])('accepts %p', (password) => {
    expect(weakPasswordReason(password)).toBeNull();
  });
});
