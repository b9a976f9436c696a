import { randomUUID } from 'node:crypto';
import { assertUuid, findRegistryInstitution, requireRole, Role } from '@eq/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { assertCanAccredit, assertNoOverlap, normaliseDecision } from '../domain/accreditationRules';
import {
  assertApplicationStep,
  assertLicenceAccreditable,
  assertPastOrToday,
  assertRefusalReason,
  normaliseNotes,
  placesOfApplication,
} from '../domain/applicationRules';
import { assertCompleteResults } from '../domain/qualityResults';
import { termFrom, termYearsFor } from '../domain/termPolicy';
import { conflict, notFound, validationFailed } from '@eq/shared/errors';
import { AccreditationEntity } from '../entities/accreditation';
import { AccreditationApplicationEntity, type AccreditationApplicationRecord } from '../entities/accreditationApplication';
import { KnownLicenceEntity, placesOfLicence } from '../entities/knownLicence';
import { recordApplicationEvent } from '../events/out/applicationEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { grantAccreditation } from '../store/grantAccreditation';
import { requireMayApply } from './applicationAccess';

const OPEN = ['SUBMITTED', 'EVALUATED'] as const;

/** The application, locked for this transaction's change; NOT_FOUND when there is none. */
async function lockApplication(manager: EntityManager, id: string): Promise<AccreditationApplicationRecord> {
  const application = await manager
    .getRepository(AccreditationApplicationEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!application) throw notFound('AccreditationApplication', id);
  return application;
}

async function saveApplication(
  manager: EntityManager,
  application: AccreditationApplicationRecord,
  change: Partial<AccreditationApplicationRecord>,
  type: 'accreditation.application.evaluated' | 'accreditation.application.decided' | 'accreditation.application.refused',
): Promise<AccreditationApplicationRecord> {
  const applications = manager.getRepository(AccreditationApplicationEntity);
  await applications.update({ id: application.id }, change);
  const stored = await applications.findOneByOrFail({ id: application.id });
  await recordApplicationEvent(manager, type, stored, Object.keys(change));
  return stored;
}

export const applicationMutations: Pick<
  MutationResolvers,
  'applyForAccreditation' | 'recordAccreditationEvaluation' | 'decideAccreditation' | 'refuseAccreditation'
