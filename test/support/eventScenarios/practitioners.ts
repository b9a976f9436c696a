import { Topics } from '@eq/shared';
import { CERTIFY, childMinderInput, privatePracticeInput, REGISTER, registerInput } from '../../../services/practitioners/test/fixtures';
import { eventually } from '../eventually';
import type { EventScenario } from './scenario';

// The mutation's name varies, so codegen cannot check this one.
const DECIDE = (mutation: string) => `
  mutation($input: PsychologistStatusDecisionInput!) { ${mutation}(input: $input) { psychologist { id } } }`;
const GRANT = /* GraphQL */ `
  mutation ScenarioPractitionersGrantSupervisorRights($input: GrantSupervisorRightsInput!) {
    grantSupervisorRights(input: $input) {
      psychologist {
        id
      }
    }
  }
`;
const RECOGNISE = /* GraphQL */ `
  mutation ScenarioPractitionersRecogniseForeignQualification($input: RecogniseForeignQualificationInput!) {
    recogniseForeignQualification(input: $input) {
      psychologist {
        id
      }
    }
  }
`;
// The mutation's name varies here too.
const DECIDE_CERTIFICATE = (mutation: string) => `
  mutation($input: CertificateDecisionInput!) { ${mutation}(input: $input) { certificate { status } } }`;
const CONTRACT = /* GraphQL */ `
  mutation ScenarioPractitionersRecordSupervisionContract($input: RecordSupervisionContractInput!) {
    recordSupervisionContract(input: $input) {
      psychologist {
        id
      }
    }
  }
`;
const CERTIFICATES = /* GraphQL */ `
  query ScenarioPractitionersPsychologist($n: String!) {
    psychologist(registrationNumber: $n) {
      certificates {
        expired
      }
    }
  }
`;

