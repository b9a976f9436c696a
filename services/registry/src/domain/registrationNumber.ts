import { validationFailed } from '@eq/shared/errors';

/**
 * Registration numbers of the education institutions register are 10 digits (the form the
 * state education information system issues). Kept as text: leading zeros are significant.
 */
const REGISTRATION_NUMBER = /^\d{10}$/;

export function assertRegistrationNumber(value: string): string {
  const trimmed = value.trim();
  if (!REGISTRATION_NUMBER.test(trimmed)) {
    throw validationFailed(`Registration number must be 10 digits, got "${value}"`, 'registrationNumber');
  }
  return trimmed;
}
