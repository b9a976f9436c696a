import { keysetPage, mayReadPersonalData, whereFolded } from '@eq/shared';
import { isPrivatePracticeCurrent } from '../domain/privatePractice';
import { assertRegisterNumber } from '../domain/registerText';
import { PrivatePracticeCertificateEntity } from '../entities/privatePracticeCertificate';
import type { PrivatePracticeCertificateResolvers, PrivatePracticeExtensionResolvers, QueryResolvers } from '../generated/resolvers';

export const privatePracticeQueries: QueryResolvers = {
  privatePracticeCertificate: (_parent, { number }, { db }) =>
    db.getRepository(PrivatePracticeCertificateEntity).findOneBy({ number: assertRegisterNumber(number, 'number') }),

  privatePracticeCertificates: (_parent, { filter, first, after }, { db }) => {
    const query = db.getRepository(PrivatePracticeCertificateEntity).createQueryBuilder('c');
    if (filter?.search) whereFolded(query, 'c.search_name', filter.search, 'filter.search', 'search');
    if (filter?.municipality) whereFolded(query, 'c.search_municipality', filter.municipality, 'filter.municipality', 'municipality');
    if (filter?.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter?.programmeKind) query.andWhere('c.programme_kind = :kind', { kind: filter.programmeKind });
    return keysetPage(query, 'c', 'teacher_name', (row) => row.teacherName, first, after);
  },
};

export const PrivatePracticeCertificate: PrivatePracticeCertificateResolvers = {
  personalCode: (certificate, _args, { caller }) => (mayReadPersonalData(caller) ? certificate.personalCode : null),
  isCurrent: (certificate, _args, { clock }) => isPrivatePracticeCurrent(certificate, clock.today()),
  decision: (certificate) => ({ number: certificate.decisionNumber, date: certificate.decisionDate }),
  extensions: (certificate, _args, { loaders }) => loaders.privatePracticeExtensions.load(certificate.id),
  revocationDecision: (certificate) =>
    certificate.revocationDecisionNumber && certificate.revocationDecisionDate
      ? { number: certificate.revocationDecisionNumber, date: certificate.revocationDecisionDate }
      : null,
};

export const PrivatePracticeExtension: PrivatePracticeExtensionResolvers = {
  decision: (extension) => ({ number: extension.decisionNumber, date: extension.decisionDate }),
};
