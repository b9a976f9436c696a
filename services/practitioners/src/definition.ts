import { readSubgraphSdl, type SubgraphDefinition, Topics, systemClock } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Clock, type Context } from './context';
import { DEFAULT_STATUS_DECISION_POLICY, type StatusDecisionPolicy } from './domain/statusDecisions';
import { CertificateEntity, CertificateStatusChangeEntity } from './entities/certificate';
import { ChildcareAmendmentEntity, ChildcareProviderEntity } from './entities/childcareProvider';
import { ForeignQualificationEntity } from './entities/foreignQualification';
import { PrivatePracticeCertificateEntity, PrivatePracticeExtensionEntity } from './entities/privatePracticeCertificate';
import { PsychologistEntity } from './entities/psychologist';
import { StatusChangeEntity } from './entities/statusChange';
import { SupervisionContractEntity } from './entities/supervisionContract';
import { SupervisorRightEntity } from './entities/supervisorRight';
import { CreatePsychologistRegister1732300000400 } from './migrations/1732300000400-CreatePsychologistRegister';
import { DecisionsChildcareAndPrivatePractice1732300002400 } from './migrations/1732300002400-DecisionsChildcareAndPrivatePractice';
import { PsychologistPracticeMunicipality1732300003400 } from './migrations/1732300003400-PsychologistPracticeMunicipality';
import { CertificateDecisionsAndSupervision1732300004400 } from './migrations/1732300004400-CertificateDecisionsAndSupervision';
import { ChildcareReasonCodes1732300004410 } from './migrations/1732300004410-ChildcareReasonCodes';
import { resolvers } from './resolvers';
import { recordExpiries } from './store/recordExpiries';

export interface PractitionersOptions {
  /** What "today" is for decisions, validity and expiry (tests pass their own). */
  clock?: Clock;
  /** How often certificates and supervisor rights past their last day are recorded as expired. */
  expiryIntervalMs?: number;
  /** Whether a RESTORE decision may reopen an excluded entry (default: no; see domain/statusDecisions). */
  statusDecisionPolicy?: StatusDecisionPolicy;
}

/** The practitioners subgraph: psychologists, child-supervision service providers, teachers' private practice. */
export function createPractitioners(options: PractitionersOptions = {}): SubgraphDefinition<Context> {
  const clock = options.clock ?? systemClock;
  const statusDecisionPolicy = options.statusDecisionPolicy ?? DEFAULT_STATUS_DECISION_POLICY;
  return {
    name: 'practitioners',
    typeDefs: parse(readSubgraphSdl('practitioners')),
    resolvers,
    entities: [
      PsychologistEntity,
      CertificateEntity,
      CertificateStatusChangeEntity,
      SupervisionContractEntity,
      StatusChangeEntity,
      SupervisorRightEntity,
      ForeignQualificationEntity,
      ChildcareProviderEntity,
      ChildcareAmendmentEntity,
      PrivatePracticeCertificateEntity,
      PrivatePracticeExtensionEntity,
    ],
    migrations: [
      CreatePsychologistRegister1732300000400,
      DecisionsChildcareAndPrivatePractice1732300002400,
      PsychologistPracticeMunicipality1732300003400,
      CertificateDecisionsAndSupervision1732300004400,
      ChildcareReasonCodes1732300004410,
    ],
    publishes: [Topics.practitionersPsychologist, Topics.practitionersChildcareProvider, Topics.practitionersPrivatePractice],
    buildContext: (base, deps) => buildContext(base, deps, { clock, statusDecisionPolicy }),
    jobs: [
      {
        name: 'record-expiries',
        intervalMs: options.expiryIntervalMs ?? 60 * 60_000,
        run: ({ db, logger }) => recordExpiries(db, clock.today(), logger).then(() => undefined),
      },
    ],
  };
}

export const practitioners = createPractitioners();
