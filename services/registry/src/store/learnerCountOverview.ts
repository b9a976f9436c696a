import { conflict } from '@eq/shared';
import { In, type EntityManager } from 'typeorm';
import { totalLearners } from '../domain/learnerCounts';
import { municipalityOverview, type Overview } from '../domain/learnerCountOverview';
import { InstitutionEntity, type InstitutionRecord } from '../entities/institution';
import { LearnerCountReportEntity, type LearnerCountReportRecord } from '../entities/learnerCountReport';

/** Far above any municipality (Rīga founds a few hundred institutions): a guard, not a page size. */
export const MAX_OVERVIEW_INSTITUTIONS = 2000;

export type ReportWithTotal = LearnerCountReportRecord & { total: number };

/**
 * A founder's institutions and their reports for a school year in two set-based statements (no
 * query per institution). `lockReports` takes the reports' rows FOR UPDATE, for acceptance.
 */
export async function loadMunicipalityOverview(
  manager: EntityManager,
  municipality: string,
  schoolYear: string,
  { lockReports = false }: { lockReports?: boolean } = {},
): Promise<Overview<InstitutionRecord, ReportWithTotal>> {
  const institutions = await manager.getRepository(InstitutionEntity).find({
    where: { founderKind: 'MUNICIPALITY', founderMunicipality: municipality },
    order: { id: 'ASC' },
    take: MAX_OVERVIEW_INSTITUTIONS + 1,
  });
  if (institutions.length > MAX_OVERVIEW_INSTITUTIONS) {
    throw conflict(`${municipality} founds more than ${MAX_OVERVIEW_INSTITUTIONS} institutions; the overview is not built for that many`);
  }
  const reports = institutions.length
    ? await manager.getRepository(LearnerCountReportEntity).find({
        where: { schoolYear, institutionId: In(institutions.map((institution) => institution.id)) },
        order: { id: 'ASC' },
        ...(lockReports ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
    : [];
  return municipalityOverview(
    institutions,
    reports.map((report) => Object.assign(report, { total: totalLearners(report) })),
  );
}
