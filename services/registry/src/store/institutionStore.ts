import { randomUUID } from 'node:crypto';
import { foldForSearch, notFound } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { diffSnapshot, type FieldChange, type InstitutionSnapshot, type PlaceSnapshot } from '../domain/institutionSnapshot';
import { ImplementationPlaceEntity, type ImplementationPlaceRecord } from '../entities/implementationPlace';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';

/** An institution row with its current (not removed) implementation places. */
export interface LoadedInstitution {
  record: InstitutionRecord;
  places: ImplementationPlaceRecord[];
}

/**
 * Loads an institution for a write, locking its row: decisions on one institution are
 * serialised, so history, events and the current row never disagree.
 */
export async function loadForUpdate(manager: EntityManager, id: string): Promise<LoadedInstitution> {
  const record = await manager.getRepository(InstitutionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!record) throw notFound('Institution', id);
  return { record, places: await currentPlaces(manager, id) };
}

export async function currentPlaces(manager: EntityManager, institutionId: string): Promise<ImplementationPlaceRecord[]> {
  return manager.getRepository(ImplementationPlaceEntity).find({ where: { institutionId, removed: false }, order: { position: 'ASC' } });
}

export function placeSnapshot(place: Pick<ImplementationPlaceRecord, 'id' | 'address' | 'municipality' | 'planningRegion'>): PlaceSnapshot {
  return { id: place.id, address: place.address, municipality: place.municipality, planningRegion: place.planningRegion };
}

/** The entry's tracked fields as a value. */
export function snapshotOf({ record, places }: LoadedInstitution): InstitutionSnapshot {
  return {
    name: record.name,
    type: record.type,
    status: record.status,
    founder: { kind: record.founderKind, name: record.founderName, municipality: record.founderMunicipality },
    planningRegion: record.planningRegion,
    implementationPlaces: places.map(placeSnapshot),
    headName: record.headName,
    contacts: { email: record.contactEmail, phone: record.contactPhone },
    stateSignificance: record.stateSignificance,
    liquidatedOn: record.liquidatedOn,
    liquidationKind: record.liquidationKind,
  };
}

/** Writes tracked fields to the current row (and its places). */
export async function writeSnapshotFields(
  manager: EntityManager,
  institutionId: string,
  fields: Partial<InstitutionSnapshot>,
): Promise<void> {
  const row: Partial<InstitutionRecord> = {};
  if (fields.name !== undefined) Object.assign(row, { name: fields.name, searchName: foldForSearch(fields.name) });
  if (fields.type !== undefined) row.type = fields.type as InstitutionRecord['type'];
  if (fields.status !== undefined) row.status = fields.status as InstitutionRecord['status'];
  if (fields.founder !== undefined) {
    Object.assign(row, {
      founderKind: fields.founder.kind,
      founderName: fields.founder.name,
      founderMunicipality: fields.founder.municipality,
    });
  }
  if (fields.planningRegion !== undefined) row.planningRegion = fields.planningRegion as InstitutionRecord['planningRegion'];
  if (fields.headName !== undefined) row.headName = fields.headName;
  if (fields.contacts !== undefined) Object.assign(row, { contactEmail: fields.contacts.email, contactPhone: fields.contacts.phone });
  if (fields.stateSignificance !== undefined) row.stateSignificance = fields.stateSignificance;
  if (fields.liquidatedOn !== undefined) row.liquidatedOn = fields.liquidatedOn;
  if (fields.liquidationKind !== undefined) row.liquidationKind = fields.liquidationKind;
  // Always touch the row: updated_at drives institutionsChangedSince.
  await manager.getRepository(InstitutionEntity).update({ id: institutionId }, row);
  if (fields.implementationPlaces !== undefined) await writePlaces(manager, institutionId, fields.implementationPlaces);
}

/** Places are never deleted (licences refer to them): missing ones are marked removed. */
async function writePlaces(manager: EntityManager, institutionId: string, places: PlaceSnapshot[]): Promise<void> {
  const repository = manager.getRepository(ImplementationPlaceEntity);
  await repository.update({ institutionId }, { removed: true });
  for (const [position, place] of places.entries()) {
    await repository.upsert(
      {
        ...place,
        planningRegion: place.planningRegion as ImplementationPlaceRecord['planningRegion'],
        institutionId,
        position,
        removed: false,
      },
      ['id'],
    );
  }
}

/**
 * Records a decision's changes in the history and, when its effective date has come, applies
 * them to the current row. Returns the changes and whether they were applied now.
 */
export async function recordChanges(
  manager: EntityManager,
  args: {
    institutionId: string;
    decisionId: string;
    current: InstitutionSnapshot | null;
    next: Partial<InstitutionSnapshot>;
    effectiveDate: string;
    today: string;
  },
): Promise<{ changes: FieldChange[]; applied: boolean }> {
  const changes = diffSnapshot(args.current, args.next);
  const applied = args.effectiveDate <= args.today;
  if (changes.length > 0) {
    // One statement for the whole decision, however many fields it changes.
    await manager.query(
      `INSERT INTO institution_change (institution_id, decision_id, field, old_value, new_value, effective_date, applied_at)
       SELECT $1::uuid, $2::uuid, c.value->>'field', c.value->'old_value', c.value->'new_value', $3::date, CASE WHEN $4::boolean THEN now() END
         FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS c(value, position)
        ORDER BY c.position`,
      [
        args.institutionId,
        args.decisionId,
        args.effectiveDate,
        applied,
        JSON.stringify(changes.map((c) => ({ field: c.field, old_value: c.oldValue ?? null, new_value: c.newValue ?? null }))),
      ],
    );
  }
  if (applied && changes.length > 0) {
    await writeSnapshotFields(manager, args.institutionId, Object.fromEntries(changes.map((c) => [c.field, c.newValue])));
  }
  return { changes, applied };
}

/** New places get their permanent ids when the decision is recorded, so licences can name them. */
export function newPlaces(inputs: ReadonlyArray<Omit<PlaceSnapshot, 'id'>>): PlaceSnapshot[] {
  return inputs.map((place) => ({ id: randomUUID(), ...place }));
}
