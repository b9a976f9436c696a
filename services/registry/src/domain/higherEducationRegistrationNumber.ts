import { validationFailed } from '@eq/shared/errors';

/**
 * Policy (the reference data gives no format for the higher-education register): numbers
 * follow the education institutions register, 10 digits as the state education information
 * system issues them, leading zeros significant, so kept as text. Pass another policy to
 * accept a different numbering; uniqueness is the register's (a unique index), not this rule's.
 */
export interface RegistrationNumberPolicy {
  pattern: RegExp;
  description: string;
}

export const HIGHER_EDUCATION_REGISTRATION_NUMBER_POLICY: RegistrationNumberPolicy = Object.freeze({
  pattern: /^\d{10}$/,
  description: '10 digits',
});

export function assertHigherEducationRegistrationNumber(value: string, policy = HIGHER_EDUCATION_REGISTRATION_NUMBER_POLICY): string {
  const trimmed = value.trim();
  if (!policy.pattern.test(trimmed)) {
    throw validationFailed(`Registration number must be ${policy.description}, got "${value.slice(0, 40)}"`, 'registrationNumber');
  }
  return trimmed;
}
