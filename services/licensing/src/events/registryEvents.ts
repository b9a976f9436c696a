import { parseEventData, type CloudEvent, type EventHandlers } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { KnownInstitutionEntity } from '../entities/knownInstitution';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { recordLicenceEvent } from './licenceEvents';

/** The part of `registry.institution.v1` licensing reads (tolerant reader: extra fields are ignored). */
const institutionChange = z.object({
  state: z.object({
    id: z.string().uuid(),
    name: z.string(),
    status: z.string(),
    implementationPlaces: z.array(z.object({ id: z.string().uuid(), address: z.string() })),
    liquidatedOn: z.string().nullable(),
  }),
});

/**
 * Any institution event carries its full state: upsert the read model, unless a newer state
 * is already applied. When the institution is liquidated, its active licences lapse, each with
 * its own `licensing.licence.lapsed` event, in this same transaction.
 */
async function applyInstitutionState(event: CloudEvent, manager: EntityManager): Promise<void> {
  const { state } = parseEventData(institutionChange, event);
  const stateAt = new Date(event.time);
  await manager.query(
    `INSERT INTO known_institution (id, name, status, places, state_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = $2, status = $3, places = $4, state_at = $5
     WHERE known_institution.state_at <= $5`,
    [state.id, state.name, state.status, JSON.stringify(state.implementationPlaces), stateAt],
  );
  const known = await manager.getRepository(KnownInstitutionEntity).findOneByOrFail({ id: state.id });
  if (known.status === 'LIQUIDATED') await lapseLicences(manager, state.id, state.liquidatedOn ?? event.time.slice(0, 10));
}

async function lapseLicences(manager: EntityManager, institutionId: string, lapsedOn: string): Promise<void> {
  const licences = manager.getRepository(LicenceEntity);
  const active = await licences.find({ where: { institutionId, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
  for (const licence of active) {
    const lapsed: LicenceRecord = { ...licence, status: 'LAPSED', lapsedOn };
    await licences.update({ id: licence.id }, { status: 'LAPSED', lapsedOn });
    await recordLicenceEvent(manager, 'licensing.licence.lapsed', lapsed, ['status', 'lapsedOn']);
  }
}

export const registryEventHandlers: EventHandlers = {
  'registry.institution.registered': applyInstitutionState,
  'registry.institution.liquidated': applyInstitutionState,
};
