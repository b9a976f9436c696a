import { registryInstitutionEventHandlers } from '@eq/shared';
import { In, type EntityManager } from 'typeorm';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationResultEntity } from '../entities/accreditationResult';
import { recordAccreditationEvent } from './accreditationEvents';

/**
 * Every institution event updates the registry replica (shared kit). When the institution is
 * liquidated, its active accreditations end, each with its own `accreditation.accreditation.ended`
 * event, in this same transaction. Replays are harmless: only ACTIVE accreditations are ended,
 * so a second liquidation event finds none.
 */
export const registryEventHandlers = registryInstitutionEventHandlers(async (institution, event, manager) => {
  if (institution.status === 'LIQUIDATED') await endAccreditations(manager, institution.id, institution.liquidatedOn ?? event.time.slice(0, 10));
});

async function endAccreditations(manager: EntityManager, institutionId: string, endedOn: string): Promise<void> {
  const accreditations = manager.getRepository(AccreditationEntity);
  const active = await accreditations.find({ where: { institutionId, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
  if (active.length === 0) return;
  const results = await manager
    .getRepository(AccreditationResultEntity)
    .find({ where: { accreditationId: In(active.map((a) => a.id)) }, order: { position: 'ASC' } });
  for (const accreditation of active) {
    const change = { status: 'ENDED', endedOn, endReason: 'INSTITUTION_LIQUIDATED' } as const;
    await accreditations.update({ id: accreditation.id }, change);
    const ended: AccreditationRecord = { ...accreditation, ...change };
    const own = results.filter((result) => result.accreditationId === accreditation.id);
    await recordAccreditationEvent(manager, 'accreditation.accreditation.ended', ended, own, Object.keys(change));
  }
}
