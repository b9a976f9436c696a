import { validationFailed } from '@eq/shared/errors';
import { levelsBelow, QUALITY_CATEGORIES, QUALITY_LEVELS } from '../domain/qualityScale';
import type { AccreditationKind, HeadInstitutionCategory, QueryResolvers } from '../generated/resolvers';

const KINDS: AccreditationKind[] = ['INSTITUTION', 'PROGRAMME'];
const HEAD_CATEGORIES: HeadInstitutionCategory[] = ['GENERAL', 'VOCATIONAL', 'PRESCHOOL'];

/** "Below good" as the 2024 report counts it: a category (or criterion) assessed under GOOD. */
const BELOW_GOOD = levelsBelow('GOOD');

export const statisticsQueries: Pick<QueryResolvers, 'accreditationStatistics'> = {
  accreditationStatistics: async (_parent, { year }, { db }) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw validationFailed('year must be 2000-2100', 'year');
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, [from, to, ...params]))[0].count);
    const grouped = async (sql: string, params: unknown[] = []) =>
      new Map(
        ((await db.query(sql, [from, to, ...params])) as Array<{ key: string; count: string }>).map((row) => [row.key, Number(row.count)]),
      );

    const byKind = await grouped('SELECT kind AS key, count(*) FROM accreditation WHERE decision_date BETWEEN $1 AND $2 GROUP BY kind');
    const results = await grouped(
      `SELECT r.category || '/' || r.level AS key, count(*) FROM accreditation_result r JOIN accreditation a ON a.id = r.accreditation_id
       WHERE a.decision_date BETWEEN $1 AND $2 GROUP BY 1`,
    );
    const heads = await grouped(
      'SELECT institution_category AS key, count(*) FROM head_evaluation WHERE decision_date BETWEEN $1 AND $2 GROUP BY 1',
    );
    return {
      year,
      accreditationsByKind: KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
      resultsByCategory: QUALITY_CATEGORIES.flatMap(({ code: category }) =>
        QUALITY_LEVELS.map(({ code: level }) => ({ category, level, count: results.get(`${category}/${level}`) ?? 0 })),
      ),
      refusals: await count(`SELECT count(*) FROM accreditation_application WHERE status = 'REFUSED' AND decision_date BETWEEN $1 AND $2`),
      institutionsBelowGood: await count(
        `SELECT count(DISTINCT a.institution_id) FROM accreditation a JOIN accreditation_result r ON r.accreditation_id = a.id
         WHERE a.kind = 'INSTITUTION' AND a.decision_date BETWEEN $1 AND $2 AND r.level = ANY($3)`,
        [BELOW_GOOD],
      ),
      headsEvaluated: [...heads.values()].reduce((sum, n) => sum + n, 0),
      headsByInstitutionCategory: HEAD_CATEGORIES.map((institutionCategory) => ({
        institutionCategory,
        count: heads.get(institutionCategory) ?? 0,
      })),
      headsBelowGood: await count(
        `SELECT count(*) FROM head_evaluation h WHERE h.decision_date BETWEEN $1 AND $2
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(h.results) e WHERE e->>'level' = ANY($3))`,
        [BELOW_GOOD],
      ),
    };
  },
};
