import { randomUUID } from 'node:crypto';
import { notFound, requireRole, Role } from '@eq/shared';
import { assertCertificateDecision, type CertificateDecisionKind } from '../domain/certificateDecisions';
import { normaliseDecision } from '../domain/decisions';
import { assertCertificateNumber } from '../domain/psychologistRules';
import { CertificateEntity, CertificateStatusChangeEntity } from '../entities/certificate';
import type { PsychologistEventType } from '../events/out/psychologistEvents';
import type { CertificateDecisionInput, MutationResolvers, ResolverFn, ResolversTypes } from '../generated/resolvers';
import type { Context } from '../context';
import { lockPsychologist, publishPsychologist } from '../store/psychologistStore';
import { findCertificateStatusHistory } from './loaders';

const EVENT_OF: Record<CertificateDecisionKind, PsychologistEventType> = {
  SUSPEND: 'practitioners.psychologist.certificate-suspended',
  ANNUL: 'practitioners.psychologist.certificate-annulled',
  RESTORE: 'practitioners.psychologist.certificate-restored',
};

type CertificateDecisionResolver = ResolverFn<
  ResolversTypes['CertificateDecisionPayload'],
  unknown,
  Context,
  { input: CertificateDecisionInput }
>;

/** One resolver per decision on a certificate: validate, lock its holder, apply the rule, record, publish. */
function certificateDecision(kind: CertificateDecisionKind): CertificateDecisionResolver {
  return async (_parent, { input }, { db, caller, clock }) => {
    requireRole(caller, Role.OFFICER);
    const number = assertCertificateNumber(input.certificateNumber);
    const decision = normaliseDecision(input.decision, clock.today());
    return db.transaction(async (manager) => {
      const certificates = manager.getRepository(CertificateEntity);
      const found = await certificates.findOneBy({ number });
      if (!found) throw notFound('Certificate', number);
      // Lock order as every decision on a psychologist: the person's row first, then the certificate.
      const person = await lockPsychologist(manager, found.psychologistId);
      if (!person) throw notFound('Psychologist', found.psychologistId);
      const certificate = await certificates.findOneByOrFail({ id: found.id });
      const history = (await findCertificateStatusHistory(manager, [person.id])).filter((s) => s.certificateId === certificate.id);
      const latestDecisionDate = history.reduce(
        (latest, s) => (s.decisionDate > latest ? s.decisionDate : latest),
        certificate.decisionDate,
      );
      const status = assertCertificateDecision(person, { ...certificate, latestDecisionDate }, kind, decision);
      await certificates.update({ id: certificate.id }, { status });
      await manager.getRepository(CertificateStatusChangeEntity).insert({
        id: randomUUID(),
        certificateId: certificate.id,
        psychologistId: person.id,
        status,
        decisionNumber: decision.number,
        decisionDate: decision.date,
        recordedBy: caller.subject ?? null,
      });
      const psychologist = await publishPsychologist(manager, EVENT_OF[kind], person.id, ['certificates']);
      return { psychologist, certificate: await certificates.findOneByOrFail({ id: certificate.id }) };
    });
  };
}

export const certificateDecisionMutations: MutationResolvers = {
  suspendCertificate: certificateDecision('SUSPEND'),
  annulCertificate: certificateDecision('ANNUL'),
  restoreCertificate: certificateDecision('RESTORE'),
};
