import { assertUuid, forbidden, requireRole, Role } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { assertLearnerReport, planEnd, planVersion, type ProgrammeChange, type ProgrammeHistory } from '../domain/interestProgrammeHistory';
import { mayManage, mayReportLearners } from '../domain/interestProgrammeRules';
import { assertDecision, type LicenceDecisionDraft } from '../domain/licenceLifecycle';
import { assertText } from '../domain/licenceRules';
import { InterestProgrammeEntity, type InterestProgrammeRecord } from '../entities/interestProgramme';
import type { InterestProgrammeDecisionKind } from '../entities/interestProgrammeDecision';
import { InterestProgrammeLearnerCountEntity } from '../entities/interestProgrammeLearnerCount';
import { recordInterestProgrammeEvent, type InterestProgrammeEventType } from '../events/out/interestProgrammeEvents';
import type { MutationResolvers } from '../generated/resolvers';
import {
  closeProgrammeVersion,
  insertProgrammeVersion,
  loadProgrammeForUpdate,
  recordProgrammeDecision,
} from '../store/interestProgrammeStore';

interface ProgrammeStep {
  programme: InterestProgrammeRecord;
  history: ProgrammeHistory;
  /** Records the decision and returns its sequence number, for the version it opens. */
  decide: (effectiveFrom: string, changedFields: string[]) => Promise<string>;
  manager: EntityManager;
}

/**
 * The shape every decision on a programme shares: the MUNICIPALITY that registered it; lock the
 * programme (its changes queue behind each other); plan the change from its history; log the
 * decision; write; publish. Nothing is written when any check fails.
 */
async function decideOnProgramme(
  context: Context,
  args: {
    programmeId: string;
    decision: LicenceDecisionDraft;
    reason?: string | null;
    kind: Exclude<InterestProgrammeDecisionKind, 'REGISTERED'>;
    eventType: InterestProgrammeEventType;
    apply: (step: ProgrammeStep) => Promise<string[]>;
  },
): Promise<InterestProgrammeRecord> {
  const { caller, db } = context;
  requireRole(caller, Role.MUNICIPALITY);
  const programmeId = assertUuid(args.programmeId, 'programmeId');
  const decision = assertDecision(args.decision);
  const reason = args.reason == null ? null : assertText(args.reason, 'reason', 1000);
  return db.transaction(async (manager) => {
    const { programme, versions } = await loadProgrammeForUpdate(manager, programmeId);
    if (!mayManage(caller, programme)) throw forbidden(`Only ${programme.municipality}, which registered the programme, may decide on it`);
    const history = { startsOn: programme.startsOn, endsOn: programme.endsOn, versions };
    const decide = (effectiveFrom: string, changedFields: string[]) =>
      recordProgrammeDecision(manager, programme.id, {
        kind: args.kind,
        number: decision.number,
        date: decision.date,
        effectiveFrom,
        changedFields,
        reason,
        recordedBy: caller.subject ?? null,
      });
    const changedFields = await args.apply({ programme, history, decide, manager });
    await recordInterestProgrammeEvent(manager, args.eventType, programme.id, changedFields);
    return manager.getRepository(InterestProgrammeEntity).findOneByOrFail({ id: programme.id });
  });
}

/** Opens the version a change plans; the programme's own columns follow its latest version. */
const changeFrom =
  (change: ProgrammeChange, effectiveFrom: string) =>
  async ({ programme, history, decide, manager }: ProgrammeStep): Promise<string[]> => {
    const planned = planVersion(history, change, effectiveFrom);
    const seq = await decide(effectiveFrom, planned.changedFields);
    await closeProgrammeVersion(manager, programme.id, planned.closed.validFrom, planned.closed.validTo);
    await insertProgrammeVersion(manager, programme.id, planned.next, seq);
    const { name, classifierCode, areaCode, annualTargetedSubsidyCents } = planned.next;
    await manager
      .getRepository(InterestProgrammeEntity)
      .update({ id: programme.id }, { name, classifierCode, areaCode, annualTargetedSubsidyCents });
    return [...planned.changedFields, 'versions'];
  };

export const amendInterestProgramme: MutationResolvers['amendInterestProgramme'] = async (_parent, { input }, context) => ({
  programme: await decideOnProgramme(context, {
    ...input,
    kind: 'AMENDED',
    eventType: 'licensing.interest-programme.amended',
    apply: changeFrom(
      { kind: 'AMENDED', name: input.name, annualTargetedSubsidyCents: input.annualTargetedSubsidyCents },
      input.effectiveFrom,
    ),
  }),
});

export const reclassifyInterestProgramme: MutationResolvers['reclassifyInterestProgramme'] = async (_parent, { input }, context) => ({
  programme: await decideOnProgramme(context, {
    ...input,
    kind: 'RECLASSIFIED',
    eventType: 'licensing.interest-programme.reclassified',
    apply: changeFrom({ kind: 'RECLASSIFIED', classifierCode: input.classifierCode }, input.effectiveFrom),
  }),
});

export const endInterestProgramme: MutationResolvers['endInterestProgramme'] = async (_parent, { input }, context) => ({
  programme: await decideOnProgramme(context, {
    ...input,
    kind: 'ENDED',
    eventType: 'licensing.interest-programme.ended',
    apply: async ({ programme, history, decide, manager }) => {
      const endsOn = planEnd(history, input.endsOn);
      await decide(endsOn, ['endsOn']);
      await closeProgrammeVersion(manager, programme.id, history.versions.at(-1)!.validFrom, endsOn);
      await manager.getRepository(InterestProgrammeEntity).update({ id: programme.id }, { endsOn });
      return ['endsOn', 'versions'];
    },
  }),
});

export const reportInterestProgrammeLearners: MutationResolvers['reportInterestProgrammeLearners'] = async (
  _parent,
  { input },
  { caller, db, clock },
) => {
  requireRole(caller, Role.SCHOOL, Role.MUNICIPALITY);
  const programmeId = assertUuid(input.programmeId, 'programmeId');
  const schoolYear = input.schoolYear.trim();
  const programme = await db.transaction(async (manager) => {
    const { programme } = await loadProgrammeForUpdate(manager, programmeId);
    if (!mayReportLearners(caller, programme))
      throw forbidden(`Only the programme's institution or ${programme.municipality}, which registered it, may report its learners`);
    const report = assertLearnerReport(programme, schoolYear, input.learners, clock.today());
    await manager
      .getRepository(InterestProgrammeLearnerCountEntity)
      .upsert({ programmeId, ...report, reportedBy: caller.subject ?? null }, ['programmeId', 'schoolYear']);
    await recordInterestProgrammeEvent(manager, 'licensing.interest-programme.learners-reported', programmeId, ['learnerCounts']);
    return programme;
  });
  return { programme };
};
