import { conflict, validationFailed } from '@eq/shared/errors';
import type { ValidHigherEducationDecision } from './higherEducationDecisions';

type FounderKind = 'STATE' | 'MUNICIPALITY' | 'LEGAL_PERSON' | 'NATURAL_PERSON';
type PlanningRegion = 'RIGA' | 'VIDZEME' | 'KURZEME' | 'ZEMGALE' | 'LATGALE';

export interface HigherEducationFounder {
  kind: FounderKind;
  name: string;
}

export interface InstitutionFacts {
  name: string;
  founderKind: FounderKind;
  founderName: string;
  status: 'ACTIVE' | 'EXCLUDED';
  registrationDecisionDate: string;
}

export interface BranchPlace {
  address: string;
  municipality: string;
  planningRegion: PlanningRegion;
}

export interface FieldChange {
  field: 'NAME' | 'FOUNDER_KIND' | 'FOUNDER_NAME';
  oldValue: string;
  newValue: string;
}

const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');

function bounded(text: string, min: number, max: number, what: string, field: string): string {
  const value = collapse(text);
  if (value.length < min || value.length > max) throw validationFailed(`${what} must be ${min}-${max} characters`, field);
  return value;
}

/** Names are what people search and read: white space collapsed, non-empty, bounded. */
export const normaliseHigherEducationName = (name: string, field = 'name') => bounded(name, 2, 300, 'Name', field);

export function normaliseHigherEducationFounder(founder: HigherEducationFounder, field = 'founder'): HigherEducationFounder {
  return { kind: founder.kind, name: bounded(founder.name, 2, 300, 'Founder name', `${field}.name`) };
}

export function normaliseBranchPlace(place: BranchPlace): BranchPlace {
  return {
    address: bounded(place.address, 3, 500, 'Address', 'address'),
    municipality: bounded(place.municipality, 2, 100, 'Municipality', 'municipality'),
    planningRegion: place.planningRegion,
  };
}

/** A decision about an institution cannot predate the decision that registered it. */
function assertNotBeforeRegistration(institution: InstitutionFacts, decision: ValidHigherEducationDecision, what: string): void {
  if (decision.date < institution.registrationDecisionDate) {
    throw validationFailed(
      `${what} cannot be dated before the institution was registered (${institution.registrationDecisionDate})`,
      'decision.date',
    );
  }
}

function assertActive(institution: InstitutionFacts, action: string): void {
  if (institution.status !== 'ACTIVE') throw conflict(`${institution.name} is excluded from the register: cannot ${action}`);
}

/**
 * What an amendment decision changes, field by field, for the amendment log. An excluded
 * institution is not amended; an amendment that changes nothing is refused, so that the log
 * only ever holds real changes.
 */
export function planAmendment(
  institution: InstitutionFacts,
  changes: { name?: string | null; founder?: HigherEducationFounder | null },
  decision: ValidHigherEducationDecision,
): FieldChange[] {
  assertActive(institution, 'amend it');
  assertNotBeforeRegistration(institution, decision, 'An amendment');
  const planned: FieldChange[] = [];
  if (changes.name != null) {
    const name = normaliseHigherEducationName(changes.name);
    if (name !== institution.name) planned.push({ field: 'NAME', oldValue: institution.name, newValue: name });
  }
  if (changes.founder != null) {
    const founder = normaliseHigherEducationFounder(changes.founder);
    if (founder.kind !== institution.founderKind)
      planned.push({ field: 'FOUNDER_KIND', oldValue: institution.founderKind, newValue: founder.kind });
    if (founder.name !== institution.founderName)
      planned.push({ field: 'FOUNDER_NAME', oldValue: institution.founderName, newValue: founder.name });
  }
  if (planned.length === 0) throw validationFailed('The amendment changes nothing: give a new name or founder', 'input');
  return planned;
}

/** Addresses compared as a reader would: case and spacing do not make another place. */
const sameAddress = (a: string, b: string) => collapse(a).toLocaleLowerCase('lv') === collapse(b).toLocaleLowerCase('lv');

/**
 * A branch is opened by an active institution, not before the institution was registered, and
 * not twice at one address (an excluded branch's address may be opened again).
 */
export function assertCanOpenBranch(
  institution: InstitutionFacts,
  place: BranchPlace,
  decision: ValidHigherEducationDecision,
  openBranches: ReadonlyArray<{ address: string }>,
): void {
  assertActive(institution, 'open a branch');
  assertNotBeforeRegistration(institution, decision, 'A branch');
  if (openBranches.some((branch) => sameAddress(branch.address, place.address))) {
    throw conflict(`${institution.name} already has an open branch at ${place.address}`);
  }
}

/** A branch is excluded once, and not before the decision that opened it. */
export function assertCanExcludeBranch(
  branch: { status: 'OPEN' | 'EXCLUDED'; address: string; openedDecisionDate: string },
  decision: ValidHigherEducationDecision,
): void {
  if (branch.status === 'EXCLUDED') throw conflict(`The branch at ${branch.address} is already excluded from the register`);
  if (decision.date < branch.openedDecisionDate) {
    throw validationFailed(`The exclusion cannot be dated before the branch was opened (${branch.openedDecisionDate})`, 'decision.date');
  }
}
