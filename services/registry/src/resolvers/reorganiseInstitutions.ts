import { assertUuid, requireRole, Role } from '@eq/shared';
import { normaliseDecision } from '../domain/decisions';
import { assertNoPendingEnd } from '../domain/institutionRules';
import { assertReorganisationShape, assertSuccessor } from '../domain/reorganisation';
import { InstitutionEntity } from '../entities/institution';
import { InstitutionLinkEntity } from '../entities/institutionLink';
import { recordInstitutionEvent } from '../events/out/institutionEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { recordDecision } from '../store/decisions';
import { loadForUpdate } from '../store/institutionStore';
import { decideOnInstitution, hasPendingEnd } from './decide';

/**
 * Predecessors end by reorganisation (now or on the effective date) and link to every
 * successor; successors must already be registered and active. All involved rows are locked
 * in id order, so two reorganisations touching the same institutions cannot deadlock.
 */
export const reorganiseInstitutions: MutationResolvers['reorganiseInstitutions'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  const predecessorIds = input.predecessorIds.map((id) => assertUuid(id, 'predecessorIds'));
  const successorIds = input.successorIds.map((id) => assertUuid(id, 'successorIds'));
  assertReorganisationShape(input.kind, predecessorIds, successorIds);
  const decision = normaliseDecision(input.decision);

  return context.db.transaction(async (manager) => {
    const loaded = new Map<string, Awaited<ReturnType<typeof loadForUpdate>>>();
    for (const id of [...predecessorIds, ...successorIds].sort()) loaded.set(id, await loadForUpdate(manager, id));
    for (const id of successorIds) assertSuccessor(loaded.get(id)!.record, decision.effectiveDate);

    let applied = true;
    for (const predecessorId of predecessorIds) {
      const result = await decideOnInstitution(context, {
        id: predecessorId,
        kind: 'REORGANISATION',
        decision: input.decision,
        manager,
        decide: async ({ record }) => {
          assertNoPendingEnd(record, await hasPendingEnd(manager, record.id));
          return { status: 'LIQUIDATED', liquidatedOn: decision.effectiveDate, liquidationKind: 'REORGANISATION' };
        },
        onRecorded: (decisionId) =>
          manager
            .getRepository(InstitutionLinkEntity)
            .insert(
              successorIds.map((successorId) => ({
                predecessorId,
                successorId,
                kind: input.kind,
                decisionId,
                effectiveDate: decision.effectiveDate,
              })),
            )
            .then(() => undefined),
      });
      applied = result.applied;
    }
    // Successors change no field of their own, but gain predecessors: they hear of it now.
    for (const successorId of successorIds) {
      await recordDecision(manager, successorId, 'REORGANISATION', decision, context.caller.subject);
      await recordInstitutionEvent(manager, 'REORGANISATION', successorId, ['predecessors']);
    }
    const institutions = manager.getRepository(InstitutionEntity);
    const reload = (ids: string[]) => Promise.all(ids.map((id) => institutions.findOneByOrFail({ id })));
    return { predecessors: await reload(predecessorIds), successors: await reload(successorIds), applied };
  });
};
