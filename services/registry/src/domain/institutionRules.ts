import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';

export interface FounderDraft {
  kind: 'STATE' | 'MUNICIPALITY' | 'LEGAL_PERSON' | 'NATURAL_PERSON';
  name: string;
  municipality?: string | null;
  personalCode?: string | null;
}

/**
 * A founder must be named; a municipality founder names its municipality; only a natural
 * person has a personal code, and must have one (the register identifies the person by it).
 */
export function assertFounder(founder: FounderDraft): void {
  if (!founder.name.trim()) throw validationFailed('Founder name is required', 'founder.name');
  if (founder.kind === 'MUNICIPALITY' && !founder.municipality?.trim()) {
    throw validationFailed('A municipality founder needs its municipality', 'founder.municipality');
  }
  if (founder.kind === 'NATURAL_PERSON' && !founder.personalCode?.trim()) {
    throw validationFailed('A natural-person founder needs a personal code', 'founder.personalCode');
  }
  if (founder.kind !== 'NATURAL_PERSON' && founder.personalCode) {
    throw validationFailed('Only a natural-person founder has a personal code', 'founder.personalCode');
  }
}

/** Names are what people search and read: non-empty, bounded. */
export function assertInstitutionName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 300) throw validationFailed('Name must be 2-300 characters', 'name');
  return trimmed;
}

export function assertHasPlaces(places: readonly unknown[]): void {
  if (places.length === 0) throw validationFailed('At least one implementation place is required', 'implementationPlaces');
  if (places.length > 200) throw validationFailed('At most 200 implementation places per institution', 'implementationPlaces');
}

interface InstitutionFacts {
  name: string;
  status: string;
  registeredOn: string;
}

/** Later decisions act on an active institution and cannot take effect before it was registered. */
export function assertCanDecide(institution: InstitutionFacts, decision: ValidDecision): void {
  if (institution.status !== 'ACTIVE')
    throw conflict(`${institution.name} is ${institution.status.toLowerCase()}: the register takes no further decisions on it`);
  if (decision.effectiveDate < institution.registeredOn) {
    throw validationFailed(
      `The decision cannot take effect before the institution was registered (${institution.registeredOn})`,
      'decision.effectiveDate',
    );
  }
}

/** A second liquidation of the same institution, even one still pending, is a conflict. */
export function assertNoPendingEnd(institution: InstitutionFacts, pendingStatusChange: boolean): void {
  if (pendingStatusChange) throw conflict(`${institution.name} already has a liquidation or reorganisation waiting for its effective date`);
}

/** State significance is a status of interest-education institutions, granted once, revoked once. */
export function assertStateSignificanceChange(
  institution: InstitutionFacts & { type: string; stateSignificance: boolean },
  grant: boolean,
): void {
  if (grant && institution.type !== 'INTEREST_EDUCATION') {
    throw validationFailed('State significance is granted to interest-education institutions only', 'id');
  }
  if (grant === institution.stateSignificance) {
    throw conflict(`${institution.name} ${grant ? 'already holds' : 'does not hold'} the state-significance status`);
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{5,20}$/;

export function normaliseContacts(contacts: { email?: string | null; phone?: string | null } | null | undefined) {
  const email = contacts?.email?.trim() || null;
  const phone = contacts?.phone?.trim() || null;
  if (email && !EMAIL.test(email)) throw validationFailed('contacts.email is not an e-mail address', 'contacts.email');
  if (phone && !PHONE.test(phone)) throw validationFailed('contacts.phone is not a phone number', 'contacts.phone');
  return { email, phone };
}

export function normaliseOptionalText(value: string | null | undefined, field: string, max = 300): string | null {
  const trimmed = value?.trim() || null;
  if (trimmed && trimmed.length > max) throw validationFailed(`${field} is limited to ${max} characters`, field);
  return trimmed;
}
