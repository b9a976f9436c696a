import { DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import type { LearnerCountPolicy } from './learnerCountPolicy';

/** A school year as learner counts know it: "2025/2026", counted as of 1 September 2025. */
export interface SchoolYear {
  /** "2025/2026" */
  label: string;
  /** 2025 */
  startYear: number;
  /** The day the counts describe: 1 September of the first year, "2025-09-01". */
  asOf: string;
}

const SCHOOL_YEAR = /^(\d{4})\/(\d{4})$/;

/** Parses "2025/2026": two consecutive years, not before the policy's earliest. */
export function parseSchoolYear(value: string, policy: Pick<LearnerCountPolicy, 'earliestSchoolYearStart'>): SchoolYear {
  const label = value.trim();
  const match = SCHOOL_YEAR.exec(label);
  if (!match) throw validationFailed(`A school year is written "2025/2026", got "${value.slice(0, 20)}"`, 'schoolYear');
  const startYear = Number(match[1]);
  if (Number(match[2]) !== startYear + 1) {
    throw validationFailed(`A school year spans two consecutive years ("${startYear}/${startYear + 1}"), got "${label}"`, 'schoolYear');
  }
  if (startYear < policy.earliestSchoolYearStart) {
    throw validationFailed(
      `Learner counts are kept from school year ${policy.earliestSchoolYearStart}/${policy.earliestSchoolYearStart + 1}`,
      'schoolYear',
    );
  }
  return { label, startYear, asOf: schoolYearAsOf(startYear) };
}

/** Counts describe 1 September of the school year's first year (`rules.json`: learnerCounts.asOf). */
export function schoolYearAsOf(schoolYear: number | string): string {
  const startYear = typeof schoolYear === 'number' ? schoolYear : Number(schoolYear.slice(0, 4));
  return `${startYear}-09-01`;
}

/**
 * Counts describe 1 September, so a report can be prepared from that day on (today in Latvia),
 * never for a school year that has not begun.
 */
export function assertSchoolYearHasBegun(year: SchoolYear, todayInLatvia: string): void {
  if (todayInLatvia < year.asOf) {
    throw validationFailed(`School year ${year.label} begins on ${year.asOf}; its learners can be counted from that day`, 'schoolYear');
  }
}

/** The UTC offset of `timeZone` at `instant`, in milliseconds (positive east of Greenwich). */
function offsetMs(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the wall clock of `timeZone` shows `date` `time` (daylight saving
 * included: 23:59 in Riga is 20:59 UTC in September, 21:59 UTC in winter). The offset is
 * looked up twice because it may change between the naive guess and the real instant. A time
 * that a spring-forward gap skips resolves to an hour later; one an autumn fall-back repeats
 * resolves to its second (later) occurrence, the more generous reading for a deadline.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const first = naive - offsetMs(timeZone, naive);
  return new Date(naive - offsetMs(timeZone, first));
}

/** When the school year's reports may be locked, per the policy's local deadline. */
export function lockDeadlineOf(year: SchoolYear, policy: Pick<LearnerCountPolicy, 'lockDeadline'>): Date {
  const { month, day, time, timeZone } = policy.lockDeadline;
  const date = `${year.startYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return zonedTimeToInstant(date, time, timeZone);
}

/**
 * Locking ends the school's and the founder's chance to cancel and correct a report, so it is
 * refused (CONFLICT) before the deadline; from the deadline's minute on it is allowed.
 */
export function assertLockDeadlinePassed(year: SchoolYear, now: Date, policy: Pick<LearnerCountPolicy, 'lockDeadline'>): Date {
  const deadline = lockDeadlineOf(year, policy);
  if (now.getTime() < deadline.getTime()) {
    const { month, day, time, timeZone } = policy.lockDeadline;
    const local = `${year.startYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${time}`;
    throw new DomainError(
      ErrorCode.CONFLICT,
      `School year ${year.label} can be locked only after its deadline, ${local} ${timeZone} time; until then reports may still be corrected`,
      { deadline: deadline.toISOString() },
    );
  }
  return deadline;
}
