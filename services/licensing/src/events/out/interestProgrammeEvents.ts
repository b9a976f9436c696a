import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { InterestProgrammeEntity, type InterestProgrammeRecord } from '../../entities/interestProgramme';
import {
  InterestProgrammeLearnerCountEntity,
  type InterestProgrammeLearnerCountRecord,
} from '../../entities/interestProgrammeLearnerCount';
import { InterestProgrammeVersionEntity, type InterestProgrammeVersionRecord } from '../../entities/interestProgrammeVersion';

export type InterestProgrammeEventType =
  | 'licensing.interest-programme.registered'
  | 'licensing.interest-programme.amended'
  | 'licensing.interest-programme.reclassified'
  | 'licensing.interest-programme.ended'
  | 'licensing.interest-programme.learners-reported';

/** The public state of an interest-education programme as carried on `licensing.interest-programme.v1`. */
export function interestProgrammeState(
  programme: InterestProgrammeRecord,
  versions: readonly InterestProgrammeVersionRecord[],
  learnerCounts: readonly InterestProgrammeLearnerCountRecord[],
) {
  return {
    id: programme.id,
    institutionId: programme.institutionId,
    municipality: programme.municipality,
    name: programme.name,
    classifierCode: programme.classifierCode,
    areaCode: programme.areaCode,
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    annualTargetedSubsidyCents: programme.annualTargetedSubsidyCents,
    versions: versions.map((version) => ({
      validFrom: version.validFrom,
      validTo: version.validTo,
      name: version.name,
      classifierCode: version.classifierCode,
      areaCode: version.areaCode,
      annualTargetedSubsidyCents: version.annualTargetedSubsidyCents,
    })),
    learnerCounts: learnerCounts.map((count) => ({ schoolYear: count.schoolYear, learners: count.learners })),
  };
}

export async function recordInterestProgrammeEvent(
  manager: EntityManager,
  type: InterestProgrammeEventType,
  id: string,
  changedFields: string[],
): Promise<void> {
  const [programme, versions, learnerCounts] = [
    await manager.getRepository(InterestProgrammeEntity).findOneByOrFail({ id }),
    await manager.getRepository(InterestProgrammeVersionEntity).find({ where: { programmeId: id }, order: { validFrom: 'ASC' } }),
    await manager.getRepository(InterestProgrammeLearnerCountEntity).find({ where: { programmeId: id }, order: { schoolYear: 'ASC' } }),
  ];
  const data: StateChange<ReturnType<typeof interestProgrammeState>> = {
    state: interestProgrammeState(programme, versions, learnerCounts),
    changedFields,
  };
  await enqueueEvent(manager, Topics.licensingInterestProgramme, makeCloudEvent({ source: '/licensing', type, subject: id, data }));
}
