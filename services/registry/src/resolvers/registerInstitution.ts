import { randomUUID } from 'node:crypto';
import { conflict, foldForSearch, requireRole, Role, validationFailed } from '@eq/shared';
import { normaliseDecision } from '../domain/decisions';
import { assertHasPlaces, assertInstitutionName, normaliseContacts, normaliseOptionalText } from '../domain/institutionRules';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { recordInstitutionEvent } from '../events/out/institutionEvents';
import type { Context } from '../context';
import type { DecisionDraft } from '../domain/decisions';
import type { MutationResolvers, RegisterInstitutionInput } from '../generated/resolvers';
import { recordDecision } from '../store/decisions';
import { newPlaces, recordChanges } from '../store/institutionStore';
import { founderFromInput, placesFromInput } from './inputs';

type EntryInput = Omit<RegisterInstitutionInput, 'decision'>;

/** Registration and application share the entry's validation, history start and event. */
async function createInstitution(
  context: Context,
  input: EntryInput,
  how: { status: 'ACTIVE' | 'PENDING'; kind: 'REGISTRATION' | 'APPLICATION'; decision: DecisionDraft },
) {
  const { db, caller, clock } = context;
  requireRole(caller, Role.OFFICER);
  const registrationNumber = assertRegistrationNumber(input.registrationNumber);
  const name = assertInstitutionName(input.name);
  const { founder, personalCode } = founderFromInput(input.founder, context);
  assertHasPlaces(input.implementationPlaces);
  const places = newPlaces(placesFromInput(input.implementationPlaces, context));
  const contacts = normaliseContacts(input.contacts);
  const headName = normaliseOptionalText(input.headName, 'headName');
  const decision = normaliseDecision(how.decision);
  const today = clock.today();
  if (decision.effectiveDate > today) {
    throw validationFailed(
      `${how.kind === 'APPLICATION' ? 'An application is recorded once received' : 'A registration takes effect on its decision date; record it once it has'}`,
      'decision.effectiveDate',
    );
  }

  const institution = await db.transaction(async (manager) => {
    const institutions = manager.getRepository(InstitutionEntity);
    if (await institutions.existsBy({ registrationNumber })) {
      throw conflict(`Registration number ${registrationNumber} is already in the register`);
    }
    const record: Omit<InstitutionRecord, 'createdAt' | 'updatedAt'> = {
      id: randomUUID(),
      registrationNumber,
      name,
      searchName: foldForSearch(name),
      type: input.type,
      status: how.status,
      founderKind: input.founder.kind,
      founderName: founder.name,
      founderMunicipality: founder.municipality,
      founderPersonalCode: personalCode,
      planningRegion: input.planningRegion,
      registeredOn: decision.effectiveDate,
      liquidatedOn: null,
      liquidationKind: null,
      headName,
      contactEmail: contacts.email,
      contactPhone: contacts.phone,
      stateSignificance: false,
      internalNotes: normaliseOptionalText(input.internalNotes, 'internalNotes', 4000),
    };
    await institutions.insert(record);
    const decisionId = await recordDecision(manager, record.id, how.kind, decision, caller.subject);
    // Registration is the first change of every field: `asOf` folds history from here.
    const { changes } = await recordChanges(manager, {
      institutionId: record.id,
      decisionId,
      current: null,
      next: {
        name,
        type: input.type,
        status: how.status,
        founder,
        planningRegion: input.planningRegion,
        implementationPlaces: places,
        headName,
        contacts,
        stateSignificance: false,
        liquidatedOn: null,
        liquidationKind: null,
      },
      effectiveDate: decision.effectiveDate,
      today,
    });
    await recordInstitutionEvent(
      manager,
      how.kind,
      record.id,
      changes.map((change) => change.field),
    );
    return institutions.findOneByOrFail({ id: record.id });
  });
  return { institution };
}

export const registerInstitution: MutationResolvers['registerInstitution'] = (_parent, { input }, context) =>
  createInstitution(context, input, { status: 'ACTIVE', kind: 'REGISTRATION', decision: input.decision });

export const receiveRegistrationApplication: MutationResolvers['receiveRegistrationApplication'] = (_parent, { input }, context) =>
  createInstitution(context, input, { status: 'PENDING', kind: 'APPLICATION', decision: input.application });
