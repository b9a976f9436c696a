import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { normaliseDecision, type DecisionDraft, type ValidDecision } from '../domain/decisions';
import type { InstitutionSnapshot } from '../domain/institutionSnapshot';
import { assertCanDecide } from '../domain/institutionRules';
import { recordInstitutionEvent, type InstitutionDecisionKind } from '../events/out/institutionEvents';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { recordDecision } from '../store/decisions';
import { loadForUpdate, recordChanges, snapshotOf, type LoadedInstitution } from '../store/institutionStore';

/**
 * The shape every later decision on one institution shares: lock the institution, check the
 * rules, record the decision and its field changes, apply them now or on their effective date,
 * and publish when applied. `decide` returns the fields to change (or throws a rule violation).
 */
export async function decideOnInstitution(
  context: Context,
  args: {
    id: string;
    kind: InstitutionDecisionKind;
    decision: DecisionDraft;
    decide: (
      loaded: LoadedInstitution,
      decision: ValidDecision,
      manager: EntityManager,
    ) => Promise<Partial<InstitutionSnapshot>> | Partial<InstitutionSnapshot>;
    /** Rules on the institution before `decide`; by default it must be active and registered by then. */
    check?: (institution: InstitutionRecord, decision: ValidDecision) => void;
    /** A postponement's deadline. */
    deadline?: string;
    manager?: EntityManager;
    /** Runs once the decision is recorded, before changes apply and publish (e.g. to add links). */
    onRecorded?: (decisionId: string) => Promise<void>;
  },
): Promise<{ institution: InstitutionRecord; applied: boolean; decisionId: string }> {
  const decision = normaliseDecision(args.decision);
  const run = async (manager: EntityManager) => {
    const loaded = await loadForUpdate(manager, args.id);
    (args.check ?? assertCanDecide)(loaded.record, decision);
    const next = await args.decide(loaded, decision, manager);
    const decisionId = await recordDecision(manager, args.id, args.kind, decision, context.caller.subject, args.deadline ?? null);
    await args.onRecorded?.(decisionId);
    const { changes, applied } = await recordChanges(manager, {
      institutionId: args.id,
      decisionId,
      current: snapshotOf(loaded),
      next,
      effectiveDate: decision.effectiveDate,
      today: context.clock.today(),
    });
    if (applied)
      await recordInstitutionEvent(
        manager,
        args.kind,
        args.id,
        changes.map((change) => change.field),
      );
    const institution = await manager.getRepository(InstitutionEntity).findOneByOrFail({ id: args.id });
    return { institution, applied, decisionId };
  };
  return args.manager ? run(args.manager) : context.db.transaction(run);
}

/** True when a status change (liquidation, reorganisation) waits for its effective date. */
export async function hasPendingEnd(manager: EntityManager, institutionId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    "SELECT 1 FROM institution_change WHERE institution_id = $1 AND field = 'status' AND applied_at IS NULL AND cancelled_at IS NULL LIMIT 1",
    [institutionId],
  );
  return rows.length > 0;
}
