import { AppError } from '../../errors.ts';

/**
 * Minimum strength (NIST SP 800-63B style): length over composition rules. At least 10 characters,
 * not mostly one character, not one of the passwords every list of leaked passwords starts with, and
 * not the email itself.
 */
const COMMON = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'iloveyou12', 'letmein123',
  'welcome123', 'administrator', 'passw0rd12', 'qwerty1234', '1q2w3e4r5t', 'abcdefghij', 'changeme12',
]);

export function assertStrongPassword(password: string, email: string, field: string): void {
  const problem =
    password.length < 10 ? 'must have at least 10 characters'
      : password.length > 256 ? 'must have at most 256 characters'
        : new Set(password).size < 4 ? 'must use at least 4 different characters'
          : COMMON.has(password.toLowerCase()) ? 'is one of the most common passwords'
            : password.toLowerCase().includes(email.split('@')[0].toLowerCase()) && email.split('@')[0].length >= 4 ? 'must not contain your email name'
              : null;
  if (problem) throw new AppError('weak_password', { field }, `${field} ${problem}`);
}
