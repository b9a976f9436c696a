import { validationFailed } from '@eq/shared/errors';

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
