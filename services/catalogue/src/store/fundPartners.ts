import { DomainError, ErrorCode } from '@eq/shared';
import type { DataSource, EntityManager } from 'typeorm';

/** One partner institution of a school year, as `FundPartner` resolves it. */
export interface FundPartnerRow {
  institutionId: string;
  schoolYear: string;
  recordedAt: Date;
}

/** The school year's partners, by institution id. */
export async function listFundPartners(db: DataSource, schoolYear: string): Promise<FundPartnerRow[]> {
  const rows: Array<{ institution_id: string; recorded_at: Date }> = await db.query(
    'SELECT institution_id, recorded_at FROM fund_partner WHERE school_year = $1 ORDER BY institution_id',
    [schoolYear],
  );
  return rows.map((row) => ({ institutionId: row.institution_id, schoolYear, recordedAt: row.recorded_at }));
}

/** Refuses ids the register never announced (the local replica of `registry.institution.v1`). */
async function assertKnownInstitutions(manager: EntityManager, ids: string[]): Promise<void> {
  const rows: Array<{ id: string }> = await manager.query('SELECT id FROM registry_institution WHERE id = ANY($1::uuid[])', [ids]);
  const known = new Set(rows.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(ErrorCode.NOT_FOUND, `${unknown.length} of the institutions are not in the register, e.g. ${unknown[0]}`, {
      field: 'institutionIds',
      ids: unknown.slice(0, 20),
    });
  }
}

/**
 * Adds (or removes) partners of a school year and answers how many rows changed and how many
 * partners the year has after it, in the caller's transaction.
 */
export async function changeFundPartners(
  manager: EntityManager,
  change: { schoolYear: string; institutionIds: string[]; add: boolean; recordedBy: string | null },
): Promise<{ changed: number; partners: number }> {
  const { schoolYear, institutionIds } = change;
  let changed: number;
  if (change.add) {
    await assertKnownInstitutions(manager, institutionIds);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO fund_partner (school_year, institution_id, recorded_by) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS id
       ON CONFLICT DO NOTHING RETURNING institution_id`,
      [schoolYear, institutionIds, change.recordedBy],
    );
    changed = inserted.length;
  } else {
    const [, removed] = (await manager.query('DELETE FROM fund_partner WHERE school_year = $1 AND institution_id = ANY($2::uuid[])', [
      schoolYear,
      institutionIds,
    ])) as [unknown, number];
    changed = removed;
  }
  const [{ partners }] = (await manager.query('SELECT COUNT(*)::int AS partners FROM fund_partner WHERE school_year = $1', [
    schoolYear,
  ])) as [{ partners: number }];
  return { changed, partners };
}
