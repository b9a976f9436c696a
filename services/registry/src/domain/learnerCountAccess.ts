import { forbidden } from '@eq/shared/errors';
import type { LearnerCountStatus } from './learnerCounts';

/**
 * The caller as these rules see it: a plain shape (role, and the institution or municipality
 * the token says it acts for), so the rules stay free of the transport's types.
 */
export interface LearnerCountActor {
  role: string;
  institutionId?: string;
  municipality?: string;
}

export interface ReportingInstitution {
  id: string;
  name: string;
  founderKind: string;
  founderMunicipality: string | null;
}

/** Ids are UUIDs, compared without regard to case (a token may carry them in upper case). */
export function actsForInstitution(actor: LearnerCountActor, institutionId: string): boolean {
  return actor.role === 'SCHOOL' && actor.institutionId !== undefined && actor.institutionId.toLowerCase() === institutionId.toLowerCase();
}

/** Only the institution itself prepares, edits and confirms its report (a SCHOOL acting for it). */
export function assertMayPrepare(actor: LearnerCountActor, institutionId: string): void {
  if (!actsForInstitution(actor, institutionId)) {
    throw forbidden(
      actor.role === 'SCHOOL'
        ? 'A school prepares and confirms only its own learner-count report'
        : `Only the institution (a SCHOOL user) prepares and confirms its learner-count report; you are ${actor.role}`,
    );
  }
}

/** Municipality names from tokens and from the register, compared as people read them. */
const sameMunicipality = (a: string, b: string) =>
  a.normalize('NFC').trim().toLocaleLowerCase('lv') === b.normalize('NFC').trim().toLocaleLowerCase('lv');

/**
 * The founder approves: for a municipal institution the MUNICIPALITY whose municipality founded
 * it. For any other founder (the state, a company, a person) there is no municipality in the
 * chain, so the ministry (an OFFICER) approves; the source says so for private institutions
 * ("IZM approves the receipt of the data") and the same is applied to state-founded ones. An
 * OFFICER does not approve for a municipality: that is the founder's call.
 */
export function mayApprove(actor: LearnerCountActor, institution: ReportingInstitution): boolean {
  if (institution.founderKind === 'MUNICIPALITY') {
    return (
      actor.role === 'MUNICIPALITY' &&
      actor.municipality !== undefined &&
      institution.founderMunicipality !== null &&
      sameMunicipality(actor.municipality, institution.founderMunicipality)
    );
  }
  return actor.role === 'OFFICER';
}

export function assertMayApprove(actor: LearnerCountActor, institution: ReportingInstitution): void {
  if (mayApprove(actor, institution)) return;
  throw forbidden(
    institution.founderKind === 'MUNICIPALITY'
      ? `Only the founder, the municipality of ${institution.founderMunicipality ?? '(unknown)'}, approves the learner counts of ${institution.name}`
      : `The learner counts of ${institution.name} (founder: ${institution.founderKind.toLowerCase().replace('_', ' ')}) are approved by the ministry (an OFFICER)`,
  );
}

/**
 * Cancelling: the institution may cancel its own confirmation (to correct the counts) while the
 * founder has not approved; once approved, only the approver may cancel (VIIS: the founder's
 * "Apstiprināt/Atcelt"), who may also send back a confirmed report it will not approve.
 */
export function assertMayReopen(actor: LearnerCountActor, institution: ReportingInstitution, status: LearnerCountStatus): void {
  if (mayApprove(actor, institution)) return;
  if (actsForInstitution(actor, institution.id)) {
    if (status === 'APPROVED') throw forbidden('The report is approved; only its approver (the founder) can cancel the approval');
    return;
  }
  throw forbidden('Only the institution or the approver of its learner-count report can reopen it');
}

/**
 * A municipality's learner counts as a whole (its overview, its submission to the ministry):
 * that MUNICIPALITY, and the ministry (OFFICER) and the fund (FUND_ADMIN), who read every
 * municipality's.
 */
export function assertMayReadMunicipality(actor: LearnerCountActor, municipality: string): void {
  if (actor.role === 'OFFICER' || actor.role === 'FUND_ADMIN') return;
  if (actor.role === 'MUNICIPALITY' && actor.municipality !== undefined && sameMunicipality(actor.municipality, municipality)) return;
  throw forbidden(
    actor.role === 'MUNICIPALITY'
      ? `A municipality sees only its own institutions' learner counts, not those of ${municipality}`
      : `Only the municipality, the ministry (OFFICER) or the fund (FUND_ADMIN) see a municipality's learner counts; you are ${actor.role}`,
  );
}

/** Only the municipality itself sends its data to the ministry. */
export function assertMaySendFor(actor: LearnerCountActor, municipality: string): void {
  if (actor.role === 'MUNICIPALITY' && actor.municipality !== undefined && sameMunicipality(actor.municipality, municipality)) return;
  throw forbidden(`Only the municipality of ${municipality} sends its learner counts to the ministry`);
}
