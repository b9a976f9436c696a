import { requireRole, Role } from '@eq/shared';
import { addDays, annualReportPeriod, assertHorizonDays, daysBetween } from '../domain/reportPeriods';
import { PRACTISING } from '../domain/statusDecisions';
import { CertificateEntity } from '../entities/certificate';
import type { QueryResolvers } from '../generated/resolvers';

export const reportQueries: QueryResolvers = {
  certificatesExpiring: async (_parent, { withinDays }, { db, caller, clock, loaders }) => {
    requireRole(caller, Role.OFFICER);
    const today = clock.today();
    const until = addDays(today, assertHorizonDays(withinDays));
    // Expiring for the register means: still valid today, last day within the horizon, not annulled (an annulled
    // certificate has ended already; a suspended one still runs out), held by someone whose activity is in force.
    const certificates = await db
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .innerJoin('psychologist', 'p', 'p.id = c.psychologist_id')
      .where('c.valid_from <= :today AND c.valid_until >= :today AND c.valid_until <= :until', { today, until })
      .andWhere('p.status IN (:...practising)', { practising: PRACTISING })
      .andWhere("c.status <> 'ANNULLED'")
      .orderBy('c.valid_until', 'ASC')
      .addOrderBy('c.number', 'ASC')
      .limit(1000)
      .getMany();
    return Promise.all(
      certificates.map(async (certificate) => ({
        psychologist: (await loaders.psychologist.load(certificate.psychologistId))!,
        certificate,
        daysLeft: daysBetween(today, certificate.validUntil),
      })),
    );
  },

  practitionersAnnualReport: async (_parent, { year }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const { from, to, supervisorsOn } = annualReportPeriod(year, clock.today());
    const [row] = await db.query(
      `SELECT
         (SELECT count(*) FROM psychologist WHERE registration_decision_date BETWEEN $1 AND $2) AS psychologists_registered,
         (SELECT count(*) FROM certificate WHERE decision_date BETWEEN $1 AND $2) AS psychologists_certified,
         (SELECT count(*) FROM supervisor_right WHERE decision_date BETWEEN $1 AND $2) AS supervisor_rights_granted,
         (SELECT count(DISTINCT r.psychologist_id) FROM supervisor_right r JOIN psychologist p ON p.id = r.psychologist_id
           WHERE r.valid_from <= $3 AND r.valid_until >= $3 AND p.status = ANY($4)) AS supervisors,
         (SELECT count(*) FROM status_change WHERE status = 'EXCLUDED' AND decision_date BETWEEN $1 AND $2) AS psychologists_excluded,
         (SELECT count(*) FROM childcare_provider WHERE status <> 'REFUSED' AND decision_date BETWEEN $1 AND $2) AS childcare_registered,
         (SELECT count(*) FROM childcare_provider WHERE status = 'REFUSED' AND decision_date BETWEEN $1 AND $2) AS childcare_refused,
         (SELECT count(*) FROM childcare_provider WHERE exclusion_decision_date BETWEEN $1 AND $2) AS childcare_excluded,
         (SELECT count(*) FROM private_practice_certificate WHERE decision_date BETWEEN $1 AND $2) AS private_issued,
         (SELECT count(*) FROM private_practice_certificate WHERE revocation_decision_date BETWEEN $1 AND $2) AS private_revoked`,
      [from, to, supervisorsOn, PRACTISING],
    );
    return {
      year,
      psychologistsRegistered: Number(row.psychologists_registered),
      psychologistsCertified: Number(row.psychologists_certified),
      supervisorRightsGranted: Number(row.supervisor_rights_granted),
      supervisors: Number(row.supervisors),
      psychologistsExcluded: Number(row.psychologists_excluded),
      childcareProvidersRegistered: Number(row.childcare_registered),
      childcareProvidersRefused: Number(row.childcare_refused),
      childcareProvidersExcluded: Number(row.childcare_excluded),
      privatePracticeCertificatesIssued: Number(row.private_issued),
      privatePracticeCertificatesRevoked: Number(row.private_revoked),
    };
  },
};
