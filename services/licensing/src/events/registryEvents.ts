import { registryInstitutionEventHandlers } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { recordLicenceEvent } from './licenceEvents';

/**
 * Every institution event updates the registry replica (shared kit). When the institution is
 * liquidated, its active licences lapse, each with its own `licensing.licence.lapsed` event, in
 * this same transaction. Replays are harmless: only ACTIVE licences lapse.
 */
export const registryEventHandlers = registryInstitutionEventHandlers(async (institution, event, manager) => {
  if (institution.status === 'LIQUIDATED') await lapseLicences(manager, institution.id, institution.liquidatedOn ?? event.time.slice(0, 10));
});

async function lapseLicences(manager: EntityManager, institutionId: string, lapsedOn: string): Promise<void> {
  const licences = manager.getRepository(LicenceEntity);
  const active = await licences.find({ where: { institutionId, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
  for (const licence of active) {
    const lapsed: LicenceRecord = { ...licence, status: 'LAPSED', lapsedOn };
    await licences.update({ id: licence.id }, { status: 'LAPSED', lapsedOn });
    await recordLicenceEvent(manager, 'licensing.licence.lapsed', lapsed, ['status', 'lapsedOn']);
  }
}
