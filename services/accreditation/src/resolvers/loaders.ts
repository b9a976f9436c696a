import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { AccreditationEntity, type AccreditationRecord } from '../entities/accreditation';
import { AccreditationApplicationEntity, type AccreditationApplicationRecord } from '../entities/accreditationApplication';
import { AccreditationExtensionEntity, type AccreditationExtensionRecord } from '../entities/accreditationExtension';
import { AccreditationResultEntity, type AccreditationResultRecord } from '../entities/accreditationResult';
import { HeadEvaluationEntity, type HeadEvaluationRecord } from '../entities/headEvaluation';
import {
  AccreditationTaskEntity,
  MonitoringVisitEntity,
  TaskProgressEntity,
  type AccreditationTaskRecord,
  type MonitoringVisitRecord,
  type TaskProgressRecord,
} from '../entities/monitoring';

/** Per-request batch loaders: one SQL statement per kind of row however many institutions a query touches. */
export interface AccreditationLoaders {
  accreditation: DataLoader<string, AccreditationRecord | null>;
  /** Accreditations by institution id, latest term first. */
  accreditationsByInstitution: DataLoader<string, AccreditationRecord[]>;
  /** Programme accreditations by licence id, latest term first. */
  accreditationsByLicence: DataLoader<string, AccreditationRecord[]>;
  /** Results by accreditation id, in the regulation's order of categories. */
  results: DataLoader<string, AccreditationResultRecord[]>;
  extensions: DataLoader<string, AccreditationExtensionRecord[]>;
  application: DataLoader<string, AccreditationApplicationRecord | null>;
  /** Whether the institution has applied for the accreditation that follows this one. */
  nextApplicationLodged: DataLoader<string, boolean>;
  headEvaluation: DataLoader<string, HeadEvaluationRecord | null>;
  /** Head evaluations by institution id, latest decision first. */
  headEvaluationsByInstitution: DataLoader<string, HeadEvaluationRecord[]>;
  /** Tasks by accreditation id, by deadline. */
  tasks: DataLoader<string, AccreditationTaskRecord[]>;
  /** Monitoring visits by accreditation id, earliest first. */
  visits: DataLoader<string, MonitoringVisitRecord[]>;
  progressByTask: DataLoader<string, TaskProgressRecord[]>;
  progressByVisit: DataLoader<string, TaskProgressRecord[]>;
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string, keys: readonly string[]): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * An application "follows" an accreditation when it is for the same institution, kind and
 * licence, was submitted on or after the decision, is not the one decided, and was not closed.
 */
export const NEXT_APPLICATION_LODGED = `
  EXISTS (SELECT 1 FROM accreditation_application p
          WHERE p.institution_id = a.institution_id AND p.kind = a.kind
            AND p.licence_id IS NOT DISTINCT FROM a.licence_id
            AND p.submitted_on >= a.decision_date
            AND p.id IS DISTINCT FROM a.application_id
            AND p.status <> 'CLOSED')`;

export function createAccreditationLoaders(db: DataSource): AccreditationLoaders {
  const byIds = <T extends { id: string }>(load: (ids: string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await load([...ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  const latestFirst = { termStart: 'DESC', createdAt: 'DESC' } as const;
  return {
    accreditation: byIds((ids) => db.getRepository(AccreditationEntity).findBy({ id: In(ids) })),
    accreditationsByInstitution: new DataLoader(async (ids) => {
      const rows = await db.getRepository(AccreditationEntity).find({ where: { institutionId: In([...ids]) }, order: latestFirst });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    accreditationsByLicence: new DataLoader(async (ids) => {
      const rows = await db.getRepository(AccreditationEntity).find({ where: { licenceId: In([...ids]) }, order: latestFirst });
      return groupBy(rows, (row) => row.licenceId!, ids);
    }),
    results: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(AccreditationResultEntity)
        .find({ where: { accreditationId: In([...ids]) }, order: { position: 'ASC' } });
      return groupBy(rows, (row) => row.accreditationId, ids);
    }),
    extensions: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(AccreditationExtensionEntity)
        .find({ where: { accreditationId: In([...ids]) }, order: { position: 'ASC' } });
      return groupBy(rows, (row) => row.accreditationId, ids);
    }),
    application: byIds((ids) => db.getRepository(AccreditationApplicationEntity).findBy({ id: In(ids) })),
    nextApplicationLodged: new DataLoader(async (ids) => {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT a.id FROM accreditation a WHERE a.id = ANY($1) AND ${NEXT_APPLICATION_LODGED}`,
        [[...ids]],
      );
      const lodged = new Set(rows.map((row) => row.id));
      return ids.map((id) => lodged.has(id));
    }),
    headEvaluation: byIds((ids) => db.getRepository(HeadEvaluationEntity).findBy({ id: In(ids) })),
    headEvaluationsByInstitution: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(HeadEvaluationEntity)
        .find({ where: { institutionId: In([...ids]) }, order: { decisionDate: 'DESC', createdAt: 'DESC' } });
      return groupBy(rows, (row) => row.institutionId, ids);
    }),
    tasks: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(AccreditationTaskEntity)
        .find({ where: { accreditationId: In([...ids]) }, order: { deadline: 'ASC', createdAt: 'ASC' } });
      return groupBy(rows, (row) => row.accreditationId, ids);
    }),
    visits: new DataLoader(async (ids) => {
      const rows = await db
        .getRepository(MonitoringVisitEntity)
        .find({ where: { accreditationId: In([...ids]) }, order: { visitedOn: 'ASC', createdAt: 'ASC' } });
      return groupBy(rows, (row) => row.accreditationId, ids);
    }),
    progressByTask: new DataLoader(async (ids) => {
      const rows = await db.getRepository(TaskProgressEntity).find({ where: { taskId: In([...ids]) }, order: { visitedOn: 'ASC' } });
      return groupBy(rows, (row) => row.taskId, ids);
    }),
    progressByVisit: new DataLoader(async (ids) => {
      const rows = await db.getRepository(TaskProgressEntity).find({ where: { visitId: In([...ids]) } });
      return groupBy(rows, (row) => row.visitId, ids);
    }),
  };
}
