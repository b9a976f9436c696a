/**
 * Figures of the accreditation rules, from `docs/reference/rules.json` (ikvd.gov.lv,
 * "Pieteikšanās akreditācijai"; Cabinet Regulation No. 325 of 2024). Official figures: a policy
 * may be stricter, never looser.
 */
export const ACCREDITATION_REGULATION = Object.freeze({
  /** No accreditation term is longer than this. */
  maximumTermYears: 6,
  /** The institution applies for its next accreditation at least this many months before expiry. */
  applicationDueMonthsBeforeExpiry: 4,
  /** During reorganisation or building works a term may be extended by at most this many years. */
  maximumExtensionYears: 2,
});
