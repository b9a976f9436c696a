import { conflict, notFound, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

export interface RegisteredPlace {
  id: string;
  address: string;
}

/**
 * An institution's application lists every implementation place the register knows (rules.json:
 * `applicationListsEveryImplementationPlace`): accreditation covers the institution wherever it
 * teaches. When the applicant lists none, the register's places are taken as listed; a list
 * that leaves one out, or names a place the register does not know, is refused.
 */
export function placesOfApplication(
  registered: readonly RegisteredPlace[],
  listedIds: readonly string[] | null | undefined,
): RegisteredPlace[] {
  if (registered.length === 0)
    throw conflict('The register lists no implementation place for the institution: there is nothing to accredit');
  if (listedIds == null || listedIds.length === 0) return [...registered];
  const known = new Set(registered.map((place) => place.id));
  const unknown = listedIds.find((id) => !known.has(id));
  if (unknown)
    throw validationFailed(
      `Implementation place ${unknown} is not one of the institution's places in the register`,
      'implementationPlaceIds',
    );
  const listed = new Set(listedIds);
  const missing = registered.filter((place) => !listed.has(place.id));
  if (missing.length > 0) {
    throw validationFailed(
      `An application lists every implementation place; missing ${missing.map((place) => place.address).join('; ')}`,
      'implementationPlaceIds',
    );
  }
  return [...registered];
}

export interface LicenceView {
  id: string;
  institutionId: string;
  programmeCode: string;
  status: string;
}

/** A programme is accredited by a licence licensing has issued to this institution and not ended. */
export function assertLicenceAccreditable(licence: LicenceView | null, licenceId: string, institutionId: string): LicenceView {
  if (!licence) throw notFound('Licence', licenceId);
  if (licence.institutionId !== institutionId) throw validationFailed('The licence belongs to another institution', 'licenceId');
  if (licence.status !== 'ACTIVE') throw conflict(`The licence is ${licence.status.toLowerCase()}: its programme cannot be accredited`);
  return licence;
}

/** A date an applicant or officer gives: a real date, no later than today. */
export function assertPastOrToday(date: string, today: string, field: string): string {
  if (!isIsoDate(date)) throw validationFailed(`${field} must be YYYY-MM-DD`, field);
  if (date > today) throw validationFailed(`${field} cannot be after today`, field);
  return date;
}

type Step = 'evaluate' | 'decide' | 'refuse';

/**
 * Where an application may go from each status: evaluation follows submission, accreditation
 * needs an evaluation, a refusal may come before or after one. Decided and closed applications
 * are final.
 */
const ALLOWED: Record<Step, readonly string[]> = {
  evaluate: ['SUBMITTED'],
  decide: ['EVALUATED'],
  refuse: ['SUBMITTED', 'EVALUATED'],
};

export function assertApplicationStep(status: string, step: Step): void {
  if (ALLOWED[step].includes(status)) return;
  const need = step === 'decide' && status === 'SUBMITTED' ? ': record its evaluation first' : '';
  throw conflict(
    `The application is ${status.toLowerCase()}; it cannot be ${step === 'evaluate' ? 'evaluated' : step === 'decide' ? 'decided' : 'refused'}${need}`,
  );
}

/** A refusal is a decision a person can act on: it says why. */
export function assertRefusalReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || trimmed.length > 2000) throw validationFailed('A refusal states its reason (3-2000 characters)', 'reason');
  return trimmed;
}

/** Evaluators' notes are optional free text, bounded. */
export function normaliseNotes(notes: string | null | undefined): string | null {
  const trimmed = notes?.trim() ?? '';
  if (trimmed.length > 10_000) throw validationFailed("Evaluators' notes are at most 10000 characters", 'evaluatorsNotes');
  return trimmed.length > 0 ? trimmed : null;
}
