import { conflict, notFound } from '@eq/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { IN_FORCE, type PlaceView } from '../domain/licenceLifecycle';
import { LicenceEntity, type LicenceRecord } from '../entities/licence';
import { LicenceDecisionEntity, type LicenceDecisionKind } from '../entities/licenceDecision';
import { LicencePlaceEntity } from '../entities/licencePlace';

export type NewLicence = Omit<LicenceRecord, 'createdAt' | 'updatedAt'>;

export interface DecisionEntry {
  kind: LicenceDecisionKind;
  number: string | null;
  date: string;
  changedFields: string[];
  reason?: string | null;
  recordedBy?: string | null;
}

/** Appends one entry to the licence's decision log. */
export async function recordLicenceDecision(manager: EntityManager, licenceId: string, entry: DecisionEntry): Promise<void> {
  await manager.getRepository(LicenceDecisionEntity).insert({
    licenceId,
    kind: entry.kind,
    number: entry.number,
    date: entry.date,
    changedFields: entry.changedFields,
    reason: entry.reason ?? null,
    recordedBy: entry.recordedBy ?? null,
  });
}

/** Stores a new licence with its places and the decision that created it. */
export async function insertLicence(
  manager: EntityManager,
  licence: NewLicence,
  places: readonly PlaceView[],
  decision: DecisionEntry,
): Promise<LicenceRecord> {
  const licences = manager.getRepository(LicenceEntity);
  await licences.insert(licence);
  await manager.getRepository(LicencePlaceEntity).insert(
    places.map((place) => ({
      licenceId: licence.id,
      placeId: place.id,
      address: place.address,
      addedOn: licence.issuedOn,
      removedOn: null,
    })),
  );
  await recordLicenceDecision(manager, licence.id, decision);
  return licences.findOneByOrFail({ id: licence.id });
}

/** The places a licence covers now. */
export async function currentPlaces(manager: EntityManager, licenceId: string): Promise<PlaceView[]> {
  const rows = await manager
    .getRepository(LicencePlaceEntity)
    .find({ where: { licenceId, removedOn: IsNull() }, order: { addedOn: 'ASC', placeId: 'ASC' } });
  return rows.map((row) => ({ id: row.placeId, address: row.address }));
}

/** The licence, row-locked for the rest of the transaction; NOT_FOUND when there is none. */
export async function loadLicenceForUpdate(manager: EntityManager, id: string): Promise<LicenceRecord> {
  const licence = await manager.getRepository(LicenceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!licence) throw notFound('Licence', id);
  return licence;
}

/**
 * One programme is licensed once per place: CONFLICT when another in-force licence (active or
 * suspended) covers `programmeCode` at one of `placeIds`. Callers hold the institution's replica
 * row lock, which serialises licence writes of one institution.
 */
export async function assertProgrammeFreeAt(
  manager: EntityManager,
  programmeCode: string,
  places: readonly PlaceView[],
  exceptLicenceId?: string,
): Promise<void> {
  if (places.length === 0) return;
  const rows: Array<{ address: string }> = await manager.query(
    `SELECT p.address FROM licence_place p JOIN licence l ON l.id = p.licence_id
      WHERE p.place_id = ANY($1) AND p.removed_on IS NULL AND l.programme_code = $2 AND l.status = ANY($3)
        AND ($4::uuid IS NULL OR l.id <> $4::uuid)
      LIMIT 1`,
    [places.map((place) => place.id), programmeCode, IN_FORCE, exceptLicenceId ?? null],
  );
  if (rows[0]) throw conflict(`Programme ${programmeCode} is already licensed at ${rows[0].address}`);
}

/** In-force licences of an institution, row-locked (a reaction to its end works through them). */
export async function lockInForceLicences(manager: EntityManager, institutionId: string): Promise<LicenceRecord[]> {
  return manager.getRepository(LicenceEntity).find({
    where: { institutionId, status: In([...IN_FORCE]) },
    order: { issuedOn: 'ASC', id: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
}
