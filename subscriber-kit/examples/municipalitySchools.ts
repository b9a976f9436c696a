/**
 * Example subscriber: a municipality's own system keeps the list of the schools it founds,
 * up to date from `registry.institution.v1`, in its own PostgreSQL database. It needs only
 * @eq/subscriber-kit, kafkajs' brokers and a pg pool.
 */
import type pg from 'pg';
import {
  forEveryEventType,
  PostgresProcessedEventStore,
  subscribe,
  type RegistryInstitutionState,
  type ReplayFrom,
  type SupervisionOptions,
  type Subscription,
  type TopicEvent,
} from '@eq/subscriber-kit';

export interface MunicipalitySchoolsOptions {
  brokers: string[];
  groupId: string;
  /** The municipality as the registry's classifier spells it, e.g. `Rīga`. */
  municipality: string;
  pool: pg.Pool;
  replay?: ReplayFrom;
  /** The registry topic's address when the environment prefixes topics; default `registry.institution.v1`. */
  address?: string;
  /** How a lost consumer is replaced (backoff, stall timeout); the kit's defaults otherwise. */
  supervision?: Partial<SupervisionOptions>;
}

/** A school of the municipality as its own system keeps it. */
export interface SchoolRow {
  id: string;
  registrationNumber: string;
  name: string;
  type: string;
  status: string;
  registeredOn: string;
  liquidatedOn: string | null;
  successorIds: string[];
}

/** The table the example keeps; its processed-event table is the kit's `processed_event`. */
export async function migrateMunicipalitySchools(pool: pg.Pool): Promise<PostgresProcessedEventStore> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS school (
      id                  uuid PRIMARY KEY,
      registration_number text NOT NULL,
      name                text NOT NULL,
      type                text NOT NULL,
      status              text NOT NULL,
      registered_on       date NOT NULL,
      liquidated_on       date,
      successor_ids       uuid[] NOT NULL,
      applied_events      int NOT NULL,
      state_at            timestamptz NOT NULL
    )`);
  const store = new PostgresProcessedEventStore(pool);
  await store.ensureTable();
  return store;
}

/**
 * The municipality's rule: a school is on its list while the register says the municipality
 * founded it and it was registered (an application that is pending or refused is not a school
 * yet). A liquidated school stays on the list, with its liquidation date and successors.
 */
export function schoolRowFor(state: RegistryInstitutionState, municipality: string): SchoolRow | null {
  const founded = state.founder.kind === 'MUNICIPALITY' && state.founder.municipality === municipality;
  if (!founded || state.status === 'PENDING' || state.status === 'REFUSED') return null;
  return {
    id: state.id,
    registrationNumber: state.registrationNumber,
    name: state.name,
    type: state.type,
    status: state.status,
    registeredOn: state.registeredOn,
    liquidatedOn: state.liquidatedOn,
    successorIds: state.successors.map((successor) => successor.institutionId),
  };
}

async function applyInstitutionEvent(event: TopicEvent<'registry.institution.v1'>, tx: pg.PoolClient, municipality: string): Promise<void> {
  const row = schoolRowFor(event.data.state, municipality);
  if (!row) {
    // No longer (or not yet) ours, e.g. an amendment moved the founder to another municipality.
    await tx.query('DELETE FROM school WHERE id = $1 AND state_at <= $2', [event.subject, event.time]);
    return;
  }
  // `applied_events` counts the events applied to the row: with idempotent delivery it equals
  // the number of events the registry published for the school.
  await tx.query(
    `INSERT INTO school (id, registration_number, name, type, status, registered_on, liquidated_on, successor_ids, applied_events, state_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
     ON CONFLICT (id) DO UPDATE SET
       registration_number = EXCLUDED.registration_number, name = EXCLUDED.name, type = EXCLUDED.type,
       status = EXCLUDED.status, registered_on = EXCLUDED.registered_on, liquidated_on = EXCLUDED.liquidated_on,
       successor_ids = EXCLUDED.successor_ids, applied_events = school.applied_events + 1, state_at = EXCLUDED.state_at
     WHERE school.state_at <= EXCLUDED.state_at`,
    [row.id, row.registrationNumber, row.name, row.type, row.status, row.registeredOn, row.liquidatedOn, row.successorIds, event.time],
  );
}

/** Starts the municipality's subscription; `stop()` it on shutdown. */
export async function startMunicipalitySchools(options: MunicipalitySchoolsOptions): Promise<Subscription> {
  const store = await migrateMunicipalitySchools(options.pool);
  return subscribe({
    brokers: options.brokers,
    groupId: options.groupId,
    topic: 'registry.institution.v1',
    address: options.address,
    store,
    replay: options.replay,
    supervision: options.supervision,
    handlers: forEveryEventType('registry.institution.v1', (event, tx: pg.PoolClient) =>
      applyInstitutionEvent(event, tx, options.municipality),
    ),
  });
}

/** The municipality's list as its own database holds it, by registration number. */
export async function listSchools(pool: pg.Pool): Promise<Array<SchoolRow & { appliedEvents: number }>> {
  const { rows } = await pool.query(
    `SELECT id, registration_number AS "registrationNumber", name, type, status,
            to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(liquidated_on, 'YYYY-MM-DD') AS "liquidatedOn",
            successor_ids::text[] AS "successorIds", applied_events AS "appliedEvents"
       FROM school ORDER BY registration_number`,
  );
  return rows;
}
