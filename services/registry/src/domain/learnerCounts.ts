import { conflict, validationFailed } from '@eq/shared/errors';
import type { LearnerCountPolicy } from './learnerCountPolicy';

/**
 * What a report counts, as of 1 September: children aged 5 and 6 in pre-school education (the
 * two compulsory pre-school years) and pupils of grades 1-12, in this order.
 */
export const LEARNER_GROUPS = [
  'preschoolAge5',
  'preschoolAge6',
  'grade1',
  'grade2',
  'grade3',
  'grade4',
  'grade5',
  'grade6',
  'grade7',
  'grade8',
  'grade9',
  'grade10',
  'grade11',
  'grade12',
] as const;

export type LearnerGroup = (typeof LEARNER_GROUPS)[number];
export type LearnerCounts = Record<LearnerGroup, number>;

/**
 * Every group must be stated (0 where the institution has none), so a forgotten grade is an
 * error rather than a silent zero; each count is a whole number from 0 to the policy's bound.
 */
export function assertLearnerCounts(
  input: Partial<Record<LearnerGroup, number | null | undefined>>,
  policy: Pick<LearnerCountPolicy, 'maxLearnersPerGroup'>,
): LearnerCounts {
  const counts = {} as LearnerCounts;
  for (const group of LEARNER_GROUPS) {
    const value = input[group];
    const field = `counts.${group}`;
    if (value === null || value === undefined)
      throw validationFailed(`The count for ${group} is missing (state 0 where there are none)`, field);
    if (!Number.isSafeInteger(value) || value < 0)
      throw validationFailed(`The count for ${group} must be a whole number of zero or more, got ${value}`, field);
    if (value > policy.maxLearnersPerGroup) {
      throw validationFailed(
        `The count for ${group} is ${value}; more than ${policy.maxLearnersPerGroup} learners in one grade is not plausible`,
        field,
      );
    }
    counts[group] = value;
  }
  return counts;
}

export function totalLearners(counts: LearnerCounts): number {
  return LEARNER_GROUPS.reduce((sum, group) => sum + counts[group], 0);
}

export const LEARNER_COUNT_STATUSES = ['DRAFT', 'CONFIRMED', 'APPROVED', 'LOCKED'] as const;
export type LearnerCountStatus = (typeof LEARNER_COUNT_STATUSES)[number];

/** EDIT changes the counts; REOPEN cancels a confirmation or an approval (VIIS "Atcelt"). */
export type LearnerCountAction = 'EDIT' | 'CONFIRM' | 'APPROVE' | 'REOPEN' | 'LOCK';

/**
 * The flow of `rules.json`: the institution prepares and confirms, its founder approves, the
 * ministry locks. A report is edited only as a draft: to correct a confirmed or approved one,
 * the confirmation or approval is cancelled first (REOPEN back to DRAFT), as the source says
 * ("the confirmation must be cancelled and the data prepared and confirmed again"). Locking
 * takes the approved reports only: source 002 funds what the founder checked and approved and
 * the ministry accepted ("Finansējums netiek aprēķināts, ja nav informācijas sistēmā"), so a
 * report still a draft or only confirmed at the lock stays out of it, unfunded. After the lock
 * nothing in the year changes.
 */
const TRANSITIONS: Record<LearnerCountAction, { from: readonly LearnerCountStatus[]; to: LearnerCountStatus }> = {
  EDIT: { from: ['DRAFT'], to: 'DRAFT' },
  CONFIRM: { from: ['DRAFT'], to: 'CONFIRMED' },
  APPROVE: { from: ['CONFIRMED'], to: 'APPROVED' },
  REOPEN: { from: ['CONFIRMED', 'APPROVED'], to: 'DRAFT' },
  LOCK: { from: ['APPROVED'], to: 'LOCKED' },
};

const REFUSALS: Record<LearnerCountAction, Partial<Record<LearnerCountStatus, string>>> = {
  EDIT: {
    CONFIRMED: 'The learner-count report is confirmed; cancel the confirmation (reopen it) before changing the counts',
    APPROVED: 'The learner-count report is approved by the founder; the founder must reopen it before the counts can change',
  },
  CONFIRM: {
    CONFIRMED: 'The learner-count report is already confirmed',
    APPROVED: 'The learner-count report is already approved by the founder',
  },
  APPROVE: {
    DRAFT: 'The learner-count report is still a draft; the institution must confirm it before the founder approves it',
    APPROVED: 'The learner-count report is already approved',
  },
  REOPEN: { DRAFT: 'The learner-count report is already a draft' },
  LOCK: {
    DRAFT: 'The learner-count report is a draft: only approved reports are locked (and funded)',
    CONFIRMED: 'The learner-count report is not approved by the founder: only approved reports are locked (and funded)',
  },
};

/**
 * A locked report refuses everything, whoever asks: checked before who may act, so every
 * attempt on a locked report gets the same CONFLICT.
 */
export function assertReportOpen(status: LearnerCountStatus): void {
  if (status === 'LOCKED') {
    throw conflict(
      'The learner-count report is locked: the ministry closed its school year, and a locked report cannot be changed or cancelled',
    );
  }
}

/** The status after `action`, or CONFLICT saying why the action does not apply. */
export function nextLearnerCountStatus(current: LearnerCountStatus, action: LearnerCountAction): LearnerCountStatus {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(current)) return transition.to;
  assertReportOpen(current);
  throw conflict(REFUSALS[action][current] ?? `A ${current.toLowerCase()} learner-count report cannot take the action ${action}`);
}

export interface LearnerCountLifecycle {
  status: LearnerCountStatus;
  confirmedAt: Date | null;
  approvedAt: Date | null;
  lockedAt: Date | null;
}

export interface LearnerCountStatusChange {
  next: LearnerCountLifecycle;
  /** Names of the fields whose value changed, for the event's `changedFields`. */
  changedFields: string[];
}

/**
 * Applies `action` to a report's lifecycle fields. Reopening clears the confirmation and the
 * approval (both must be given again); locking keeps them.
 */
export function changeLearnerCountStatus(current: LearnerCountLifecycle, action: LearnerCountAction, now: Date): LearnerCountStatusChange {
  const status = nextLearnerCountStatus(current.status, action);
  const next: LearnerCountLifecycle = {
    status,
    confirmedAt: action === 'CONFIRM' ? now : action === 'REOPEN' ? null : current.confirmedAt,
    approvedAt: action === 'APPROVE' ? now : action === 'REOPEN' ? null : current.approvedAt,
    lockedAt: action === 'LOCK' ? now : current.lockedAt,
  };
  const changedFields = (Object.keys(next) as Array<keyof LearnerCountLifecycle>).filter((field) => {
    const before = current[field];
    const after = next[field];
    return before instanceof Date && after instanceof Date ? before.getTime() !== after.getTime() : before !== after;
  });
  return { next, changedFields };
}

/** Reports are prepared, confirmed and approved only for an institution that is still active. */
export function assertInstitutionAcceptsReports(institution: { name: string; status: string }): void {
  if (institution.status !== 'ACTIVE') {
    throw conflict(
      `${institution.name} is ${institution.status.toLowerCase()}; its learner-count reports can no longer be prepared or approved`,
    );
  }
}
