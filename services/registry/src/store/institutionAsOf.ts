import type { EntityManager } from 'typeorm';
import { foldChanges } from '../domain/institutionSnapshot';
import type { InstitutionRecord } from '../entities/institution';

/**
 * The entry as it stood on `date`: the current row's permanent fields with every tracked field
 * folded from the changes effective by then (pending future ones included when `date` is past
 * their effective date). One indexed statement per institution.
 */
export async function institutionAsOf(manager: EntityManager, current: InstitutionRecord, date: string): Promise<InstitutionRecord | null> {
  const changes: Array<{ field: string; newValue: unknown }> = await manager.query(
    `SELECT field, new_value AS "newValue" FROM institution_change
      WHERE institution_id = $1 AND effective_date <= $2 AND cancelled_at IS NULL ORDER BY effective_date, seq`,
    [current.id, date],
  );
  const snapshot = foldChanges(changes);
  if (!snapshot) return null;
  return {
    ...current,
    name: snapshot.name,
    type: snapshot.type as InstitutionRecord['type'],
    status: snapshot.status as InstitutionRecord['status'],
    founderKind: snapshot.founder.kind as InstitutionRecord['founderKind'],
    founderName: snapshot.founder.name,
    founderMunicipality: snapshot.founder.municipality,
    planningRegion: snapshot.planningRegion as InstitutionRecord['planningRegion'],
    headName: snapshot.headName,
    contactEmail: snapshot.contacts.email,
    contactPhone: snapshot.contacts.phone,
    stateSignificance: snapshot.stateSignificance,
    liquidatedOn: snapshot.liquidatedOn,
    liquidationKind: snapshot.liquidationKind,
    asOfPlaces: snapshot.implementationPlaces.map((place, position) => ({
      ...place,
      planningRegion: place.planningRegion as InstitutionRecord['planningRegion'],
      institutionId: current.id,
      position,
      removed: false,
    })),
  };
}
