import { conflict, DomainError, ErrorCode, notFound, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

/** Education programme codes are 8 digits; the first digits encode the level and field. */
const PROGRAMME_CODE = /^\d{8}$/;

export function assertProgrammeCode(code: string): string {
  const trimmed = code.trim();
  if (!PROGRAMME_CODE.test(trimmed)) throw validationFailed(`Programme code must be 8 digits, got "${code}"`, 'programmeCode');
  return trimmed;
}

export interface InstitutionView {
  id: string;
  name: string;
  status: string;
  type: string;
  implementationPlaces: Array<{ id: string; address: string }>;
}

/**
 * Source 004: the service licenses education programmes "izņemot interešu izglītības,
 * neformālās izglītības un augstākās izglītības" (except interest, non-formal and higher
 * education). An interest-education institution's programmes are registered
 * (`registerInterestProgramme`), not licensed; higher-education institutions are a register of
 * their own that licensing never hears of, and non-formal education has no licence kind here.
 */
export function assertLicensedKindOfInstitution(institution: Pick<InstitutionView, 'name' | 'type'>): void {
  if (institution.type !== 'INTEREST_EDUCATION') return;
  throw new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `${institution.name} is an interest-education institution: its programmes are not licensed by the quality service; register them with registerInterestProgramme`,
    { field: 'institutionId', reason: 'OUT_OF_SCOPE', institutionType: institution.type },
  );
}

/**
 * A licence can only be issued to an institution the register knows and has not liquidated,
 * of a kind whose programmes the service licenses, at one of its own implementation places.
 */
export function assertCanLicence(
  institution: InstitutionView | null,
  institutionId: string,
  placeId: string,
): { id: string; address: string } {
  assertInstitutionActive(institution, institutionId);
  assertLicensedKindOfInstitution(institution);
  const place = institution.implementationPlaces.find((candidate) => candidate.id === placeId);
  if (!place) throw validationFailed(`${placeId} is not an implementation place of ${institution.name}`, 'implementationPlaceId');
  return place;
}

/** Licences are issued, restored and re-licensed only for an institution the register knows as active. */
export function assertInstitutionActive(
  institution: InstitutionView | null,
  institutionId: string,
): asserts institution is InstitutionView {
  if (!institution) throw notFound('Institution', institutionId);
  if (institution.status !== 'ACTIVE') throw conflict(`${institution.name} is ${institution.status.toLowerCase()}: no new licences`);
}

export function assertIssueDate(issuedOn: string): string {
  if (!isIsoDate(issuedOn)) throw validationFailed('issuedOn must be YYYY-MM-DD', 'issuedOn');
  return issuedOn;
}

export function assertText(value: string, field: string, max = 300): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw validationFailed(`${field} must be 1-${max} characters`, field);
  return trimmed;
}
