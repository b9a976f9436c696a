import { validationFailed } from '@eq/shared/errors';

/** A school year's minimum STEM share of the targeted subsidy, in percent. */
export interface StemMinimum {
  schoolYear: string;
  minimumPercent: number;
}

/** Minimums in school-year order; each holds from its year until the next one listed. */
export type StemMinimums = readonly StemMinimum[];

/**
 * The minimum share of a municipality's targeted subsidy for interest education that goes to
 * STEM programmes (area AT), per school year (`state-significance-centres.json`,
 * stemShareOfTargetedSubsidy; source 001: 10 % in 2024/25, 15 % in 2025/26, 20 % in 2026/27).
 * The service's default; `LICENSING_STEM_MINIMUMS` replaces it. A unit test compares it with the reference.
 */
export const STEM_SHARE_MINIMUMS: StemMinimums = [
  { schoolYear: '2024/2025', minimumPercent: 10 },
  { schoolYear: '2025/2026', minimumPercent: 15 },
  { schoolYear: '2026/2027', minimumPercent: 20 },
];

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
 * Reads minimums written as `2024/2025=10,2025/2026=15,2026/2027=20` (percent), as
 * `LICENSING_STEM_MINIMUMS` gives them; an empty text means no minimum at all. Each year's
 * minimum holds until the next year listed, so the last one holds from its year on.
 */
export function parseStemMinimums(text: string): StemMinimum[] {
  const minimums: StemMinimum[] = [];
  for (const item of text.split(',').map((part) => part.trim())) {
    if (item === '') continue;
    const [schoolYear = '', percent = ''] = item.split('=').map((part) => part.trim());
    const match = SCHOOL_YEAR.exec(schoolYear);
    if (!match || Number(match[2]) !== Number(match[1]) + 1) throw new Error(`"${item}": the school year reads 2026/2027`);
    const minimumPercent = Number(percent);
    if (percent === '' || !Number.isFinite(minimumPercent) || minimumPercent < 0 || minimumPercent > 100)
      throw new Error(`"${item}": the minimum is a percentage from 0 to 100`);
    if (minimums.some((listed) => listed.schoolYear === schoolYear)) throw new Error(`${schoolYear} is listed twice`);
    minimums.push({ schoolYear, minimumPercent });
  }
  return minimums.sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
}

/**
 * The minimum for a school year: the year's own, or the last one listed before it. Source 000
 * sets 20 % "no 2026./2027. mācību gada" (from 2026/27 on), not for that year alone. Years
 * before the first listed have no minimum.
 */
export function minimumStemPercent(schoolYear: string, minimums: StemMinimums = STEM_SHARE_MINIMUMS): number | null {
  const start = schoolYearBounds(schoolYear).from;
  let minimum: number | null = null;
  for (const listed of minimums) {
    if (schoolYearBounds(listed.schoolYear).from <= start) minimum = listed.minimumPercent;
  }
  return minimum;
}

/** What a programme was, from one decision to the next: its area and annual subsidy in that period. */
export interface ProgrammeTerms {
  validFrom: string;
  /** Null for the period still running. */
  validTo: string | null;
  areaCode: string | null;
  annualTargetedSubsidyCents: number;
}

export interface SubsidisedProgramme {
  startsOn: string;
  endsOn: string | null;
  /** Its periods, oldest first, from `startsOn` without gaps. */
  versions: readonly ProgrammeTerms[];
  /** Learners reported, by school year. */
  learners?: Readonly<Record<string, number>>;
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
  /** Learners reported for the year's programmes, and those in STEM programmes. */
  learners: number;
  stemLearners: number;
  /** STEM's share of the learners reported; null when none are. */
  stemLearnerPercent: number | null;
  /** Programmes counted in the year with no learner number reported for it. */
  programmesWithoutLearners: number;
}

/** A programme counts in a school year when it runs on any day of it. */
export function runsDuring(programme: Pick<SubsidisedProgramme, 'startsOn' | 'endsOn'>, schoolYear: string): boolean {
  const { from, to } = schoolYearBounds(schoolYear);
  return programme.startsOn <= to && (programme.endsOn === null || programme.endsOn >= from);
}

/**
 * The terms that count for a school year: those in force on 1 September, or on the programme's
 * first day when it starts later in the year. Policy (the sources set the minimum per school
 * year, not a counting rule): a school year's subsidy is planned at its start, so a programme
 * reclassified to STEM from 1 September counts as STEM from that year on, and one reclassified
 * mid-year from the next year on, never before. Null when the programme does not run that year.
 */
export function termsForYear(programme: SubsidisedProgramme, schoolYear: string): ProgrammeTerms | null {
  if (!runsDuring(programme, schoolYear)) return null;
  const { from } = schoolYearBounds(schoolYear);
  const day = programme.startsOn > from ? programme.startsOn : from;
  return (
    programme.versions.find((version) => version.validFrom <= day && (version.validTo === null || version.validTo >= day)) ??
    programme.versions[0] ??
    null
  );
}

const percent = (part: number, whole: number) => (whole === 0 ? null : (part * 100) / whole);
const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/**
 * A municipality's STEM share for one school year. Each programme running during the year
 * counts once, with the annual amount and area of the terms in force for the year
 * (`termsForYear`); the share is rounded to one decimal and compared unrounded. The minimum is
 * of the subsidy ("ne mazāk kā 20% no mērķdotācijas", source 000), so learner numbers do not
 * weight it: they give STEM's share of the learners beside it (source 001 reports both: about
 * 12 % of the subsidy, 18.7 % of the pupils).
 */
export function stemShare(
  programmes: readonly SubsidisedProgramme[],
  schoolYear: string,
  { minimums = STEM_SHARE_MINIMUMS, stemArea = 'AT' }: { minimums?: StemMinimums; stemArea?: string } = {},
): StemShare {
  let totalCents = 0;
  let stemCents = 0;
  let learners = 0;
  let stemLearners = 0;
  let programmesWithoutLearners = 0;
  for (const programme of programmes) {
    const terms = termsForYear(programme, schoolYear);
    if (!terms) continue;
    const stem = terms.areaCode === stemArea;
    totalCents += terms.annualTargetedSubsidyCents;
    if (stem) stemCents += terms.annualTargetedSubsidyCents;
    const reported = programme.learners?.[schoolYear];
    if (reported === undefined) programmesWithoutLearners += 1;
    else {
      learners += reported;
      if (stem) stemLearners += reported;
    }
  }
  const minimumPercent = minimumStemPercent(schoolYear, minimums);
  const exact = percent(stemCents, totalCents);
  return {
    schoolYear,
    totalCents,
    stemCents,
    stemPercent: oneDecimal(exact),
    minimumPercent,
    meetsMinimum: exact === null || minimumPercent === null ? null : exact >= minimumPercent,
    learners,
    stemLearners,
    stemLearnerPercent: oneDecimal(percent(stemLearners, learners)),
    programmesWithoutLearners,
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
export function reportYears(
  programmes: ReadonlyArray<Pick<SubsidisedProgramme, 'startsOn' | 'endsOn'>>,
  lastYear: string,
  minimums: StemMinimums = STEM_SHARE_MINIMUMS,
): string[] {
  const years = new Set<string>();
  const last = schoolYearBounds(lastYear).from;
  const first = minimums[0]?.schoolYear;
  if (first !== undefined) for (let year: string = first; schoolYearBounds(year).from <= last; year = nextSchoolYear(year)) years.add(year);
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
