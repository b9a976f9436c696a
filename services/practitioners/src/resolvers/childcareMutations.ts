import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, foldForSearch, notFound, requireRole, Role, validationFailed, type Caller } from '@eq/shared';
import { parsePersonalCode } from '@eq/shared/personalCode';
import type { EntityManager } from 'typeorm';
import {
  assertAddress,
  assertDecisionOnRegisteredProvider,
  assertMunicipality,
  assertProviderIdentity,
  assertProviderName,
} from '../domain/childcareProviders';
import { assertCodedReason } from '../domain/childcareReasons';
import { normaliseDecision, type ValidDecision } from '../domain/decisions';
import { assertRegisterNumber } from '../domain/registerText';
import { ChildcareAmendmentEntity, ChildcareProviderEntity, type ChildcareProviderRecord } from '../entities/childcareProvider';
import { recordChildcareProviderEvent, type ChildcareProviderEventType } from '../events/out/childcareProviderEvents';
import type { ChildcareProviderKind, ChildcareRefusalReason, MutationResolvers } from '../generated/resolvers';
import { findChildcareAmendments } from './loaders';
import { withUniqueViolationsAsConflicts } from './uniqueViolations';

const UNIQUE_MESSAGES = {
  childcare_provider_registration_number_key: 'This registration number is already in the register of child-supervision service providers',
};

interface EntryDraft {
  registrationNumber: string;
  kind: ChildcareProviderKind;
  name: string;
  personalCode?: string | null;
  companyNumber?: string | null;
  homeAddress: string;
  serviceAddress: string;
  municipality: string;
  decision: { number: string; date: string };
}

/** Validates what a registration and a refusal share: who the applicant is and where the service would be. */
function validateEntry(input: EntryDraft, field: string, today: string) {
  const registrationNumber = assertRegisterNumber(input.registrationNumber, field);
  const name = assertProviderName(input.name);
  const personalCode = input.personalCode ? parsePersonalCode(input.personalCode, today).value : null;
  const identity = assertProviderIdentity({ kind: input.kind, personalCode, companyNumber: input.companyNumber });
  const municipality = assertMunicipality(input.municipality);
  return {
    registrationNumber,
    kind: input.kind,
    name,
    searchName: foldForSearch(name),
    ...identity,
    homeAddress: assertAddress(input.homeAddress, 'homeAddress'),
    serviceAddress: assertAddress(input.serviceAddress, 'serviceAddress'),
    municipality,
    searchMunicipality: foldForSearch(municipality),
    decision: normaliseDecision(input.decision, today),
  };
}

async function publish(
  manager: EntityManager,
  type: ChildcareProviderEventType,
  id: string,
  changedFields: string[],
): Promise<ChildcareProviderRecord> {
  const stored = await manager.getRepository(ChildcareProviderEntity).findOneByOrFail({ id });
  await recordChildcareProviderEvent(manager, type, stored, await findChildcareAmendments(manager, [id]), changedFields);
  return stored;
}

/** Inserts a registered provider or a refused application, checking the number first (the unique index catches races). */
async function insertEntry(
  manager: EntityManager,
  entry: ReturnType<typeof validateEntry>,
  extra: {
    status: 'REGISTERED' | 'REFUSED';
    homeAddressPublic: boolean;
    refusalReasonCode: ChildcareRefusalReason | null;
    refusalReason: string | null;
  },
  caller: Caller,
): Promise<string> {
  const providers = manager.getRepository(ChildcareProviderEntity);
  if (await providers.existsBy({ registrationNumber: entry.registrationNumber })) {
    throw conflict(`Number ${entry.registrationNumber} is already in the register of child-supervision service providers`);
  }
  const id = randomUUID();
  const { decision, ...fields } = entry;
  await providers.insert({
    id,
    ...fields,
    ...extra,
    decisionNumber: decision.number,
    decisionDate: decision.date,
    exclusionDecisionNumber: null,
    exclusionDecisionDate: null,
    exclusionReasonCode: null,
    exclusionReason: null,
    recordedBy: caller.subject ?? null,
  });
  return id;
}

async function lockRegistered(manager: EntityManager, id: string, decision: ValidDecision): Promise<ChildcareProviderRecord> {
  const current = await manager.getRepository(ChildcareProviderEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!current) throw notFound('Childcare provider', id);
  assertDecisionOnRegisteredProvider(current, decision);
  return current;
}

