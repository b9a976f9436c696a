import { calendarDay } from '@eq/shared/calendarDay';
import { conflict, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { assertSelectable } from './interestClassifier';
import { assertAnnualSubsidy } from './interestProgrammeRules';
import { assertText } from './licenceRules';
import { runsDuring, schoolYearBounds } from './stemSubsidyShare';

/** What a programme was from `validFrom` to `validTo`: one period of its history. */
export interface ProgrammeVersion {
  validFrom: string;
  /** Null for the period still running (or running until the programme's end). */
  validTo: string | null;
  name: string;
  classifierCode: string;
  areaCode: string | null;
  annualTargetedSubsidyCents: number;
}

export interface ProgrammeHistory {
  startsOn: string;
  endsOn: string | null;
  /** Oldest first; the first starts on `startsOn`, each next one the day after the previous ends. */
  versions: readonly ProgrammeVersion[];
}

/** A change that takes effect from a date: an amendment of name or subsidy, or a reclassification. */
export type ProgrammeChange =
  { kind: 'AMENDED'; name?: string | null; annualTargetedSubsidyCents?: number | null } | { kind: 'RECLASSIFIED'; classifierCode: string };

export interface PlannedVersion {
  /** The period the change closes: the current one, ending the day before the change. */
  closed: { validFrom: string; validTo: string };
  next: ProgrammeVersion;
  changedFields: string[];
}

const DAY_MS = 86_400_000;
const dayBefore = (date: string) => calendarDay(new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS));

function latest(history: ProgrammeHistory): ProgrammeVersion {
  const version = history.versions.at(-1);
  if (!version) throw conflict('The programme has no recorded version');
  return version;
}

/**
 * The version a change opens from `effectiveFrom`. History is appended, never rewritten: the
 * change takes effect after the latest version began, and not after the programme ended. A
 * reclassification takes an entry valid on its effective date, so a programme registered under
 * the earlier classifier moves to the current one (source 000: "Programmas, kuru apguve saistīta
 * ar tehnoloģiju izmantošanu, t.sk. radošajām industrijām, no Kultūrizglītības pārceltas uz STEM").
 */
export function planVersion(history: ProgrammeHistory, change: ProgrammeChange, effectiveFrom: string): PlannedVersion {
  if (!isIsoDate(effectiveFrom)) throw validationFailed('effectiveFrom must be YYYY-MM-DD', 'effectiveFrom');
  const current = latest(history);
  if (effectiveFrom <= current.validFrom)
    throw conflict(`The programme's latest version applies from ${current.validFrom}: a change must take effect after that day`);
  if (history.endsOn !== null && effectiveFrom > history.endsOn)
    throw conflict(`The programme ends on ${history.endsOn}: a change cannot take effect after that`);
  const next: ProgrammeVersion = { ...current, validFrom: effectiveFrom, validTo: history.endsOn };
  if (change.kind === 'RECLASSIFIED') {
    const entry = assertSelectable(change.classifierCode.trim(), effectiveFrom);
    if (entry.code === current.classifierCode)
      throw validationFailed(`The programme is already classified as ${entry.code}`, 'classifierCode');
    next.classifierCode = entry.code;
    next.areaCode = entry.area;
  } else {
    if (change.name != null) next.name = assertText(change.name, 'name');
    if (change.annualTargetedSubsidyCents != null) next.annualTargetedSubsidyCents = assertAnnualSubsidy(change.annualTargetedSubsidyCents);
  }
  const changedFields = (['name', 'classifierCode', 'areaCode', 'annualTargetedSubsidyCents'] as const).filter(
    (field) => next[field] !== current[field],
  );
  if (changedFields.length === 0) throw validationFailed('The amendment changes nothing', 'programmeId');
  return { closed: { validFrom: current.validFrom, validTo: dayBefore(effectiveFrom) }, next, changedFields };
}

/**
 * The day a programme ends by a decision: not before its latest version began (the history
 * would lose a period), and earlier than a planned end it already has (ending is not extending).
 */
export function planEnd(history: ProgrammeHistory, endsOn: string): string {
  if (!isIsoDate(endsOn)) throw validationFailed('endsOn must be YYYY-MM-DD', 'endsOn');
  const current = latest(history);
  if (endsOn < current.validFrom)
    throw validationFailed(`The programme's latest version applies from ${current.validFrom}: it cannot end before that`, 'endsOn');
  if (history.endsOn !== null && endsOn >= history.endsOn) throw conflict(`The programme already ends on ${history.endsOn}`);
  return endsOn;
}

/** More than this in one programme is a typing error (the largest centres must teach at least 1400, source 001). */
export const MAX_PROGRAMME_LEARNERS = 100_000;

/**
 * A learner number for one school year: a whole number, for a year the programme runs in and
 * that has begun by `today` (numbers are counted, not planned).
 */
export function assertLearnerReport(
  programme: Pick<ProgrammeHistory, 'startsOn' | 'endsOn'>,
  schoolYear: string,
  learners: number,
  today: string,
): { schoolYear: string; learners: number } {
  const { from } = schoolYearBounds(schoolYear);
  if (!Number.isInteger(learners) || learners < 0 || learners > MAX_PROGRAMME_LEARNERS)
    throw validationFailed(`learners must be a whole number from 0 to ${MAX_PROGRAMME_LEARNERS}`, 'learners');
  if (!runsDuring(programme, schoolYear)) throw validationFailed(`The programme does not run in ${schoolYear}`, 'schoolYear');
  if (from > today) throw validationFailed(`${schoolYear} has not begun: learners are reported once it has`, 'schoolYear');
  return { schoolYear, learners };
}
