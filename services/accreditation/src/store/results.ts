import { In, type EntityManager } from 'typeorm';
import { AccreditationResultEntity, type AccreditationResultRecord } from '../entities/accreditationResult';

/** The results of each accreditation, in the regulation's order of categories (an event carries them). */
export async function loadResults(
  manager: EntityManager,
  accreditationIds: readonly string[],
): Promise<Map<string, AccreditationResultRecord[]>> {
  const byId = new Map<string, AccreditationResultRecord[]>(accreditationIds.map((id) => [id, []]));
  if (accreditationIds.length === 0) return byId;
  const rows = await manager
    .getRepository(AccreditationResultEntity)
    .find({ where: { accreditationId: In([...accreditationIds]) }, order: { position: 'ASC' } });
  for (const row of rows) byId.get(row.accreditationId)?.push(row);
  return byId;
}
