/**
 * How big the demo registers are, from `reference/registers-2024.json` (the quality service's
 * 2024 report): psychologists2024, childSupervisionProviders2024 and teacherPrivatePractice2024.
 * The report's provider figures do not add up (282 registered, of them 268 natural and 19 legal
 * persons); the demo takes the split by kind.
 */
export const DEMO_SIZES = Object.freeze({
  psychologists: 1406,
  supervisors: 398,
  /** psychologists2024.certifiedShareTarget: the share of registered psychologists holding a certificate. */
  certifiedShare: 0.8,
  foreignQualificationsRecognised: 7,
  childMindersNaturalPersons: 268,
  childMindersLegalPersons: 19,
  childMindersRefused: 14,
  childMindersExcluded: 14,
  privatePracticeInterestEducation: 287,
  privatePracticeNonFormal: 12,
  privatePracticeExtended: 45,
  privatePracticeRevoked: 3,
});
