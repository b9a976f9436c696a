import { Role, type Caller } from '@eq/shared/auth';
import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { assertSelectable, type ClassifierEntry } from './interestClassifier';
import { assertText } from './licenceRules';

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

/** An annual targeted subsidy: whole cents, from 0 to the policy's ceiling. */
export function assertAnnualSubsidy(cents: number): number {
  if (!Number.isInteger(cents) || cents < 0 || cents > MAX_ANNUAL_SUBSIDY_CENTS) {
    throw validationFailed(
      `annualTargetedSubsidyCents must be a whole number of cents from 0 to ${MAX_ANNUAL_SUBSIDY_CENTS}`,
      'annualTargetedSubsidyCents',
    );
  }
  return cents;
}

/** A programme's dates, amount, and a classifier entry valid on its first day. */
export function assertInterestProgramme(draft: InterestProgrammeDraft): ValidInterestProgramme {
  const name = assertText(draft.name, 'name');
  if (!isIsoDate(draft.startsOn)) throw validationFailed('startsOn must be YYYY-MM-DD', 'startsOn');
  const endsOn = draft.endsOn ?? null;
  if (endsOn !== null && (!isIsoDate(endsOn) || endsOn < draft.startsOn))
    throw validationFailed('endsOn must be a date on or after startsOn', 'endsOn');
  const cents = assertAnnualSubsidy(draft.annualTargetedSubsidyCents);
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

/**
 * The municipality that registered a programme manages it: it amends, ends and reclassifies it
 * by its own decisions, as it registered it (the targeted subsidy is its to distribute).
 */
export function mayManage(caller: Caller, programme: { municipality: string }): boolean {
  return caller.role === Role.MUNICIPALITY && caller.municipality === programme.municipality;
}

/**
 * Learner numbers come from the institution that teaches the programme (SCHOOL, as it reports
 * its own learner counts to the registry) or from the municipality that registered and
 * subsidises it (it sends its institutions' data on, source 002).
 */
export function mayReportLearners(caller: Caller, programme: { municipality: string; institutionId: string }): boolean {
  return mayManage(caller, programme) || (caller.role === Role.SCHOOL && caller.institutionId === programme.institutionId);
}
