import { validationFailed } from './errors';
import { isIsoDate } from './scalars';

/**
 * Latvian personal codes (personas kods): 11 digits, written `NNNNNN-NNNNN`.
 *
 * - Dated format (issued until 30 June 2017): `DDMMYY-CSSSK`. DDMMYY is the birth date, C the
 *   century (0: 1800s, 1: 1900s, 2: 2000s), SSS a serial number and K a check digit:
 *   K = (1101 − Σ dᵢ·wᵢ) mod 11 mod 10 over the first ten digits with weights
 *   1 6 3 7 9 10 5 8 4 2. (1101 ≡ 1 mod 11, so this is the same rule python-stdnum writes
 *   as (1 + Σ dᵢ·(11 − wᵢ)) mod 11 mod 10.) A remainder of 10 yields 0: codes whose sum
 *   gives 10 may or may not have been issued, and refusing a real person's code is worse
 *   than accepting one unissued number.
 * - Undated format (issued since 1 July 2017): `32NNNN-NNNNN`, no birth date. A dated code
 *   cannot start with 32 (there is no 32nd day), so the prefix alone tells the formats apart.
 *   Whether its last digit is a check digit under the same rule is not officially published,
 *   so checking it is a policy, off by default (see `PersonalCodePolicy`).
 *
 * Error messages never repeat the code: it is personal data and errors reach logs.
 */
export interface PersonalCodePolicy {
  /** Apply the dated format's check-digit rule to undated (32…) codes too. */
  checkDigitInUndatedFormat: boolean;
}

export const DEFAULT_PERSONAL_CODE_POLICY: PersonalCodePolicy = Object.freeze({ checkDigitInUndatedFormat: false });

export type PersonalCodeFormat = 'DATED' | 'UNDATED';

export interface PersonalCode {
  /** Normalised `NNNNNN-NNNNN`: how the code is stored and shown. */
  value: string;
  format: PersonalCodeFormat;
  /** Birth date encoded in a dated code; null for the undated format. */
  birthDate: string | null;
}

const SHAPE = /^(\d{6})-?(\d{5})$/;
const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURIES: Record<string, number> = { '0': 1800, '1': 1900, '2': 2000 };

/** The check digit for the first ten digits of a personal code. */
export function personalCodeCheckDigit(firstTenDigits: string): number {
  if (!/^\d{10}$/.test(firstTenDigits)) throw new RangeError('need exactly ten digits');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstTenDigits[i]), 0);
  return ((((1101 - sum) % 11) + 11) % 11) % 10;
}

const invalid = (why: string) => validationFailed(`Personal code ${why}`, 'personalCode');

/**
 * Validates and normalises a personal code. `today` (YYYY-MM-DD) bounds the birth date of a
 * dated code: nobody in the register is born in the future.
 */
export function parsePersonalCode(input: string, today: string, policy: PersonalCodePolicy = DEFAULT_PERSONAL_CODE_POLICY): PersonalCode {
  const match = SHAPE.exec(input.trim());
  if (!match) throw invalid('must be 11 digits written NNNNNN-NNNNN (the hyphen is optional)');
  const digits = `${match[1]}${match[2]}`;
  const value = `${match[1]}-${match[2]}`;
  const checkDigitMatches = personalCodeCheckDigit(digits.slice(0, 10)) === Number(digits[10]);

  if (digits.startsWith('32')) {
    if (policy.checkDigitInUndatedFormat && !checkDigitMatches) throw invalid('has a wrong check digit');
    return { value, format: 'UNDATED', birthDate: null };
  }

  const century = CENTURIES[digits[6]!];
  if (century === undefined) throw invalid('has a century digit other than 0, 1 or 2 after the birth date');
  const birthDate = `${century + Number(digits.slice(4, 6))}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
  if (!isIsoDate(birthDate)) throw invalid('does not start with a real birth date DDMMYY');
  if (birthDate > today) throw invalid('has a birth date in the future');
  if (!checkDigitMatches) throw invalid('has a wrong check digit');
  return { value, format: 'DATED', birthDate };
}
