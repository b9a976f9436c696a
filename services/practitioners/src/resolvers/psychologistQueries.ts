import { keysetPage, whereFolded } from '@eq/shared';
import { FIELDS_OF_PRACTICE, type FieldOfPracticeCode } from '../domain/fieldsOfPractice';
import { assertRegistrationNumber } from '../domain/registrationNumber';
import { PRACTISING } from '../domain/statusDecisions';
import { PsychologistEntity } from '../entities/psychologist';
import type { QueryResolvers } from '../generated/resolvers';

export const psychologistQueries: QueryResolvers = {
  psychologist: (_parent, { registrationNumber }, { db }) =>
    db.getRepository(PsychologistEntity).findOneBy({ registrationNumber: assertRegistrationNumber(registrationNumber) }),

  psychologists: async (_parent, { filter, first, after }, { db, clock }) => {
    const query = db.getRepository(PsychologistEntity).createQueryBuilder('p');
    if (filter?.search) whereFolded(query, 'p.search_name', filter.search, 'filter.search', 'search');
    if (filter?.municipality) {
      whereFolded(query, 'p.search_practice_municipality', filter.municipality, 'filter.municipality', 'municipality');
    }
    if (filter?.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter?.registrationNumber) {
      query.andWhere('p.registration_number = :registrationNumber', {
        registrationNumber: assertRegistrationNumber(filter.registrationNumber),
      });
    }
    if (filter?.fieldOfPractice && filter.supervisor == null) {
      query.andWhere('EXISTS (SELECT 1 FROM certificate c WHERE c.psychologist_id = p.id AND c.field_of_practice = :field)', {
        field: filter.fieldOfPractice,
      });
    }
    if (filter?.supervisor != null) {
      // Current rights (resolvers/psychologist.ts, rightCurrent): within their period today, resting on an
      // ACTIVE certificate, held by someone whose professional activity is in force (domain/statusDecisions).
      const current = `EXISTS (SELECT 1 FROM supervisor_right r JOIN certificate c ON c.id = r.certificate_id
        WHERE r.psychologist_id = p.id AND r.valid_from <= :today AND r.valid_until >= :today AND c.status = 'ACTIVE'
        ${filter.fieldOfPractice ? 'AND r.field_of_practice = :field' : ''}) AND p.status IN (:...practising)`;
      query.andWhere(filter.supervisor ? `(${current})` : `NOT (${current})`, {
        today: clock.today(),
        field: filter.fieldOfPractice,
        practising: PRACTISING,
      });
    }
    return keysetPage(query, 'p', 'name', (row) => row.name, first, after);
  },

  fieldsOfPractice: () =>
    (Object.entries(FIELDS_OF_PRACTICE) as Array<[FieldOfPracticeCode, string]>).map(([code, labelLv]) => ({ code, labelLv })),
};
