import { assertUuid, findRegistryInstitution, notFound, requireRole, Role, type RegistryInstitutionState } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import {
  assertDecision,
  assertDecisionAfterIssue,
  nextStatus,
  type LicenceAction,
  type LicenceDecisionDraft,
  type LicenceStatus,
} from '../domain/licenceLifecycle';
import { assertText } from '../domain/licenceRules';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { recordLicenceEvent, type LicenceEventType } from '../events/out/licenceEvents';
import { loadLicenceForUpdate, recordLicenceDecision } from '../store/licenceStore';

export interface LicenceStep {
  licence: LicenceRecord;
  /** The status the action leads to. */
  status: LicenceStatus;
  decision: LicenceDecisionDraft;
  institution: RegistryInstitutionState | null;
  manager: EntityManager;
}

export interface LicenceChange {
  /** Licence columns to write besides the status. */
  fields?: Partial<LicenceRecord>;
  changedFields: string[];
}

/**
 * The shape every decision on an issued licence shares: OFFICER only; lock the institution's
 * replica row (licence writes of one institution queue behind each other) and the licence;
 * check the transition and the decision date; apply the step; log the decision; publish.
 */
export async function decideOnLicence(
  context: Context,
  args: {
    licenceId: string;
    decision: LicenceDecisionDraft;
    reason?: string | null;
    action: Exclude<LicenceAction, 'LAPSED' | 'TRANSFERRED'>;
    eventType: LicenceEventType;
    apply: (step: LicenceStep) => Promise<LicenceChange> | LicenceChange;
  },
): Promise<LicenceRecord> {
  requireRole(context.caller, Role.OFFICER);
  const licenceId = assertUuid(args.licenceId, 'licenceId');
  const decision = assertDecision(args.decision);
  const reason = args.reason == null ? null : assertText(args.reason, 'reason', 1000);
  return context.db.transaction(async (manager) => {
    const found = await manager
      .getRepository(LicenceEntity)
      .findOne({ where: { id: licenceId }, select: { id: true, institutionId: true } });
    if (!found) throw notFound('Licence', licenceId);
    const institution = await findRegistryInstitution(manager, found.institutionId, { lock: 'pessimistic_write' });
    const licence = await loadLicenceForUpdate(manager, licenceId);
    const status = nextStatus(licence.status, args.action);
    assertDecisionAfterIssue(decision.date, licence.issuedOn);
    const change = await args.apply({ licence, status, decision, institution, manager });
    const statusChanged = status !== licence.status;
    await manager.getRepository(LicenceEntity).update({ id: licence.id }, { ...change.fields, status });
    const changedFields = [...(statusChanged ? ['status'] : []), ...change.changedFields];
    await recordLicenceDecision(manager, licence.id, {
      kind: args.action,
      number: decision.number,
      date: decision.date,
      changedFields,
      reason,
      recordedBy: context.caller.subject ?? null,
    });
    await recordLicenceEvent(manager, args.eventType, licence.id, changedFields);
    return manager.getRepository(LicenceEntity).findOneByOrFail({ id: licence.id });
  });
}
