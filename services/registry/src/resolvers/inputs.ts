import { parsePersonalCode } from '@eq/shared/personalCode';
import type { FounderSnapshot, PlaceSnapshot } from '../domain/institutionSnapshot';
import { assertFounder } from '../domain/institutionRules';
import type { Context } from '../context';
import type { FounderInput, ImplementationPlaceInput } from '../generated/resolvers';

/** A validated founder: its public snapshot and, for a natural person, the restricted personal code. */
export function founderFromInput(
  input: FounderInput,
  { municipalities, clock }: Context,
): { founder: FounderSnapshot; personalCode: string | null } {
  assertFounder(input);
  const municipality = input.municipality?.trim() ? municipalities.canonical(input.municipality, 'founder.municipality') : null;
  const personalCode = input.kind === 'NATURAL_PERSON' ? parsePersonalCode(input.personalCode!, clock.today()).value : null;
  return { founder: { kind: input.kind, name: input.name.trim(), municipality }, personalCode };
}

/** Places with their municipality spelled as the classifier spells it (ids are given later). */
export function placesFromInput(
  inputs: readonly ImplementationPlaceInput[],
  { municipalities }: Context,
): Array<Omit<PlaceSnapshot, 'id'>> {
  return inputs.map((place, index) => ({
    address: place.address.trim(),
    municipality: municipalities.canonical(place.municipality, `implementationPlaces.${index}.municipality`),
    planningRegion: place.planningRegion,
  }));
}
