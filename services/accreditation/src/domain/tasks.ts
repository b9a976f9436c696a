import { conflict, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { isQualityCategory, type QualityCategory } from './qualityScale';

export interface TaskDraft {
  category: string;
  description: string;
  deadline: string;
}

export interface ValidTask {
  category: QualityCategory;
  description: string;
  deadline: string;
}

export interface TaskedAccreditation {
  status: string;
  decisionDate: string;
  termEnd: string;
}

/**
 * Tasks are set on an active accreditation, each in one quality category (the 2020-2024 report
 * counts them so), with a deadline between the day they are assigned and the end of the term:
 * progress on them is followed up within the term by monitoring visits.
 */
export function validTasks(accreditation: TaskedAccreditation, assignedOn: string, drafts: readonly TaskDraft[]): ValidTask[] {
  if (accreditation.status !== 'ACTIVE')
    throw conflict(`The accreditation is ${accreditation.status.toLowerCase()}; tasks are set on an active one`);
  if (assignedOn < accreditation.decisionDate) throw validationFailed('Tasks are assigned on or after the decision', 'assignedOn');
  if (drafts.length === 0 || drafts.length > 50) throw validationFailed('Assign 1-50 tasks at a time', 'tasks');
  return drafts.map((draft, index) => {
    if (!isQualityCategory(draft.category)) throw validationFailed(`Unknown quality category ${draft.category}`, `tasks.${index}.category`);
    const description = draft.description.trim();
    if (description.length < 3 || description.length > 2000)
      throw validationFailed('A task is described in 3-2000 characters', `tasks.${index}.description`);
    if (!isIsoDate(draft.deadline)) throw validationFailed('A deadline is YYYY-MM-DD', `tasks.${index}.deadline`);
    if (draft.deadline < assignedOn || draft.deadline > accreditation.termEnd) {
      throw validationFailed(
        `A deadline falls between ${assignedOn} and the end of the term, ${accreditation.termEnd}`,
        `tasks.${index}.deadline`,
      );
    }
    return { category: draft.category, description, deadline: draft.deadline };
  });
}

export interface ProgressDraft {
  taskId: string;
  progress: string;
  note?: string | null;
}

/**
 * A monitoring visit reports on every task still open, each once, and on no other: a closed
 * task stays closed, and one left out would leave its progress unknown.
 */
export function assertVisitCoversOpenTasks(openTaskIds: readonly string[], progress: readonly ProgressDraft[]): void {
  const open = new Set(openTaskIds);
  if (open.size === 0) throw conflict('The accreditation has no open task to monitor');
  const seen = new Set<string>();
  for (const [index, entry] of progress.entries()) {
    if (!open.has(entry.taskId))
      throw validationFailed(`Task ${entry.taskId} is not an open task of this accreditation`, `progress.${index}.taskId`);
    if (seen.has(entry.taskId)) throw validationFailed(`Task ${entry.taskId} is reported more than once`, `progress.${index}.taskId`);
    if ((entry.note?.length ?? 0) > 2000) throw validationFailed('A note is at most 2000 characters', `progress.${index}.note`);
    seen.add(entry.taskId);
  }
  const missing = openTaskIds.filter((id) => !seen.has(id));
  if (missing.length > 0) throw validationFailed(`A visit reports on every open task; missing ${missing.join(', ')}`, 'progress');
}
