import { parseEventData, type CloudEvent, type EventHandlers } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';

/** The part of `registry.institution.v1` the catalogue reads (tolerant reader: extra fields are ignored). */
const institutionChange = z.object({
  state: z.object({
    id: z.string().uuid(),
    name: z.string().min(1),
    type: z.string().min(1),
    status: z.string().min(1),
    planningRegion: z.string().min(1),
  }),
});

/**
 * Every institution event carries the full state: upsert the read model unless a newer state
 * is already applied (events of one institution are ordered, but a replay must not go back).
 */
async function applyInstitutionState(event: CloudEvent, manager: EntityManager): Promise<void> {
  const { state } = parseEventData(institutionChange, event);
  await manager.query(
    `INSERT INTO known_institution (id, name, type, status, planning_region, state_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET name = $2, type = $3, status = $4, planning_region = $5, state_at = $6
     WHERE known_institution.state_at <= $6`,
    [state.id, state.name, state.type, state.status, state.planningRegion, new Date(event.time)],
  );
}

export const registryEventHandlers: EventHandlers = {
  'registry.institution.registered': applyInstitutionState,
  'registry.institution.liquidated': applyInstitutionState,
};
