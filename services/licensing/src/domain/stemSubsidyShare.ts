import { validationFailed } from '@eq/shared/errors';

/**
 * The minimum share of a municipality's targeted subsidy for interest education that goes to
 * STEM programmes (area AT), per school year (`state-significance-centres.json`,
 * stemShareOfTargetedSubsidy). Copied as data; a unit test compares it with the reference.
 */
export const STEM_SHARE_MINIMUMS = [
  { schoolYear: '2024/2025', minimumPercent: 10 },
  { schoolYear: '2025/2026', minimumPercent: 15 },
  { schoolYear: '2026/2027', minimumPercent: 20 },
] as const;

const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;

/** A school year "2024/2025" runs from 1 September 2024 to 31 August 2025. */
export function schoolYearBounds(schoolYear: string): { from: string; to: string } {
  const match = SCHOOL_YEAR.exec(schoolYear);
  if (!match || Number(match[2]) !== Number(match[1]) + 1)
    throw validationFailed(`A school year reads "2024/2025", got "${schoolYear}"`, 'schoolYear');
  return { from: `${match[1]}-09-01`, to: `${match[2]}-08-31` };
}

/** The school year a date falls in. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '09-01' ? year : year - 1;
  return `${start}/${start + 1}`;
}

/**
 * The minimum for a school year: the year's own, or, after the last year listed, the last one.
 * Source 000 sets 20 % "no 2026./2027. mācību gada" (from 2026/27 on), not for that year alone.
 * Years before the first listed have no minimum.
 */
export function minimumStemPercent(schoolYear: string): number | null {
  const start = Number(schoolYearBounds(schoolYear).from.slice(0, 4));
  let minimum: number | null = null;
  for (const listed of STEM_SHARE_MINIMUMS) {
    if (Number(listed.schoolYear.slice(0, 4)) <= start) minimum = listed.minimumPercent;
  }
  return minimum;
}

export interface SubsidisedProgramme {
  areaCode: string | null;
  startsOn: string;
  endsOn: string | null;
  annualTargetedSubsidyCents: number;
}

export interface StemShare {
  schoolYear: string;
  totalCents: number;
  stemCents: number;
  /** Null when there is no subsidy at all that year. */
  stemPercent: number | null;
  minimumPercent: number | null;
  /** Null when the year has no minimum, or no subsidy to measure. */
  meetsMinimum: boolean | null;
}

/** A programme counts in a school year when it runs on any day of it. */
export function runsDuring(programme: Pick<SubsidisedProgramme, 'startsOn' | 'endsOn'>, schoolYear: string): boolean {
  const { from, to } = schoolYearBounds(schoolYear);
  return programme.startsOn <= to && (programme.endsOn === null || programme.endsOn >= from);
}

/**
 * A municipality's STEM share for one school year. Policy (the source gives the minimum, not
 * the counting rule): each programme running during the year counts with its whole annual
 * amount, once per school year; the share is rounded to one decimal and compared unrounded.
 */
export function stemShare(programmes: readonly SubsidisedProgramme[], schoolYear: string, stemArea = 'AT'): StemShare {
  const counted = programmes.filter((programme) => runsDuring(programme, schoolYear));
  const totalCents = counted.reduce((sum, programme) => sum + programme.annualTargetedSubsidyCents, 0);
  const stemCents = counted
    .filter((programme) => programme.areaCode === stemArea)
    .reduce((sum, programme) => sum + programme.annualTargetedSubsidyCents, 0);
  const minimumPercent = minimumStemPercent(schoolYear);
  const exact = totalCents === 0 ? null : (stemCents * 100) / totalCents;
  return {
    schoolYear,
    totalCents,
    stemCents,
    stemPercent: exact === null ? null : Math.round(exact * 10) / 10,
    minimumPercent,
    meetsMinimum: exact === null || minimumPercent === null ? null : exact >= minimumPercent,
  };
}

/** The school year after `schoolYear`. */
export function nextSchoolYear(schoolYear: string): string {
  const start = Number(schoolYearBounds(schoolYear).from.slice(0, 4)) + 1;
  return `${start}/${start + 1}`;
}

/**
 * The report's years, in order, up to `lastYear`: every year from the first with a minimum (the
 * minimum holds from then on), and every year a programme runs in.
 */
export function reportYears(programmes: readonly SubsidisedProgramme[], lastYear: string): string[] {
  const years = new Set<string>();
  const last = schoolYearBounds(lastYear).from;
  for (let year: string = STEM_SHARE_MINIMUMS[0].schoolYear; schoolYearBounds(year).from <= last; year = nextSchoolYear(year))
    years.add(year);
  for (const programme of programmes) {
    let year = schoolYearOf(programme.startsOn);
    for (let guard = 0; guard < 50 && schoolYearBounds(year).from <= last; guard += 1) {
      if (!runsDuring(programme, year)) break;
      years.add(year);
      year = nextSchoolYear(year);
    }
  }
  return [...years].sort();
}
