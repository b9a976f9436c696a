import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import type { ValidDecision } from './decisions';
import { boundedText } from './registerText';

export interface ForeignQualificationDraft {
  country: string;
  qualification: string;
}

/** A recognition names the country (ISO 3166-1 alpha-2, upper-cased; LV is not foreign) and the qualification. */
export function assertForeignQualification(draft: ForeignQualificationDraft): ForeignQualificationDraft {
  const country = draft.country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw validationFailed('country must be an ISO 3166-1 alpha-2 code, e.g. "LT"', 'country');
  if (country === 'LV') throw validationFailed('A qualification obtained in Latvia is not a foreign qualification', 'country');
  const qualification = draft.qualification.trim().replace(/\s+/g, ' ');
  if (qualification.length < 2 || qualification.length > 500)
    throw validationFailed('qualification must be 2-500 characters', 'qualification');
  return { country, qualification };
}

export interface RecognitionCertificate {
  number: string;
  date: string;
}

/**
 * The recognition certificate (profesionālās kvalifikācijas atzīšanas apliecība) that MK 2016-12-20
 * noteikumi Nr. 827 has issued with a recognition (source 004: 7 in 2024): a number kept as given
 * (1-50 characters), issued on or after the recognition decision and not after today.
 */
export function assertRecognitionCertificate(
  draft: RecognitionCertificate,
  decision: ValidDecision,
  today: string,
): RecognitionCertificate {
  const number = boundedText(draft.number, 'recognitionCertificate.number', 1, 50);
  if (!isIsoDate(draft.date)) throw validationFailed('The certificate date must be YYYY-MM-DD', 'recognitionCertificate.date');
  if (draft.date < decision.date) {
    throw validationFailed('The recognition certificate cannot precede the recognition decision', 'recognitionCertificate.date');
  }
  if (draft.date > today) throw validationFailed('The recognition certificate cannot be dated after today', 'recognitionCertificate.date');
  return { number, date: draft.date };
}