const REGISTER_PROVIDER = /* GraphQL */ `
  mutation ScenarioPractitionersRegisterChildcareProvider($input: RegisterChildcareProviderInput!) {
    registerChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;
const REFUSE_PROVIDER = /* GraphQL */ `
  mutation ScenarioPractitionersRefuseChildcareProvider($input: RefuseChildcareProviderInput!) {
    refuseChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;
const AMEND_PROVIDER = /* GraphQL */ `
  mutation ScenarioPractitionersAmendChildcareProvider($input: AmendChildcareProviderInput!) {
    amendChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;
const EXCLUDE_PROVIDER = /* GraphQL */ `
  mutation ScenarioPractitionersExcludeChildcareProvider($input: ExcludeChildcareProviderInput!) {
    excludeChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;

const ISSUE = /* GraphQL */ `
  mutation ScenarioPractitionersIssuePrivatePracticeCertificate($input: IssuePrivatePracticeCertificateInput!) {
    issuePrivatePracticeCertificate(input: $input) {
      certificate {
        id
      }
    }
  }
`;
const EXTEND = /* GraphQL */ `
  mutation ScenarioPractitionersExtendPrivatePracticeCertificate($input: ExtendPrivatePracticeCertificateInput!) {
    extendPrivatePracticeCertificate(input: $input) {
      certificate {
        id
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ScenarioPractitionersRevokePrivatePracticeCertificate($input: RevokePrivatePracticeCertificateInput!) {
    revokePrivatePracticeCertificate(input: $input) {
      certificate {
        id
      }
    }
  }
`;

/** The practitioners service's "today" in this scenario (its definition gets this clock). */
export const PRACTITIONERS_TODAY = '2024-11-22';

const unique = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000);

export const practitionersScenario: EventScenario = async (context) => {
  const data = (query: string, input: Record<string, unknown>) => context.data(query, { input }, context.officer);
  const register = async (date: string) => {
    const input = registerInput({ decision: { number: `R-${date}`, date } });
    return {
      id: (await data(REGISTER, input)).registerPsychologist.psychologist.id as string,
      registrationNumber: input.registrationNumber as string,
    };
  };
  const certify = (psychologistId: string, fieldOfPractice: string, date: string) =>
    data(CERTIFY, {
      psychologistId,
      certificateNumber: `C-${fieldOfPractice}-${psychologistId.slice(0, 8)}`,
      fieldOfPractice,
      decision: { number: `C-${date}`, date },
    });
  const decide = (mutation: string, psychologistId: string, date: string) =>
    data(DECIDE(mutation), { psychologistId, decision: { number: `D-${date}`, date } });

  const decided = await register('2024-01-10');
  await certify(decided.id, 'CLINICAL_AND_HEALTH', '2024-02-01');
  await data(RECOGNISE, {
    psychologistId: decided.id,
    country: 'de',
    qualification: 'Diplom-Psychologin',
    decision: { number: 'AK-1', date: '2024-02-02' },
    recognitionCertificate: { number: 'AA-0001', date: '2024-02-02' },
  });
  await data(GRANT, {
    psychologistId: decided.id,
    fieldOfPractice: 'CLINICAL_AND_HEALTH',
    decision: { number: 'P-1', date: '2024-02-03' },
  });
  const supervised = await register('2024-01-20');
  await data(CONTRACT, { psychologistId: supervised.id, supervisorId: decided.id, startsOn: '2024-02-05', endsOn: '2025-02-04' });
  for (const [mutation, date] of [
    ['suspendCertificate', '2024-02-10'],
    ['restoreCertificate', '2024-02-11'],
    ['annulCertificate', '2024-02-12'],
  ] as const) {
    await data(DECIDE_CERTIFICATE(mutation), {
      certificateNumber: `C-CLINICAL_AND_HEALTH-${decided.id.slice(0, 8)}`,
      decision: { number: `DC-${date}`, date },
    });
  }
  for (const [mutation, date] of [
    ['suspendPsychologist', '2024-03-01'],
    ['restorePsychologist', '2024-04-01'],
    ['terminatePsychologist', '2024-07-01'],
    ['restorePsychologist', '2024-08-01'],
    ['excludePsychologist', '2024-09-01'],
  ] as const) {
    await decide(mutation, decided.id, date);
  }
  // Certified seven years before "today": the expiry job ends the certificate by itself.
  const expired = await register('2017-06-01');
  await certify(expired.id, 'EDUCATION_AND_SCHOOL', '2017-11-01');
  await eventually(
    () => context.data(CERTIFICATES, { n: expired.registrationNumber }),
    (found) => found.psychologist.certificates[0].expired === true,
    {
      what: 'the expiry job',
    },
  );

  const person = childMinderInput;
  const provider = (await data(REGISTER_PROVIDER, person({ registrationNumber: `BU-${unique()}` }))).registerChildcareProvider
    .childcareProvider.id as string;
  await data(AMEND_PROVIDER, {
    id: provider,
    serviceAddress: 'Vaļņu iela 2, Cēsis',
    homeAddressPublic: true,
    decision: { number: 'BU-A/1', date: '2024-06-01' },
  });
  await data(EXCLUDE_PROVIDER, {
    id: provider,
    reasonCode: 'SERVICE_DISCONTINUED',
    decision: { number: 'BU-X/1', date: '2024-07-01' },
  });
  const refused = (
    await data(
      REFUSE_PROVIDER,
      person({ applicationNumber: `PIET-${unique()}`, reasonCode: 'OTHER', reasonText: 'Nav iesniegta izziņa par sodāmību' }),
    )
  ).refuseChildcareProvider.childcareProvider.id as string;

  const certificate = (await data(ISSUE, privatePracticeInput({ number: `PP-${unique()}` }))).issuePrivatePracticeCertificate.certificate
    .id as string;
  await data(EXTEND, { id: certificate, validUntil: '2029-02-28', decision: { number: 'PP-E/1', date: '2024-10-01' } });
  await data(REVOKE, {
    id: certificate,
    reason: 'Nepietiekamas valsts valodas zināšanas',
    decision: { number: 'PP-R/1', date: '2024-11-01' },
  });

  return {
    [Topics.practitionersPsychologist]: [decided.id, expired.id, supervised.id],
    [Topics.practitionersChildcareProvider]: [provider, refused],
    [Topics.practitionersPrivatePractice]: [certificate],
  };
};
