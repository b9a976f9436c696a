import { assertUuid, requireRole, Role, validationFailed } from '@eq/shared';
import type { InstitutionSnapshot } from '../domain/institutionSnapshot';
import { assertHasPlaces, assertInstitutionName, normaliseContacts, normaliseOptionalText } from '../domain/institutionRules';
import { InstitutionEntity } from '../entities/institution';
import type { MutationResolvers } from '../generated/resolvers';
import { newPlaces } from '../store/institutionStore';
import { decideOnInstitution } from './decide';
import { founderFromInput, placesFromInput } from './inputs';

export const amendInstitution: MutationResolvers['amendInstitution'] = async (_parent, { input }, context) => {
  requireRole(context.caller, Role.OFFICER);
  const id = assertUuid(input.id);
  const founder = input.founder ? founderFromInput(input.founder, context) : undefined;
  const added = newPlaces(placesFromInput(input.addImplementationPlaces ?? [], context));
  const removedIds = new Set(
    (input.removeImplementationPlaceIds ?? []).map((placeId) => assertUuid(placeId, 'removeImplementationPlaceIds')),
  );
  const notes = input.internalNotes === undefined ? undefined : normaliseOptionalText(input.internalNotes, 'internalNotes', 4000);

  return context.db.transaction((manager) =>
    decideOnInstitution(context, {
      id,
      kind: 'AMENDMENT',
      decision: input.decision,
      manager,
      decide: async ({ record, places }) => {
        const next: Partial<InstitutionSnapshot> = {};
        if (input.name != null) next.name = assertInstitutionName(input.name);
        if (input.type != null) next.type = input.type;
        if (founder) next.founder = founder.founder;
        if (input.planningRegion != null) next.planningRegion = input.planningRegion;
        if (input.headName !== undefined) next.headName = normaliseOptionalText(input.headName, 'headName');
        if (input.contacts !== undefined) next.contacts = normaliseContacts(input.contacts);
        if (added.length > 0 || removedIds.size > 0) {
          const unknown = [...removedIds].filter((placeId) => !places.some((place) => place.id === placeId));
          if (unknown.length > 0)
            throw validationFailed(`Not places of ${record.name}: ${unknown.join(', ')}`, 'removeImplementationPlaceIds');
          const kept = places.filter((place) => !removedIds.has(place.id));
          next.implementationPlaces = [
            ...kept.map(({ id: placeId, address, municipality, planningRegion }) => ({
              id: placeId,
              address,
              municipality,
              planningRegion,
            })),
            ...added,
          ];
          assertHasPlaces(next.implementationPlaces);
        }
        // Restricted fields are not part of the public history: they change with the decision.
        const restricted = {
          ...(founder ? { founderPersonalCode: founder.personalCode } : {}),
          ...(notes !== undefined ? { internalNotes: notes } : {}),
        };
        if (Object.keys(restricted).length > 0) await manager.getRepository(InstitutionEntity).update({ id }, restricted);
        if (Object.keys(next).length === 0 && Object.keys(restricted).length === 0)
          throw validationFailed('The amendment changes nothing', 'id');
        return next;
      },
    }),
  );
};
