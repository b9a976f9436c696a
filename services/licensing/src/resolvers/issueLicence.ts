import { randomUUID } from 'node:crypto';
import { assertUuid, conflict, findRegistryInstitution, notFound, requireRole, Role, validationFailed } from '@eq/shared';
import { assertLicenceAttributes, defaultKind } from '../domain/licenceKinds';
import { isInForce } from '../domain/licenceLifecycle';
import { assertCanLicence, assertIssueDate, assertProgrammeCode, assertText } from '../domain/licenceRules';
import { LicenceEntity } from '../entities/licence';
import { recordLicenceEvent } from '../events/out/licenceEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { assertProgrammeFreeAt, insertLicence } from '../store/licenceStore';

export const issueLicence: MutationResolvers['issueLicence'] = async (_parent, { input }, { db, caller }) => {
  requireRole(caller, Role.OFFICER);
  const institutionId = assertUuid(input.institutionId, 'institutionId');
  const placeId = assertUuid(input.implementationPlaceId, 'implementationPlaceId');
  const programmeCode = assertProgrammeCode(input.programmeCode);
  const programmeName = assertText(input.programmeName, 'programmeName');
  const decisionNumber = assertText(input.decisionNumber, 'decisionNumber', 100);
  const issuedOn = assertIssueDate(input.issuedOn);
  const attributes = assertLicenceAttributes({
    kind: input.kind ?? defaultKind(input.level),
    level: input.level,
    specialNeedsCategory: input.specialNeedsCategory,
    internationalProgramme: input.internationalProgramme,
    latvianStudiesPermit: input.latvianStudiesPermit,
    accreditationProof: input.accreditationProof,
    professionalOrientationField: input.professionalOrientationField,
    derivedFromId: input.derivedFromLicenceId ? assertUuid(input.derivedFromLicenceId, 'derivedFromLicenceId') : null,
  });

  const licence = await db.transaction(async (manager) => {
    // Lock the replica row: a liquidation applied concurrently waits for us (and then lapses
    // this licence too), and licence writes of one institution queue behind each other.
    const institution = await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_write' });
    const place = assertCanLicence(institution, institutionId, placeId);
    await assertProgrammeFreeAt(manager, programmeCode, [place]);
    if (attributes.derivedFromId) {
      const source = await manager.getRepository(LicenceEntity).findOneBy({ id: attributes.derivedFromId });
      if (!source) throw notFound('Licence', attributes.derivedFromId);
      if (!isInForce(source.status)) throw conflict(`A registration cannot derive from a ${source.status.toLowerCase()} licence`);
      if (source.level !== 'VOCATIONAL')
        throw validationFailed('A derived registration derives from a vocational programme', 'derivedFromLicenceId');
    }
    const stored = await insertLicence(
      manager,
      {
        id: randomUUID(),
        institutionId,
        programmeCode,
        programmeName,
        ...attributes,
        implementationPlaceId: place.id,
        implementationPlaceAddress: place.address,
        status: 'ACTIVE',
        issuedOn,
        decisionNumber,
        lapsedOn: null,
        endedOn: null,
        continuesId: null,
        continuedById: null,
      },
      [place],
      { kind: 'ISSUED', number: decisionNumber, date: issuedOn, changedFields: [], recordedBy: caller.subject ?? null },
    );
    await recordLicenceEvent(manager, 'licensing.licence.issued', stored.id, [
      'programmeCode',
      'programmeName',
      'level',
      'kind',
      'implementationPlaces',
      'status',
      'issuedOn',
      'decisionNumber',
    ]);
    return stored;
  });
  return { licence };
};
