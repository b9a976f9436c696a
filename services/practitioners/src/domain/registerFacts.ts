/**
 * Facts of the register of psychologists, copied from the project's reference data
 * (`reference/rules.json`, key `psychologists`; source: ikvd.gov.lv, "Psihologu reģistrācija"
 * and "Psihologa-pārrauga reģistrācija"). They are figures from regulation, not our choices:
 * change them only when the regulation changes.
 */
export const PSYCHOLOGIST_FACTS = Object.freeze({
  /** A psychologist's certificate is valid for 7 years. */
  certificateValidityYears: 7,
  /** Supervisor rights may be held in at most two fields of practice, valid as long as the certificate. */
  supervisorRightsMaxFields: 2,
});
