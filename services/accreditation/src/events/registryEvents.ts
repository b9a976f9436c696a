import { parseEventData, type CloudEvent, type EventHandlers } from '@eq/shared';
import { isIsoDate } from '@eq/shared/scalars';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationResultEntity } from '../entities/accreditationResult';
import { KnownInstitutionEntity } from '../entities/knownInstitution';
import { recordAccreditationEvent } from './accreditationEvents';

/** The part of `registry.institution.v1` accreditation reads (tolerant reader: extra fields are ignored). */
const institutionChange = z.object({
  state: z.object({
    id: z.string().uuid(),
    name: z.string().min(1),
    status: z.string().min(1),
    liquidatedOn: z.string().refine(isIsoDate, 'must be YYYY-MM-DD').nullable(),
  }),
});

/**
 * Any institution event carries its full state: upsert the read model, unless a newer state is
 * already applied. When the institution is liquidated, its active accreditations end, each with
 * its own `accreditation.accreditation.ended` event, in this same transaction. Replays are
 * harmless: only ACTIVE accreditations are ended, so a second liquidation event finds none.
 */
async function applyInstitutionState(event: CloudEvent, manager: EntityManager): Promise<void> {
  const { state } = parseEventData(institutionChange, event);
  await manager.query(
    `INSERT INTO known_institution (id, name, status, liquidated_on, state_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET name = $2, status = $3, liquidated_on = $4, state_at = $5
     WHERE known_institution.state_at <= $5`,
    [state.id, state.name, state.status, state.liquidatedOn, new Date(event.time)],
  );
  const known = await manager.getRepository(KnownInstitutionEntity).findOneByOrFail({ id: state.id });
  if (known.status === 'LIQUIDATED') await endAccreditations(manager, known.id, known.liquidatedOn ?? event.time.slice(0, 10));
}

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

export const registryEventHandlers: EventHandlers = {
  'registry.institution.registered': applyInstitutionState,
  'registry.institution.liquidated': applyInstitutionState,
};
