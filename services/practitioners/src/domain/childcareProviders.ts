import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidDecision } from './decisions';
import { boundedText } from './registerText';

export type ChildcareProviderKindCode = 'NATURAL_PERSON' | 'LEGAL_PERSON';
export type ChildcareProviderStatusCode = 'REGISTERED' | 'REFUSED' | 'EXCLUDED';

export interface ProviderIdentityDraft {
  kind: ChildcareProviderKindCode;
  /** Already validated and normalised by the caller (`@eq/shared/personalCode`). */
  personalCode?: string | null;
  companyNumber?: string | null;
}

/**
 * A natural person is identified by a personal code, a legal person by its number in the
 * Register of Enterprises (11 digits); each must have its own and not the other's.
 */
export function assertProviderIdentity(draft: ProviderIdentityDraft): { personalCode: string | null; companyNumber: string | null } {
  if (draft.kind === 'NATURAL_PERSON') {
    if (!draft.personalCode) throw validationFailed('A natural person needs a personal code', 'personalCode');
    if (draft.companyNumber) throw validationFailed('A natural person has no company number', 'companyNumber');
    return { personalCode: draft.personalCode, companyNumber: null };
  }
  if (draft.personalCode) throw validationFailed('A legal person has no personal code', 'personalCode');
  const companyNumber = draft.companyNumber?.trim() ?? '';
  if (!/^\d{11}$/.test(companyNumber))
    throw validationFailed('A legal person needs its 11-digit number in the Register of Enterprises', 'companyNumber');
  return { personalCode: null, companyNumber };
}

export const assertProviderName = (name: string) => boundedText(name, 'name', 2, 300);
export const assertAddress = (address: string, field: string) => boundedText(address, field, 5, 300);
export const assertMunicipality = (municipality: string) => boundedText(municipality, 'municipality', 2, 100);
export const assertReason = (reason: string) => boundedText(reason, 'reason', 2, 1000);

/**
 * The home address is personal data of a natural person: public only with consent. A legal
 * person's address is its legal address, public. Officers see it always.
 */
export function visibleHomeAddress(
  provider: { kind: ChildcareProviderKindCode; homeAddress: string; homeAddressPublic: boolean },
  mayReadPersonalData: boolean,
): string | null {
  if (mayReadPersonalData || provider.kind === 'LEGAL_PERSON' || provider.homeAddressPublic) return provider.homeAddress;
  return null;
}

/** Refused applications are kept for the annual report but are not part of the public register. */
export function isPublicEntry(status: ChildcareProviderStatusCode): boolean {
  return status !== 'REFUSED';
}

/**
 * Amendments and exclusions are decisions on a registered entry: not on a refused application
 * nor an excluded provider (CONFLICT), not dated before the registration decision.
 */
export function assertDecisionOnRegisteredProvider(
  provider: { name: string; status: ChildcareProviderStatusCode; decisionDate: string },
  decision: ValidDecision,
): void {
  if (provider.status !== 'REGISTERED')
    throw conflict(`${provider.name} is ${provider.status.toLowerCase()}: no further decision is taken on the entry`);
  if (decision.date < provider.decisionDate)
    throw validationFailed('The decision cannot precede the registration decision', 'decision.date');
}
