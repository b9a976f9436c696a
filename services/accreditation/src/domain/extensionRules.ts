import { conflict, validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';
import { addMonthsClamped, lastDayOfYearsFrom } from './calendar';
import { ACCREDITATION_REGULATION } from './regulation';

export interface ExtendableAccreditation {
  status: string;
  termStart: string;
  termYears: number;
  termEnd: string;
}

export interface ExtendedTerm {
  termEnd: string;
  applicationDueBy: string;
}

/**
 * During reorganisation, building works or liquidation a term may be extended by at most two
 * years (rules.json: `extensionDuringReorganisationOrBuildingWorksMaxYears`; liquidation is named
 * beside them on the quality service's public pages, issue 16). The ceiling is counted
 * from the end of the term granted, not from the latest extension, so several extensions
 * together never pass it. The application deadline moves with the new end.
 */
export function extendTerm(accreditation: ExtendableAccreditation, newEnd: string, decisionDate: string): ExtendedTerm {
  if (accreditation.status !== 'ACTIVE')
    throw conflict(`The accreditation is ${accreditation.status.toLowerCase()}; only an active one is extended`);
  if (!isIsoDate(newEnd)) throw validationFailed('Term end must be YYYY-MM-DD', 'termEnd');
  if (decisionDate > accreditation.termEnd) throw validationFailed('An extension is decided before the term ends', 'decisionDate');
  if (newEnd <= accreditation.termEnd)
    throw validationFailed(`The new term end must be after the current one, ${accreditation.termEnd}`, 'termEnd');
  const ceiling = maximumExtendedEnd(accreditation);
  if (newEnd > ceiling) {
    throw validationFailed(
      `A term is extended by at most ${ACCREDITATION_REGULATION.maximumExtensionYears} years past the term granted: the latest end is ${ceiling}`,
      'termEnd',
    );
  }
  return { termEnd: newEnd, applicationDueBy: addMonthsClamped(newEnd, -ACCREDITATION_REGULATION.applicationDueMonthsBeforeExpiry) };
}

/** The last day an extended term may reach: the granted term plus the extension ceiling. */
export function maximumExtendedEnd(accreditation: Pick<ExtendableAccreditation, 'termStart' | 'termYears'>): string {
  return lastDayOfYearsFrom(accreditation.termStart, accreditation.termYears + ACCREDITATION_REGULATION.maximumExtensionYears);
}
