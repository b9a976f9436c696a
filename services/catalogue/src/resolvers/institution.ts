import { mayListSchoolBookings } from '../domain/bookingAccess';
import type { InstitutionResolvers } from '../generated/resolvers';

export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  activitiesOffered: (institution, _args, { loaders }) => loaders.activitiesOffered.load(institution.id),
  // A school's bookings are its own business: others see an empty list, not an error, so a
  // public query of institutions does not fail on this field.
  bookings: (institution, _args, { loaders, caller }) =>
    mayListSchoolBookings(caller, institution.id) ? loaders.bookingsOfInstitution.load(institution.id) : [],
};
