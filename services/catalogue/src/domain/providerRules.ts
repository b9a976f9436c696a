import { conflict, notFound, validationFailed } from '@eq/shared/errors';

export const PROVIDER_KINDS = ['INSTITUTION', 'MUSEUM', 'COMPANY', 'ASSOCIATION', 'UNIVERSITY', 'OTHER'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface ProviderDraft {
  kind: ProviderKind;
  name?: string | null;
  institutionId?: string | null;
}

/** What the replica of the register knows about an institution. */
export interface InstitutionView {
  name: string;
  status: string;
}

export interface ValidProvider {
  kind: ProviderKind;
  name: string;
  institutionId: string | null;
}

function providerName(name: string, field = 'name'): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 300) throw validationFailed('A provider name must be 2-300 characters', field);
  return trimmed;
}

/**
 * A provider is either an institution of the register (by reference: the registry owns it, and
 * it must be known and active here, from the registry's events) or an outside organisation,
 * which must be named. An institution provider takes the register's name unless given another.
 */
export function validateProvider(draft: ProviderDraft, institution: InstitutionView | null): ValidProvider {
  if (draft.kind !== 'INSTITUTION') {
    if (draft.institutionId) throw validationFailed('Only a provider of kind INSTITUTION refers to an institution', 'institutionId');
    if (!draft.name?.trim()) throw validationFailed('An outside organisation needs its name', 'name');
    return { kind: draft.kind, name: providerName(draft.name), institutionId: null };
  }
  if (!draft.institutionId) throw validationFailed('A provider of kind INSTITUTION needs institutionId', 'institutionId');
  if (!institution) throw notFound('Institution', draft.institutionId);
  if (institution.status !== 'ACTIVE')
    throw conflict(`${institution.name} is ${institution.status.toLowerCase()}: it cannot become a provider`);
  return { kind: 'INSTITUTION', name: providerName(draft.name?.trim() || institution.name), institutionId: draft.institutionId };
}

/**
 * New activities only from a provider that can still hold them: an institution provider whose
 * institution the register has liquidated offers nothing new.
 */
export function assertProviderMayOffer(provider: { name: string; kind: string }, institution: InstitutionView | null): void {
  if (provider.kind === 'INSTITUTION' && institution && institution.status !== 'ACTIVE') {
    throw conflict(`${provider.name} is ${institution.status.toLowerCase()} in the register: no new activities`);
  }
}
