import { parseEventData, type CloudEvent, type EventHandler, type EventHandlers } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { endReasonForLicenceStatus } from '../../domain/licenceEnding';
import type { KnownLicenceRecord } from '../../entities/knownLicence';
import { closeOpenApplications, endActiveAccreditations } from './endings';
import { followLicenceTransfer } from './transferAccreditations';

/**
 * The event types licensing publishes on `licensing.licence.v1` (services/licensing/src/events/
 * licenceEvents.ts). Each carries the licence's full state, so the read model applies them all
 * alike; a type licensing adds later is skipped until it is listed here.
 */
export const LICENCE_EVENT_TYPES = [
  'licensing.licence.issued',
  'licensing.licence.amended',
  'licensing.licence.place-added',
  'licensing.licence.place-removed',
  'licensing.licence.suspended',
  'licensing.licence.revoked',
  'licensing.licence.restored',
  'licensing.licence.relicensed',
  'licensing.licence.lapsed',
  'licensing.licence.transferred',
] as const;

/**
 * What accreditation reads of a licence's state: a tolerant reader (fields licensing adds are
 * kept in the stored state); a missing or malformed field it decides on makes a poison message.
 */
const licenceChangeSchema = z.looseObject({
  state: z.looseObject({
    id: z.uuid(),
    institutionId: z.uuid(),
    programmeCode: z.string().min(1),
    status: z.string().min(1),
    implementationPlace: z.looseObject({ id: z.string(), address: z.string() }).nullable().optional(),
    implementationPlaces: z.array(z.looseObject({ id: z.string(), address: z.string() })).optional(),
    lapsedOn: z.string().nullable().optional(),
    revokedOn: z.string().nullable().optional(),
    endedOn: z.string().nullable().optional(),
  }),
  changedFields: z.array(z.string()),
});

/** Applies the event to `known_licence` unless a newer state is stored; returns the state now stored. */
async function applyLicenceEvent(event: CloudEvent, manager: EntityManager): Promise<Pick<KnownLicenceRecord, 'id' | 'status' | 'state'>> {
  const { state } = parseEventData(licenceChangeSchema, event);
  const rows: Array<Pick<KnownLicenceRecord, 'id' | 'status' | 'state'>> = await manager.query(
    `INSERT INTO known_licence (id, institution_id, programme_code, status, state, state_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET institution_id = EXCLUDED.institution_id, programme_code = EXCLUDED.programme_code,
       status = EXCLUDED.status, state = EXCLUDED.state, state_at = EXCLUDED.state_at
     WHERE known_licence.state_at <= EXCLUDED.state_at
     RETURNING id, status, state`,
    [state.id, state.institutionId, state.programmeCode, state.status, JSON.stringify(state), new Date(event.time)],
  );
  if (rows[0]) return rows[0];
  const [stored] = await manager.query('SELECT id, status, state FROM known_licence WHERE id = $1', [state.id]);
  return stored;
}

/**
 * A revoked or lapsed licence ends the programme accreditations granted by it and closes the open
 * applications for it; a licence transferred to a reorganised institution's successor takes its
 * programme accreditation along. Replays change nothing: only ACTIVE accreditations and open
 * applications are touched, and a moved accreditation no longer names the predecessor's licence.
 */
const handleLicenceEvent: EventHandler = async (event, manager) => {
  const licence = await applyLicenceEvent(event, manager);
  const endReason = endReasonForLicenceStatus(licence.status);
  if (!endReason) {
    const links = licence.state as { continuesId?: string | null; continuedById?: string | null };
    await followLicenceTransfer(manager, {
      id: licence.id,
      status: licence.status,
      continuesId: links.continuesId,
      continuedById: links.continuedById,
    });
    return;
  }
  const state = licence.state as { revokedOn?: string | null; lapsedOn?: string | null; endedOn?: string | null };
  const endedOn = (endReason === 'LICENCE_REVOKED' ? state.revokedOn : state.lapsedOn) ?? state.endedOn ?? event.time.slice(0, 10);
  await closeOpenApplications(manager, { licenceId: licence.id }, endedOn, 'LICENCE_ENDED');
  await endActiveAccreditations(manager, { licenceId: licence.id }, endedOn, endReason);
};

export const licenceEventHandlers: EventHandlers = Object.fromEntries(LICENCE_EVENT_TYPES.map((type) => [type, handleLicenceEvent]));