export const childcareMutations: MutationResolvers = {
  registerChildcareProvider: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const entry = validateEntry(input, 'registrationNumber', clock.today());
    // A legal person's address is public anyway; consent is a natural person's choice.
    const homeAddressPublic = input.kind === 'NATURAL_PERSON' ? input.homeAddressPublic === true : true;
    const childcareProvider = await withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const id = await insertEntry(
          manager,
          entry,
          {
            status: 'REGISTERED',
            homeAddressPublic,
            refusalReasonCode: null,
            refusalReason: null,
          },
          caller,
        );
        return publish(manager, 'practitioners.childcare-provider.registered', id, [
          'status',
          'name',
          'serviceAddress',
          'municipality',
          'decision',
        ]);
      }),
    );
    return { childcareProvider };
  },

  refuseChildcareProvider: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const entry = validateEntry({ ...input, registrationNumber: input.applicationNumber }, 'applicationNumber', clock.today());
    const reason = assertCodedReason(input.reasonCode, input.reasonText);
    const childcareProvider = await withUniqueViolationsAsConflicts(UNIQUE_MESSAGES, () =>
      db.transaction(async (manager) => {
        const id = await insertEntry(
          manager,
          entry,
          {
            status: 'REFUSED',
            homeAddressPublic: false,
            refusalReasonCode: reason.code,
            refusalReason: reason.text,
          },
          caller,
        );
        return publish(manager, 'practitioners.childcare-provider.refused', id, ['status', 'decision']);
      }),
    );
    return { childcareProvider };
  },

  amendChildcareProvider: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id, 'id');
    const decision = normaliseDecision(input.decision, clock.today());
    const changes: Partial<ChildcareProviderRecord> = {};
    if (input.name != null) {
      const name = assertProviderName(input.name);
      Object.assign(changes, { name, searchName: foldForSearch(name) });
    }
    if (input.homeAddress != null) changes.homeAddress = assertAddress(input.homeAddress, 'homeAddress');
    if (input.serviceAddress != null) changes.serviceAddress = assertAddress(input.serviceAddress, 'serviceAddress');
    if (input.municipality != null) {
      const municipality = assertMunicipality(input.municipality);
      Object.assign(changes, { municipality, searchMunicipality: foldForSearch(municipality) });
    }
    if (input.homeAddressPublic != null) changes.homeAddressPublic = input.homeAddressPublic;
    const changedFields = Object.keys(changes).filter((key) => !key.startsWith('search'));
    if (changedFields.length === 0) throw validationFailed('An amendment must change at least one field');
    const childcareProvider = await db.transaction(async (manager) => {
      const current = await lockRegistered(manager, id, decision);
      if (current.kind === 'LEGAL_PERSON') delete changes.homeAddressPublic;
      await manager.getRepository(ChildcareProviderEntity).update({ id }, changes);
      await manager.getRepository(ChildcareAmendmentEntity).insert({
        id: randomUUID(),
        providerId: id,
        changedFields,
        decisionNumber: decision.number,
        decisionDate: decision.date,
        recordedBy: caller.subject ?? null,
      });
      return publish(manager, 'practitioners.childcare-provider.amended', id, [...changedFields, 'amendments']);
    });
    return { childcareProvider };
  },

  excludeChildcareProvider: async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const id = assertUuid(input.id, 'id');
    const decision = normaliseDecision(input.decision, clock.today());
    const reason = assertCodedReason(input.reasonCode, input.reasonText);
    const childcareProvider = await db.transaction(async (manager) => {
      await lockRegistered(manager, id, decision);
      await manager.getRepository(ChildcareProviderEntity).update(
        { id },
        {
          status: 'EXCLUDED',
          exclusionDecisionNumber: decision.number,
          exclusionDecisionDate: decision.date,
          exclusionReasonCode: reason.code,
          exclusionReason: reason.text,
        },
      );
      return publish(manager, 'practitioners.childcare-provider.excluded', id, [
        'status',
        'exclusionDecision',
        'exclusionReasonCode',
        'exclusionReason',
      ]);
    });
    return { childcareProvider };
  },
};