> = {
  applyForAccreditation: async (_parent, { input }, { db, caller, clock }) => {
    const institutionId = assertUuid(input.institutionId, 'institutionId');
    requireMayApply(caller, institutionId);
    const licenceId = input.licenceId == null ? null : assertUuid(input.licenceId, 'licenceId');
    const listedIds = input.implementationPlaceIds?.map((id) => assertUuid(id, 'implementationPlaceIds'));
    const submittedOn = assertPastOrToday(input.submittedOn ?? clock.today(), clock.today(), 'submittedOn');

    const application = await db.transaction(async (manager) => {
      // The institution's row lock queues applications of one institution behind each other and
      // makes a liquidation applied meanwhile wait, then close this application too.
      const institution = assertCanAccredit(
        await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_write' }),
        institutionId,
      );
      const registered = institution.implementationPlaces.map(({ id, address }) => ({ id, address }));
      let programmeCode: string | null = null;
      let places: Array<{ id: string; address: string }> | null = null;
      if (licenceId) {
        const licence = await manager
          .getRepository(KnownLicenceEntity)
          .findOne({ where: { id: licenceId }, lock: { mode: 'pessimistic_read' } });
        programmeCode = assertLicenceAccreditable(licence, licenceId, institutionId).programmeCode;
        const licensed = placesOfLicence(licence!.state);
        places = licensed.length > 0 ? licensed : null;
      }
      places ??= placesOfApplication(registered, listedIds);

      const applications = manager.getRepository(AccreditationApplicationEntity);
      const kind = licenceId ? 'PROGRAMME' : 'INSTITUTION';
      const open = await applications.findOneBy({ institutionId, kind, licenceId: licenceId ?? IsNull(), status: In([...OPEN]) });
      if (open) throw conflict(`An application (${open.id}, submitted ${open.submittedOn}) is already open; it must be decided first`);

      const record: Omit<AccreditationApplicationRecord, 'createdAt' | 'updatedAt'> = {
        id: randomUUID(),
        kind,
        institutionId,
        licenceId,
        programmeCode,
        submittedOn,
        implementationPlaces: places,
        status: 'SUBMITTED',
        evaluatedOn: null,
        evaluationResults: null,
        evaluatorsNotes: null,
        decisionOutcome: null,
        decisionNumber: null,
        decisionDate: null,
        refusalReason: null,
        accreditationId: null,
        closedOn: null,
        closeReason: null,
      };
      await applications.insert(record);
      const stored = await applications.findOneByOrFail({ id: record.id });
      await recordApplicationEvent(manager, 'accreditation.application.submitted', stored, Object.keys(record));
      return stored;
    });
    return { application };
  },

  recordAccreditationEvaluation: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.applicationId, 'applicationId');
    const evaluatedOn = assertPastOrToday(input.evaluatedOn, clock.today(), 'evaluatedOn');
    const results = assertCompleteResults(input.results);
    const evaluatorsNotes = normaliseNotes(input.evaluatorsNotes);
    const application = await db.transaction(async (manager) => {
      const application = await lockApplication(manager, id);
      assertApplicationStep(application.status, 'evaluate');
      if (evaluatedOn < application.submittedOn)
        throw validationFailed('An application is evaluated after it was submitted', 'evaluatedOn');
      return saveApplication(
        manager,
        application,
        { status: 'EVALUATED', evaluatedOn, evaluationResults: results, evaluatorsNotes },
        'accreditation.application.evaluated',
      );
    });
    return { application };
  },

  decideAccreditation: async (_parent, { input }, { db, caller, clock, termPolicy }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.applicationId, 'applicationId');
    const decision = normaliseDecision(input, clock.today());
    return db.transaction(async (manager) => {
      const application = await lockApplication(manager, id);
      assertApplicationStep(application.status, 'decide');
      if (decision.decisionDate < application.evaluatedOn!) throw validationFailed('The decision follows the evaluation', 'decisionDate');
      const results = application.evaluationResults!;
      const term = termFrom(decision.termStart, termYearsFor(results, termPolicy));
      assertCanAccredit(
        await findRegistryInstitution(manager, application.institutionId, { lock: 'pessimistic_write' }),
        application.institutionId,
      );
      if (application.licenceId) {
        const licence = await manager
          .getRepository(KnownLicenceEntity)
          .findOne({ where: { id: application.licenceId }, lock: { mode: 'pessimistic_read' } });
        assertLicenceAccreditable(licence, application.licenceId, application.institutionId);
      }
      const sameSubject = application.licenceId
        ? { licenceId: application.licenceId, status: 'ACTIVE' as const }
        : { institutionId: application.institutionId, kind: 'INSTITUTION' as const, status: 'ACTIVE' as const };
      assertNoOverlap(await manager.getRepository(AccreditationEntity).findBy(sameSubject), term);

      const accreditation = await grantAccreditation(manager, {
        kind: application.kind,
        institutionId: application.institutionId,
        licenceId: application.licenceId,
        programmeCode: application.programmeCode,
        applicationId: application.id,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        term,
        results,
        today: clock.today(),
      });
      const decided = await saveApplication(
        manager,
        application,
        {
          status: 'ACCREDITED',
          decisionOutcome: 'ACCREDITED',
          decisionNumber: decision.decisionNumber,
          decisionDate: decision.decisionDate,
          accreditationId: accreditation.id,
        },
        'accreditation.application.decided',
      );
      return { application: decided, accreditation };
    });
  },

  refuseAccreditation: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.applicationId, 'applicationId');
    const decision = normaliseDecision(input, clock.today());
    const refusalReason = assertRefusalReason(input.reason);
    const application = await db.transaction(async (manager) => {
      const application = await lockApplication(manager, id);
      assertApplicationStep(application.status, 'refuse');
      if (decision.decisionDate < application.submittedOn) throw validationFailed('The decision follows the application', 'decisionDate');
      return saveApplication(
        manager,
        application,
        {
          status: 'REFUSED',
          decisionOutcome: 'REFUSED',
          decisionNumber: decision.decisionNumber,
          decisionDate: decision.decisionDate,
          refusalReason,
        },
        'accreditation.application.refused',
      );
    });
    return { application };
  },
};
