import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { assertSelectable, type ClassifierEntry } from './interestClassifier';

/** A targeted subsidy above this is a typing error rather than a programme (policy: €10 million a year). */
export const MAX_ANNUAL_SUBSIDY_CENTS = 1_000_000_000;

export interface InterestProgrammeDraft {
  name: string;
  classifierCode: string;
  startsOn: string;
  endsOn?: string | null;
  annualTargetedSubsidyCents: number;
}

export interface ValidInterestProgramme {
  name: string;
  entry: ClassifierEntry;
  startsOn: string;
  endsOn: string | null;
  annualTargetedSubsidyCents: number;
}

/** A programme's dates, amount, and a classifier entry valid on its first day. */
export function assertInterestProgramme(draft: InterestProgrammeDraft): ValidInterestProgramme {
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 300) throw validationFailed('name must be 1-300 characters', 'name');
  if (!isIsoDate(draft.startsOn)) throw validationFailed('startsOn must be YYYY-MM-DD', 'startsOn');
  const endsOn = draft.endsOn ?? null;
  if (endsOn !== null && (!isIsoDate(endsOn) || endsOn < draft.startsOn))
    throw validationFailed('endsOn must be a date on or after startsOn', 'endsOn');
  const cents = draft.annualTargetedSubsidyCents;
  if (!Number.isInteger(cents) || cents < 0 || cents > MAX_ANNUAL_SUBSIDY_CENTS) {
    throw validationFailed(
      `annualTargetedSubsidyCents must be a whole number of cents from 0 to ${MAX_ANNUAL_SUBSIDY_CENTS}`,
      'annualTargetedSubsidyCents',
    );
  }
  const entry = assertSelectable(draft.classifierCode.trim(), draft.startsOn);
  return { name, entry, startsOn: draft.startsOn, endsOn, annualTargetedSubsidyCents: cents };
}

/**
 * A municipality registers programmes of the institutions it founded, and of any institution
 * with an implementation place in its territory (the targeted subsidy follows where the
 * programme is taught).
 */
export function mayRegisterFor(
  municipality: string,
  institution: { founder: { municipality: string | null }; implementationPlaces: ReadonlyArray<{ municipality: string }> },
): boolean {
  return (
    institution.founder.municipality === municipality ||
    institution.implementationPlaces.some((place) => place.municipality === municipality)
  );
}
