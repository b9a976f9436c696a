/**
 * The six fields of professional practice of the Psychologists Law (Psihologu likums, 2017),
 * with their official Latvian names. A certificate is issued in one field. The list comes from
 * the law as the Saeima announced it; it is not in `reference/*.json` yet.
 */
export const FIELDS_OF_PRACTICE = Object.freeze({
  EDUCATION_AND_SCHOOL: 'Izglītības un skolu psiholoģija',
  WORK_AND_ORGANISATIONAL: 'Darba un organizāciju psiholoģija',
  CLINICAL_AND_HEALTH: 'Klīniskā un veselības psiholoģija',
  LEGAL: 'Juridiskā psiholoģija',
  COUNSELLING: 'Konsultatīvā psiholoģija',
  MILITARY: 'Militārā psiholoģija',
});

export type FieldOfPracticeCode = keyof typeof FIELDS_OF_PRACTICE;

export function fieldOfPracticeLabelLv(code: FieldOfPracticeCode): string {
  return FIELDS_OF_PRACTICE[code];
}
