import { enqueueEvent, makeCloudEvent, Topics, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { InterestProgrammeEntity, type InterestProgrammeRecord } from '../entities/interestProgramme';

export type InterestProgrammeEventType = 'licensing.interest-programme.registered';

/** The public state of an interest-education programme as carried on `licensing.interest-programme.v1`. */
export function interestProgrammeState(programme: InterestProgrammeRecord) {
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
  };
}

export async function recordInterestProgrammeEvent(
  manager: EntityManager,
  type: InterestProgrammeEventType,
  id: string,
  changedFields: string[],
): Promise<void> {
  const programme = await manager.getRepository(InterestProgrammeEntity).findOneByOrFail({ id });
  const data: StateChange<ReturnType<typeof interestProgrammeState>> = { state: interestProgrammeState(programme), changedFields };
  await enqueueEvent(manager, Topics.licensingInterestProgramme, makeCloudEvent({ source: '/licensing', type, subject: id, data }));
}
