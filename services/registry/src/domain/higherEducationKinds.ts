/**
 * Kinds of institution in the higher-education register, with their Latvian names. The report
 * (source 004) speaks of the "Augstskolu reģistrs", of "augstskolas un koledžas" and of an
 * "augstskolas filiāle"; the finer types of the Augstskolu likums (science, arts and culture,
 * applied-sciences universities, applied-sciences augstskolas) map onto these four. The names
 * are data: they are shown beside the code, never used as identifiers.
 */
export const HIGHER_EDUCATION_KINDS = Object.freeze({
  UNIVERSITY: 'universitāte',
  UNIVERSITY_OF_APPLIED_SCIENCES: 'lietišķo zinātņu universitāte',
  COLLEGE: 'koledža',
  ACADEMY: 'akadēmija',
});

export type HigherEducationKindCode = keyof typeof HIGHER_EDUCATION_KINDS;

export function higherEducationKindLabelLv(kind: HigherEducationKindCode): string {
  return HIGHER_EDUCATION_KINDS[kind];
}
