import { validationFailed } from '@eq/shared';
import { readSchoolLedger } from '../store/fundLedger';
import { mayListSchoolBookings } from '../domain/bookingAccess';
import { schoolSemesterFunding } from '../domain/schoolSemesterFunding';
import { parseSemesterLabel } from '../domain/semesters';
import type { InstitutionResolvers } from '../generated/resolvers';

export const Institution: InstitutionResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  activitiesOffered: (institution, _args, { loaders }) => loaders.activitiesOffered.load(institution.id),
  // A school's bookings are its own business: others see an empty list, not an error, so a
  // public query of institutions does not fail on this field.
  bookings: (institution, _args, { loaders, caller }) =>
    mayListSchoolBookings(caller, institution.id) ? loaders.bookingsOfInstitution.load(institution.id) : [],
  // Its funding likewise: null for anyone but the school itself and the officials.
  semesterFunding: async (institution, { semester }, { db, caller, options }) => {
    if (!mayListSchoolBookings(caller, institution.id)) return null;
    const parsed = parseSemesterLabel(semester);
    if (!parsed) throw validationFailed('A semester is written "2025/2026-1" (autumn) or "2025/2026-2" (spring)', 'semester');
    const ledger = await readSchoolLedger(db.manager, institution.id, parsed.label, parsed.schoolYear);
    return schoolSemesterFunding(options.fund, ledger, parsed);
  },
};
