import { randomUUID } from 'node:crypto';
import { assertUuid, validationFailed } from '@eq/shared';
import { IsNull } from 'typeorm';
import { assertLicenceAttributes, type LicenceAttributes } from '../domain/licenceKinds';
import { assertPlaceCanBeAdded, assertPlaceCanBeRemoved } from '../domain/licenceLifecycle';
import { assertCanLicence, assertInstitutionActive, assertProgrammeCode, assertText } from '../domain/licenceRules';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { LicencePlaceEntity } from '../entities/licencePlace';
import { recordLicenceEvent } from '../events/out/licenceEvents';
import type { MutationResolvers } from '../generated/resolvers';
import { assertProgrammeFreeAt, currentPlaces, insertLicence } from '../store/licenceStore';
import { decideOnLicence } from './decideOnLicence';

const AMENDABLE = [
  'programmeName',
  'specialNeedsCategory',
  'latvianStudiesPermit',
  'accreditationProof',
  'professionalOrientationField',
] as const;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const amendLicence: MutationResolvers['amendLicence'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    licenceId: input.licenceId,
    decision: input.decision,
    reason: input.reason,
    action: 'AMENDED',
    eventType: 'licensing.licence.amended',
    apply: ({ licence }) => {
      const given = {
        programmeName: input.programmeName == null ? undefined : assertText(input.programmeName, 'programmeName'),
        specialNeedsCategory: input.specialNeedsCategory ?? undefined,
        latvianStudiesPermit: input.latvianStudiesPermit ?? undefined,
        accreditationProof: input.accreditationProof ?? undefined,
        professionalOrientationField: input.professionalOrientationField ?? undefined,
      };
      const merged = {
        ...licence,
        ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
      } as LicenceRecord;
      // The kind's rules hold for the amended licence as they did for the issued one.
      const attributes = assertLicenceAttributes(merged as LicenceAttributes);
      const next = { ...merged, ...attributes };
      const changedFields = AMENDABLE.filter((field) => !sameValue(next[field], licence[field]));
      if (changedFields.length === 0) throw validationFailed('The amendment changes nothing', 'licenceId');
      return { fields: Object.fromEntries(changedFields.map((field) => [field, next[field]])), changedFields: [...changedFields] };
    },
  }),
});

export const addLicensedPlace: MutationResolvers['addLicensedPlace'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    licenceId: input.licenceId,
    decision: input.decision,
    action: 'PLACE_ADDED',
    eventType: 'licensing.licence.place-added',
    apply: async ({ licence, institution, decision, manager }) => {
      const placeId = assertUuid(input.implementationPlaceId, 'implementationPlaceId');
      assertCanLicence(institution, licence.institutionId, placeId);
      const place = assertPlaceCanBeAdded(
        await currentPlaces(manager, licence.id),
        institution!.implementationPlaces,
        placeId,
        institution!.name,
      );
      await assertProgrammeFreeAt(manager, licence.programmeCode, [place], licence.id);
      // A place removed earlier and licensed again gets its row back.
      await manager
        .getRepository(LicencePlaceEntity)
        .upsert({ licenceId: licence.id, placeId: place.id, address: place.address, addedOn: decision.date, removedOn: null }, [
          'licenceId',
          'placeId',
        ]);
      return { changedFields: ['implementationPlaces'] };
    },
  }),
});

export const removeLicensedPlace: MutationResolvers['removeLicensedPlace'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    licenceId: input.licenceId,
    decision: input.decision,
    action: 'PLACE_REMOVED',
    eventType: 'licensing.licence.place-removed',
    apply: async ({ licence, decision, manager }) => {
      const placeId = assertUuid(input.implementationPlaceId, 'implementationPlaceId');
      assertPlaceCanBeRemoved(await currentPlaces(manager, licence.id), placeId);
      await manager
        .getRepository(LicencePlaceEntity)
        .update({ licenceId: licence.id, placeId, removedOn: IsNull() }, { removedOn: decision.date });
      return { changedFields: ['implementationPlaces'] };
    },
  }),
});

