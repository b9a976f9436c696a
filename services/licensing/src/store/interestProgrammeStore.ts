import { notFound } from '@eq/shared';
import { In, type EntityManager } from 'typeorm';
import type { ProgrammeVersion } from '../domain/interestProgrammeHistory';
import type { SubsidisedProgramme } from '../domain/stemSubsidyShare';
import { InterestProgrammeEntity, type InterestProgrammeRecord } from '../entities/interestProgramme';
import { InterestProgrammeDecisionEntity, type InterestProgrammeDecisionKind } from '../entities/interestProgrammeDecision';
import { InterestProgrammeLearnerCountEntity } from '../entities/interestProgrammeLearnerCount';
import { InterestProgrammeVersionEntity, type InterestProgrammeVersionRecord } from '../entities/interestProgrammeVersion';

export interface ProgrammeDecisionEntry {
  kind: InterestProgrammeDecisionKind;
  number: string | null;
  date: string;
  effectiveFrom: string;
  changedFields: string[];
  reason?: string | null;
  recordedBy?: string | null;
}

/** Appends one entry to the programme's decision log and returns its sequence number. */
export async function recordProgrammeDecision(manager: EntityManager, programmeId: string, entry: ProgrammeDecisionEntry): Promise<string> {
  const inserted = await manager.getRepository(InterestProgrammeDecisionEntity).insert({
    programmeId,
    kind: entry.kind,
    number: entry.number,
    date: entry.date,
    effectiveFrom: entry.effectiveFrom,
    changedFields: entry.changedFields,
    reason: entry.reason ?? null,
    recordedBy: entry.recordedBy ?? null,
  });
  return String(inserted.identifiers[0]!.seq);
}

/** Opens a version of the programme with the decision it begins with. */
export async function insertProgrammeVersion(
  manager: EntityManager,
  programmeId: string,
  version: ProgrammeVersion,
  decisionSeq: string,
): Promise<void> {
  await manager.getRepository(InterestProgrammeVersionEntity).insert({ ...version, programmeId, decisionSeq });
}

/** Ends the version that began on `validFrom` on `validTo`. */
export async function closeProgrammeVersion(manager: EntityManager, programmeId: string, validFrom: string, validTo: string | null) {
  await manager.getRepository(InterestProgrammeVersionEntity).update({ programmeId, validFrom }, { validTo });
}

/** The programme, locked for the rest of the transaction (its changes queue), with its versions. */
export async function loadProgrammeForUpdate(
  manager: EntityManager,
  id: string,
): Promise<{ programme: InterestProgrammeRecord; versions: InterestProgrammeVersionRecord[] }> {
  const programme = await manager.getRepository(InterestProgrammeEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!programme) throw notFound('Interest-education programme', id);
  const versions = await manager
    .getRepository(InterestProgrammeVersionEntity)
    .find({ where: { programmeId: id }, order: { validFrom: 'ASC' } });
  return { programme, versions };
}

/** A municipality's programmes with their versions and learner numbers, as the STEM share counts them. */
export async function loadSubsidisedProgrammes(manager: EntityManager, municipality: string): Promise<SubsidisedProgramme[]> {
  const programmes = await manager.getRepository(InterestProgrammeEntity).findBy({ municipality });
  const ids = programmes.map((programme) => programme.id);
  if (ids.length === 0) return [];
  const [versions, counts] = await Promise.all([
    manager.getRepository(InterestProgrammeVersionEntity).find({ where: { programmeId: In(ids) }, order: { validFrom: 'ASC' } }),
    manager.getRepository(InterestProgrammeLearnerCountEntity).findBy({ programmeId: In(ids) }),
  ]);
  return programmes.map((programme) => ({
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    versions: versions.filter((version) => version.programmeId === programme.id),
    learners: Object.fromEntries(
      counts.filter((count) => count.programmeId === programme.id).map((count) => [count.schoolYear, count.learners]),
    ),
  }));
}
