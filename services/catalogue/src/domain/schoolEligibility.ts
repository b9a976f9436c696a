import { conflict, notFound } from '@eq/shared/errors';

/**
 * Institution types of the measure's target group (reference `targetGroup`): institutions with
 * compulsory pre-school programmes and general or vocational schools with full-time basic and
 * secondary programmes. Interest-education, professional-orientation and evening or distance
 * schools are outside it.
 */
export const ELIGIBLE_SCHOOL_TYPES: ReadonlySet<string> = new Set([
  'PRESCHOOL',
  'PRIMARY_SCHOOL',
  'BASIC_SCHOOL',
  'SECONDARY_SCHOOL',
  'GYMNASIUM',
  'STATE_GYMNASIUM',
  'SPECIAL_SCHOOL',
  'VOCATIONAL_SCHOOL',
  'INTERNATIONAL_SCHOOL',
]);

export interface SchoolView {
  id: string;
  name: string;
  type: string;
  status: string;
}

/** A booking school must be known from the register's events, active and of an eligible type. */
export function assertEligibleSchool(institutionId: string, school: SchoolView | null): SchoolView {
  if (!school) throw notFound('Institution', institutionId);
  if (school.status !== 'ACTIVE')
    throw conflict(`${school.name} is ${school.status.toLowerCase()} in the register: it cannot book activities`);
  if (!ELIGIBLE_SCHOOL_TYPES.has(school.type)) throw conflict(`${school.name} (${school.type}) is not in the measure's target group`);
  return school;
}