export const suspendLicence: MutationResolvers['suspendLicence'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    ...input,
    action: 'SUSPENDED',
    eventType: 'licensing.licence.suspended',
    apply: () => ({ changedFields: [] }),
  }),
});

export const revokeLicence: MutationResolvers['revokeLicence'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    ...input,
    action: 'REVOKED',
    eventType: 'licensing.licence.revoked',
    apply: ({ decision }) => ({ fields: { endedOn: decision.date }, changedFields: ['endedOn', 'revokedOn'] }),
  }),
});

/**
 * Rights come back only while the institution is active, and only if no other licence took
 * over the programme at the licence's places meanwhile.
 */
export const restoreLicenceRights: MutationResolvers['restoreLicenceRights'] = async (_parent, { input }, context) => ({
  licence: await decideOnLicence(context, {
    ...input,
    action: 'RIGHTS_RESTORED',
    eventType: 'licensing.licence.restored',
    apply: async ({ licence, institution, manager }) => {
      assertInstitutionActive(institution, licence.institutionId);
      await assertProgrammeFreeAt(manager, licence.programmeCode, await currentPlaces(manager, licence.id), licence.id);
      return licence.endedOn ? { fields: { endedOn: null }, changedFields: ['endedOn', 'revokedOn'] } : { changedFields: [] };
    },
  }),
});

/** The new licence takes the old one's places and kind-specific attributes, under the new template. */
export const relicenseLicence: MutationResolvers['relicenseLicence'] = async (_parent, { input }, context) => {
  const programmeCode = assertProgrammeCode(input.programmeCode);
  const programmeName = assertText(input.programmeName, 'programmeName');
  let successor: LicenceRecord | undefined;
  const previous = await decideOnLicence(context, {
    licenceId: input.licenceId,
    decision: input.decision,
    action: 'RELICENSED',
    eventType: 'licensing.licence.relicensed',
    apply: async ({ licence, institution, decision, manager }) => {
      assertInstitutionActive(institution, licence.institutionId);
      const kind = input.kind ?? licence.kind;
      const attributes = assertLicenceAttributes({
        ...licence,
        kind,
        professionalOrientationField:
          input.professionalOrientationField ?? (kind === 'PROFESSIONAL_ORIENTATION' ? licence.professionalOrientationField : null),
        derivedFromId: kind === 'DERIVED' ? licence.derivedFromId : null,
        specialNeedsCategory: kind === 'SPECIAL' ? licence.specialNeedsCategory : null,
        internationalProgramme: kind === 'INTERNATIONAL' ? licence.internationalProgramme : null,
        latvianStudiesPermit: kind === 'INTERNATIONAL' ? licence.latvianStudiesPermit : null,
        accreditationProof: kind === 'INTERNATIONAL' ? licence.accreditationProof : null,
      });
      const places = await currentPlaces(manager, licence.id);
      // The old licence ends before the new one covers its places.
      await manager.getRepository(LicenceEntity).update({ id: licence.id }, { status: 'RELICENSED', endedOn: decision.date });
      await assertProgrammeFreeAt(manager, programmeCode, places);
      const id = randomUUID();
      successor = await insertLicence(
        manager,
        {
          ...licence,
          ...attributes,
          id,
          programmeCode,
          programmeName,
          implementationPlaceId: places[0]!.id,
          implementationPlaceAddress: places[0]!.address,
          status: 'ACTIVE',
          issuedOn: decision.date,
          decisionNumber: decision.number,
          lapsedOn: null,
          endedOn: null,
          continuesId: licence.id,
          continuedById: null,
        },
        places,
        {
          kind: 'ISSUED',
          number: decision.number,
          date: decision.date,
          changedFields: [],
          reason: `Re-licensed from licence ${licence.id}`,
          recordedBy: context.caller.subject ?? null,
        },
      );
      await recordLicenceEvent(manager, 'licensing.licence.issued', id, [
        'programmeCode',
        'programmeName',
        'level',
        'kind',
        'implementationPlaces',
        'status',
        'issuedOn',
        'decisionNumber',
        'continuesId',
      ]);
      return { fields: { endedOn: decision.date, continuedById: id }, changedFields: ['endedOn', 'continuedById'] };
    },
  });
  return { previous, licence: successor! };
};
