import type { DataSource, EntityManager } from 'typeorm';
import type { CloudEvent } from '../cloudEvent';
import { parseEventData, type EventHandler, type EventHandlers } from '../consumer';
import { REGISTRY_INSTITUTION_EVENT_TYPES, registryInstitutionChangeSchema, type RegistryInstitutionState } from './contract';

/**
 * Applies one `registry.institution.v1` event to the replica in the caller's transaction and
 * returns the state now stored. That is the event's state unless a newer one was applied
 * already (a replay must not go back in time); callers react to what is stored, not to what
 * arrived. Invalid data throws PoisonMessageError.
 */
export async function applyRegistryInstitutionEvent(event: CloudEvent, manager: EntityManager): Promise<RegistryInstitutionState> {
  const { state } = parseEventData(registryInstitutionChangeSchema, event);
  const applied: Array<{ state: RegistryInstitutionState }> = await manager.query(
    `INSERT INTO registry_institution (id, state, state_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, state_at = EXCLUDED.state_at
     WHERE registry_institution.state_at <= EXCLUDED.state_at
     RETURNING state`,
    [state.id, JSON.stringify(state), new Date(event.time)],
  );
  if (applied[0]) return applied[0].state;
  // Nothing returned: a newer state is stored, and the upsert locked its row.
  return (await findRegistryInstitution(manager, state.id))!;
}

export interface FindRegistryInstitutionOptions {
  /**
   * Row lock for a write path that decides on the institution (inside a transaction):
   * `pessimistic_read` (FOR SHARE) makes a liquidation applied meanwhile wait for the commit and
   * then see what was written; `pessimistic_write` (FOR UPDATE) also queues writers that lock
   * the same institution behind each other.
   */
  lock?: 'pessimistic_read' | 'pessimistic_write';
}

const LOCK_CLAUSE = { pessimistic_read: ' FOR SHARE', pessimistic_write: ' FOR UPDATE' } as const;

/** The replicated state of an institution, or null when the registry has not announced it. */
export async function findRegistryInstitution(
  db: EntityManager | DataSource,
  id: string,
  options: FindRegistryInstitutionOptions = {},
): Promise<RegistryInstitutionState | null> {
  const lock = options.lock ? LOCK_CLAUSE[options.lock] : '';
  const rows: Array<{ state: RegistryInstitutionState }> = await db.query(`SELECT state FROM registry_institution WHERE id = $1${lock}`, [
    id,
  ]);
  return rows[0]?.state ?? null;
}

/** What a service does once an institution event is applied, in the same transaction. */
export type RegistryInstitutionReaction = (
  institution: RegistryInstitutionState,
  event: CloudEvent,
  manager: EntityManager,
) => Promise<void>;

/**
 * Consumer handlers for every type in REGISTRY_INSTITUTION_EVENT_TYPES: apply the event to the
 * replica, then run `react` (if any) with the state now stored.
 */
export function registryInstitutionEventHandlers(react?: RegistryInstitutionReaction): EventHandlers {
  const handle: EventHandler = async (event, manager) => {
    const institution = await applyRegistryInstitutionEvent(event, manager);
    await react?.(institution, event, manager);
  };
  return Object.fromEntries(REGISTRY_INSTITUTION_EVENT_TYPES.map((type) => [type, handle]));
}
