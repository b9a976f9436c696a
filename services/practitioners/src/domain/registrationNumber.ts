import { validationFailed } from '@eq/shared/errors';

/**
 * Policy (no official format is given in the reference data): the register numbers
 * psychologists in sequence, so a registration number is 1-8 digits without a leading zero.
 * Forbidding leading zeros keeps "0123" and "123" from becoming two numbers for one entry.
 * Kept as text. Pass another policy to accept a different numbering.
 */
export interface RegistrationNumberPolicy {
  pattern: RegExp;
  description: string;
}

export const DEFAULT_REGISTRATION_NUMBER_POLICY: RegistrationNumberPolicy = Object.freeze({
  pattern: /^[1-9]\d{0,7}$/,
  description: '1-8 digits without a leading zero',
});

export function assertRegistrationNumber(value: string, policy = DEFAULT_REGISTRATION_NUMBER_POLICY): string {
  const trimmed = value.trim();
  if (!policy.pattern.test(trimmed)) {
    throw validationFailed(`Registration number must be ${policy.description}, got "${value.slice(0, 40)}"`, 'registrationNumber');
  }
  return trimmed;
}
