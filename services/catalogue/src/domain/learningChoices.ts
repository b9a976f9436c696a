import { conflict, forbidden, validationFailed } from '@eq/shared/errors';
import type { SchoolViewer } from './bookingAccess';

/*
 * The measure's second and third indicators (source 003, "Sasniedzamie nacionālie rādītāji"):
 * - "izglītojamo īpatsvars, kuru vidusskolas starpdisciplinārā kursa "Projekta darbs" izvēli ir
 *   ietekmējusi norišu apmeklēšanas pieredze – vismaz 30 % no izglītojamo kopskaita vidusskolas
 *   posmā projektā iesaistītajās vispārējās vidējās izglītības iestādēs";
 * - "izglītojamo īpatsvars, kuru turpmāko mācīšanās izvēli pēc pamatizglītības un vidējās
 *   izglītības ieguves ir ietekmējusi norišu apmeklēšanas pieredze – vismaz 50 % no izglītojamo
 *   kopskaita pamata un vidējās izglītības pakāpē projektā iesaistītajās … iestādēs".
 * Bookings cannot tell whose choice was influenced, so each school reports its counts per school
 * year; the fund adds up the reports of its partner institutions.
 */
export const PROJECT_WORK_CHOICE_TARGET = 0.3;
export const FURTHER_LEARNING_CHOICE_TARGET = 0.5;

/** Most pupils one school reports: a bound against typing mistakes (Latvia's largest schools have about 2,000). */
export const MAX_REPORTED_PUPILS = 20_000;

/** One school's counts for one school year. */
export interface LearningChoiceCounts {
  /** Pupils of the secondary stage (grades 10-12). */
  secondaryPupils: number;
  /** Of them, those whose choice of the "Projekta darbs" course the activities influenced. */
  projectWorkInfluenced: number;
  /** Pupils of basic and secondary education (grades 1-12), the secondary ones included. */
  pupils: number;
  /** Of them, those whose further-learning choice the activities influenced. */
  furtherLearningInfluenced: number;
}

function assertPupils(value: number, field: keyof LearningChoiceCounts, most: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > most) {
    throw validationFailed(`${field} must be a whole number from 0 to ${most}, got ${value}`, field);
  }
  return value;
}

/** Counts a school may report: whole, non-negative, bounded, the influenced never more than their base. */
export function validateLearningChoices(input: LearningChoiceCounts): LearningChoiceCounts {
  const pupils = assertPupils(input.pupils, 'pupils', MAX_REPORTED_PUPILS);
  const secondaryPupils = assertPupils(input.secondaryPupils, 'secondaryPupils', pupils);
  return {
    secondaryPupils,
    projectWorkInfluenced: assertPupils(input.projectWorkInfluenced, 'projectWorkInfluenced', secondaryPupils),
    pupils,
    furtherLearningInfluenced: assertPupils(input.furtherLearningInfluenced, 'furtherLearningInfluenced', pupils),
  };
}

/** A school reports for a school year that has begun (1 September, Riga time): its choices are made during it. */
export function assertSchoolYearBegun(schoolYear: string, today: string): void {
  const begins = `${schoolYear.slice(0, 4)}-09-01`;
  if (today < begins) throw conflict(`The school year ${schoolYear} begins on ${begins}: its choices cannot be reported yet`);
}

/** One choice indicator of a group of schools against its target. */
export interface ChoiceIndicator {
  pupils: number;
  influenced: number;
  rate: number;
  targetRate: number;
  targetMet: boolean;
  reportingSchools: number;
}

function indicator(
  reports: readonly LearningChoiceCounts[],
  base: (report: LearningChoiceCounts) => number,
  influenced: (report: LearningChoiceCounts) => number,
  targetRate: number,
): ChoiceIndicator {
  const pupils = reports.reduce((sum, report) => sum + base(report), 0);
  const count = reports.reduce((sum, report) => sum + influenced(report), 0);
  const rate = pupils === 0 ? 0 : count / pupils;
  return { pupils, influenced: count, rate, targetRate, targetMet: pupils > 0 && rate >= targetRate, reportingSchools: reports.length };
}

/** The two choice indicators of a group of schools' reports (schools that did not report add nothing). */
export function summariseChoices(reports: readonly LearningChoiceCounts[]): {
  projectWorkChoice: ChoiceIndicator;
  furtherLearningChoice: ChoiceIndicator;
} {
  return {
    projectWorkChoice: indicator(
      reports,
      (r) => r.secondaryPupils,
      (r) => r.projectWorkInfluenced,
      PROJECT_WORK_CHOICE_TARGET,
    ),
    furtherLearningChoice: indicator(
      reports,
      (r) => r.pupils,
      (r) => r.furtherLearningInfluenced,
      FURTHER_LEARNING_CHOICE_TARGET,
    ),
  };
}

/** Who reports: a SCHOOL, for the institution its token names (the school knows its pupils' choices). */
export function reportingSchoolOf(viewer: SchoolViewer): string {
  if (viewer.role !== 'SCHOOL') throw forbidden(`Only a SCHOOL reports its learning choices; you are ${viewer.role}`);
  if (!viewer.institutionId) throw forbidden('Your token does not name the institution you act for');
  return viewer.institutionId.toLowerCase();
}

/** Whose reports a caller reads: FUND_ADMIN and OFFICER every school's (null), a SCHOOL its own; nobody else. */
export function learningChoiceReportsVisibleTo(viewer: SchoolViewer): string | null {
  if (viewer.role === 'FUND_ADMIN' || viewer.role === 'OFFICER') return null;
  if (viewer.role === 'SCHOOL') return reportingSchoolOf(viewer);
  throw forbidden(`Learning-choice reports are read by FUND_ADMIN, OFFICER and the reporting SCHOOL; you are ${viewer.role}`);
}
