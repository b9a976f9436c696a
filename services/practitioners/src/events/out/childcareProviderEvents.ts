import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { visibleHomeAddress } from '../../domain/childcareProviders';
import type { ChildcareAmendmentRecord, ChildcareProviderRecord } from '../../entities/childcareProvider';

type Decision = { number: string; date: string };

/**
 * The public state of a child-supervision service provider on `practitioners.childcare-provider.v1`:
 * what a PUBLIC caller may read, built field by field. Never the personal code; a natural person's
 * home address only with consent (null otherwise).
 */
export interface ChildcareProviderState {
  id: string;
  registrationNumber: string;
  kind: string;
  name: string;
  companyNumber: string | null;
  homeAddress: string | null;
  homeAddressPublic: boolean;
  serviceAddress: string;
  municipality: string;
  status: string;
  decision: Decision;
  exclusionDecision: Decision | null;
  exclusionReasonCode: string | null;
  exclusionReason: string | null;
  amendments: Decision[];
}

/**
 * A refused application is not part of the public register: its event says that an application
 * was refused and by which decision, without the applicant's name, addresses or the reason.
 */
export interface RefusedApplicationState {
  id: string;
  registrationNumber: string;
  kind: string;
  status: 'REFUSED';
  decision: Decision;
}

export type ChildcareProviderEventType =
  | 'practitioners.childcare-provider.registered'
  | 'practitioners.childcare-provider.refused'
  | 'practitioners.childcare-provider.amended'
  | 'practitioners.childcare-provider.excluded';

export function childcareProviderState(
  provider: ChildcareProviderRecord,
  amendments: readonly ChildcareAmendmentRecord[],
): ChildcareProviderState | RefusedApplicationState {
  const decision = { number: provider.decisionNumber, date: provider.decisionDate };
  if (provider.status === 'REFUSED') {
    return { id: provider.id, registrationNumber: provider.registrationNumber, kind: provider.kind, status: 'REFUSED', decision };
  }
  return {
    id: provider.id,
    registrationNumber: provider.registrationNumber,
    kind: provider.kind,
    name: provider.name,
    companyNumber: provider.companyNumber,
    homeAddress: visibleHomeAddress(provider, false),
    homeAddressPublic: provider.kind === 'LEGAL_PERSON' || provider.homeAddressPublic,
    serviceAddress: provider.serviceAddress,
    municipality: provider.municipality,
    status: provider.status,
    decision,
    exclusionDecision:
      provider.exclusionDecisionNumber && provider.exclusionDecisionDate
        ? { number: provider.exclusionDecisionNumber, date: provider.exclusionDecisionDate }
        : null,
    exclusionReasonCode: provider.exclusionReasonCode,
    exclusionReason: provider.exclusionReason,
    amendments: amendments.map((a) => ({ number: a.decisionNumber, date: a.decisionDate })),
  };
}

export async function recordChildcareProviderEvent(
  manager: EntityManager,
  type: ChildcareProviderEventType,
  provider: ChildcareProviderRecord,
  amendments: readonly ChildcareAmendmentRecord[],
  changedFields: string[],
): Promise<void> {
  const data: StateChange<ChildcareProviderState | RefusedApplicationState> = {
    state: childcareProviderState(provider, amendments),
    changedFields,
  };
  await enqueueEvent(
    manager,
    Topics.practitionersChildcareProvider,
    makeCloudEvent({ source: '/practitioners', type, subject: provider.id, data }),
  );
}
