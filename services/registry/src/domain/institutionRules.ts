import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';

export interface FounderDraft {
  kind: 'STATE' | 'MUNICIPALITY' | 'LEGAL_PERSON' | 'NATURAL_PERSON';
  name: string;
  municipality?: string | null;
}

/** A founder must be named; a municipality founder must say which municipality it is. */
export function assertFounder(founder: FounderDraft): void {
  if (!founder.name.trim()) throw validationFailed('Founder name is required', 'founder.name');
  if (founder.kind === 'MUNICIPALITY' && !founder.municipality?.trim()) {
    throw validationFailed('A municipality founder needs its municipality', 'founder.municipality');
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
  if (places.length > 200) throw validationFailed('At most 200 implementation places per decision', 'implementationPlaces');
}

/**
 * Liquidation: only an active institution, not before it was registered, and (until
 * future-dated decisions are scheduled) not dated after today.
 */
export function assertCanLiquidate(
  institution: { status: string; registeredOn: string; name: string },
  decision: ValidDecision,
  today: string,
): void {
  if (institution.status === 'LIQUIDATED') throw conflict(`${institution.name} is already liquidated`);
  if (decision.effectiveDate < institution.registeredOn) {
    throw validationFailed('Liquidation cannot take effect before the institution was registered', 'decision.effectiveDate');
  }
  if (decision.effectiveDate > today) {
    throw validationFailed('Future-dated liquidation is not supported yet: record it on its effective date', 'decision.effectiveDate');
  }
}
