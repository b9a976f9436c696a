import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPractitioners } from '@eq/practitioners';
import { Role, Topics, type RequestContext, type SubgraphDefinition, DayClock } from '@eq/shared';
import { CERTIFY, REGISTER, registerInput } from '../services/practitioners/test/fixtures';
import { eventually } from './support/eventually';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

/*
 * Issue 16 through the gateway: certificates are suspended, annulled and restored one field at a
 * time; an uncertified psychologist practises only under a supervision contract; a recognised
 * foreign qualification can create the register entry. The practitioners service runs on a fixed
 * "today", so validity and contract periods do not depend on the calendar.
 */
const TODAY = '2025-03-01';

const GRANT = /* GraphQL */ `
  mutation E2eGrantSupervisorRights($input: GrantSupervisorRightsInput!) {
    grantSupervisorRights(input: $input) {
      psychologist {
        isSupervisor
      }
    }
  }
`;
const SUSPEND_CERTIFICATE = /* GraphQL */ `
  mutation E2eSuspendCertificate($input: CertificateDecisionInput!) {
    suspendCertificate(input: $input) {
      certificate {
        status
      }
    }
  }
`;
const ANNUL_CERTIFICATE = /* GraphQL */ `
  mutation E2eAnnulCertificate($input: CertificateDecisionInput!) {
    annulCertificate(input: $input) {
      certificate {
        number
        status
        isCurrent
        statusHistory {
          status
          decision {
            number
            date
          }
        }
      }
    }
  }
`;
const RESTORE_CERTIFICATE = /* GraphQL */ `
  mutation E2eRestoreCertificate($input: CertificateDecisionInput!) {
    restoreCertificate(input: $input) {
      certificate {
        status
      }
    }
  }
`;
const CONTRACT = /* GraphQL */ `
  mutation E2eRecordSupervisionContract($input: RecordSupervisionContractInput!) {
    recordSupervisionContract(input: $input) {
      psychologist {
        mayPractise
      }
      supervisionContract {
        startsOn
        endsOn
        isCurrent
        supervisor {
          registrationNumber
        }
      }
    }
  }
`;
const SUSPEND_PERSON = /* GraphQL */ `
  mutation E2eSuspendPsychologist($input: PsychologistStatusDecisionInput!) {
    suspendPsychologist(input: $input) {
      psychologist {
        status
        mayPractise
      }
    }
  }
`;
const RECOGNISE = /* GraphQL */ `
  mutation E2eRecogniseForeignQualification($input: RecogniseForeignQualificationInput!) {
    recogniseForeignQualification(input: $input) {
      psychologist {
        id
        registrationNumber
        status
        mayPractise
        registrationDecision {
          number
          date
        }
        foreignQualifications {
          country
          recognitionCertificate {
            number
            date
          }
        }
      }
    }
  }
`;
const PUBLIC_ENTRY = /* GraphQL */ `
  query E2ePsychologistPractice($n: String!) {
    psychologist(registrationNumber: $n) {
      status
      mayPractise
      personalCode
      certificates {
        fieldOfPractice
        status
        isCurrent
      }
      supervisionContracts {
        isCurrent
        supervisor {
          name
        }
      }
    }
  }
`;

describe('psychologists: certificates per field, supervision contracts, recognition that enters the register', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;
  const data = (query: string, input: Record<string, unknown>) => stack.client.data(query, { input }, officer);
  const refusal = async (query: string, input: Record<string, unknown>) => {
    const response = await stack.client.request(query, { input }, officer);
    assert.ok(response.errors?.length, `expected a refusal, got ${JSON.stringify(response.data)}`);
    return response.errors[0]!.extensions as Record<string, unknown>;
  };
  const publicEntry = async (registrationNumber: string) => (await stack.client.data(PUBLIC_ENTRY, { n: registrationNumber })).psychologist;

  const register = async (date = '2024-01-10') => {
    const input = registerInput({ decision: { number: `R-${date}`, date } });
    const id = (await data(REGISTER, input)).registerPsychologist.psychologist.id as string;
    return { id, registrationNumber: input.registrationNumber as string, personalCode: input.personalCode as string };
  };
  const certify = async (psychologistId: string, fieldOfPractice: string, date = '2024-02-01') => {
    const certificateNumber = `K-${fieldOfPractice}-${psychologistId.slice(0, 8)}`;
    await data(CERTIFY, { psychologistId, certificateNumber, fieldOfPractice, decision: { number: `S-${date}`, date } });
    return certificateNumber;
  };

  beforeAll(async () => {
    const practitioners = createPractitioners({ clock: new DayClock(TODAY) });
    stack = await startTestStack('psychologistcertificates', {
      definitions: { practitioners } as Record<string, SubgraphDefinition<RequestContext>>,
    });
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.practitionersPsychologist]);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-certificates' });
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it('a psychologist certified in two fields loses one certificate and keeps practising in the other', async () => {
    const person = await register();
    const clinical = await certify(person.id, 'CLINICAL_AND_HEALTH');
    const counselling = await certify(person.id, 'COUNSELLING');
    expect((await publicEntry(person.registrationNumber)).mayPractise).toBe(true);

    const annulled = await data(ANNUL_CERTIFICATE, { certificateNumber: clinical, decision: { number: 'AN-1', date: '2025-01-15' } });
    expect(annulled.annulCertificate.certificate).toStrictEqual({
      number: clinical,
      status: 'ANNULLED',
      isCurrent: false,
      statusHistory: [{ status: 'ANNULLED', decision: { number: 'AN-1', date: '2025-01-15' } }],
    });
    const afterAnnulment = await publicEntry(person.registrationNumber);
    expect(afterAnnulment.status).toBe('CERTIFIED');
    expect(afterAnnulment.mayPractise).toBe(true);
    expect(afterAnnulment.personalCode).toBeNull();
    expect(
      afterAnnulment.certificates.map((c: { fieldOfPractice: string; isCurrent: boolean }) => [c.fieldOfPractice, c.isCurrent]).sort(),
    ).toStrictEqual([
      ['CLINICAL_AND_HEALTH', false],
      ['COUNSELLING', true],
    ]);

    // Suspending the other certificate too leaves nothing to practise on; restoring it gives it back.
    await data(SUSPEND_CERTIFICATE, { certificateNumber: counselling, decision: { number: 'AP-1', date: '2025-02-01' } });
    expect((await publicEntry(person.registrationNumber)).mayPractise).toBe(false);
    await data(RESTORE_CERTIFICATE, { certificateNumber: counselling, decision: { number: 'AT-1', date: '2025-02-15' } });
    expect((await publicEntry(person.registrationNumber)).mayPractise).toBe(true);

    // An annulment is final for the certificate; an unknown number is NOT_FOUND.
    expect(
      await refusal(RESTORE_CERTIFICATE, { certificateNumber: clinical, decision: { number: 'AT-2', date: '2025-02-20' } }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'CERTIFICATE_STATUS_DOES_NOT_ALLOW',
    });
    expect(
      (await refusal(SUSPEND_CERTIFICATE, { certificateNumber: 'K-NONE-404', decision: { number: 'AP-2', date: '2025-02-20' } })).code,
    ).toBe('NOT_FOUND');

    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [person.id]),
      (found) => found.length >= 6,
      { what: 'the certificate decisions on the topic' },
    );
    expect(events.map((e) => e.type.replace('practitioners.psychologist.', ''))).toStrictEqual([
      'registered',
      'certified',
      'certified',
      'certificate-annulled',
      'certificate-suspended',
      'certificate-restored',
    ]);
    const last = events.at(-1)!.data.state;
    expect(last.certificates.map((c: { number: string; status: string }) => [c.number, c.status]).sort()).toStrictEqual(
      [
        [clinical, 'ANNULLED'],
        [counselling, 'ACTIVE'],
      ].sort(),
    );
    assert.ok(!JSON.stringify(events).includes(person.personalCode), 'no personal code on the topic');
  });

  it('an uncertified psychologist with a supervision contract may practise, without one may not', async () => {
    const supervisor = await register();
    await certify(supervisor.id, 'LEGAL');
    await data(GRANT, { psychologistId: supervisor.id, fieldOfPractice: 'LEGAL', decision: { number: 'PR-1', date: '2024-03-01' } });
    const uncertified = await register();
    const another = await register();
    expect((await publicEntry(uncertified.registrationNumber)).mayPractise).toBe(false);
    expect((await publicEntry(another.registrationNumber)).mayPractise).toBe(false);

    // The supervisor must hold supervisor rights in force: an uncertified colleague cannot supervise.
    expect(
      await refusal(CONTRACT, { psychologistId: uncertified.id, supervisorId: another.id, startsOn: '2025-02-01', endsOn: '2026-01-31' }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'supervisorId' });
    expect(
      await refusal(CONTRACT, {
        psychologistId: uncertified.id,
        supervisorId: supervisor.id,
        startsOn: '2025-02-01',
        endsOn: '2025-01-31',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'endsOn' });

    const recorded = await data(CONTRACT, {
      psychologistId: uncertified.id,
      supervisorId: supervisor.id,
      startsOn: '2025-02-01',
      endsOn: '2026-01-31',
    });
    expect(recorded.recordSupervisionContract).toStrictEqual({
      psychologist: { mayPractise: true },
      supervisionContract: {
        startsOn: '2025-02-01',
        endsOn: '2026-01-31',
        isCurrent: true,
        supervisor: { registrationNumber: supervisor.registrationNumber },
      },
    });
    const entry = await publicEntry(uncertified.registrationNumber);
    expect(entry).toMatchObject({ status: 'REGISTERED', mayPractise: true, personalCode: null });
    expect(entry.supervisionContracts).toHaveLength(1);
    expect((await publicEntry(another.registrationNumber)).mayPractise).toBe(false);

    // A person-level suspension stops practice under the contract too.
    const suspended = await data(SUSPEND_PERSON, { psychologistId: uncertified.id, decision: { number: 'PA-1', date: '2025-02-20' } });
    expect(suspended.suspendPsychologist.psychologist).toStrictEqual({ status: 'SUSPENDED', mayPractise: false });

    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [uncertified.id]),
      (found) => found.some((e) => e.type === 'practitioners.psychologist.supervision-contract-recorded'),
      { what: 'the supervision contract on the topic' },
    );
    const contractEvent = events.find((e) => e.type === 'practitioners.psychologist.supervision-contract-recorded')!;
    expect(contractEvent.data.state.supervisionContracts).toStrictEqual([
      { supervisorId: supervisor.id, startsOn: '2025-02-01', endsOn: '2026-01-31' },
    ]);
  });

  it('a recognised foreign qualification enters the person in the register with its recognition certificate', async () => {
    const entry = registerInput();
    const { decision: _unused, ...newEntry } = entry;
    const input = {
      newEntry,
      country: 'lt',
      qualification: 'Psichologas',
      decision: { number: 'AK-1', date: '2025-01-20' },
      recognitionCertificate: { number: 'AA-0007', date: '2025-01-22' },
    };
    const both = await refusal(RECOGNISE, { ...input, psychologistId: '00000000-0000-4000-8000-000000000000' });
    expect(both).toMatchObject({ code: 'VALIDATION_FAILED', field: 'psychologistId' });
    const early = await refusal(RECOGNISE, { ...input, recognitionCertificate: { number: 'AA-0007', date: '2025-01-19' } });
    expect(early).toMatchObject({ code: 'VALIDATION_FAILED', field: 'recognitionCertificate.date' });
    expect(await stack.client.data(PUBLIC_ENTRY, { n: entry.registrationNumber })).toStrictEqual({ psychologist: null });

    const recognised = (await data(RECOGNISE, input)).recogniseForeignQualification.psychologist;
    expect(recognised).toMatchObject({
      registrationNumber: entry.registrationNumber,
      status: 'REGISTERED',
      mayPractise: false,
      registrationDecision: { number: 'AK-1', date: '2025-01-20' },
      foreignQualifications: [{ country: 'LT', recognitionCertificate: { number: 'AA-0007', date: '2025-01-22' } }],
    });
    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [recognised.id]),
      (found) => found.length >= 1,
      { what: 'the recognition on the topic' },
    );
    expect(events.map((e) => e.type)).toStrictEqual(['practitioners.psychologist.foreign-qualification-recognised']);
    assert.ok(!JSON.stringify(events).includes(entry.personalCode as string), 'no personal code on the topic');
  });

  it('takes certificate decisions and supervision contracts from OFFICERs only', async () => {
    const school = await stack.client.token({
      role: Role.SCHOOL,
      institutionId: '00000000-0000-4000-8000-000000000001',
      subject: 'school-1',
    });
    const decision = { number: 'X-1', date: '2025-01-01' };
    for (const [query, input] of [
      [SUSPEND_CERTIFICATE, { certificateNumber: 'K-ANY', decision }],
      [ANNUL_CERTIFICATE, { certificateNumber: 'K-ANY', decision }],
      [RESTORE_CERTIFICATE, { certificateNumber: 'K-ANY', decision }],
      [
        CONTRACT,
        {
          psychologistId: '00000000-0000-4000-8000-000000000002',
          supervisorId: '00000000-0000-4000-8000-000000000003',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
        },
      ],
    ] as const) {
      const response = await stack.client.request(query, { input }, school);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('no longer offers "cancel registration"', async () => {
    const response = await stack.client.request(
      'mutation($input: PsychologistStatusDecisionInput!) { cancelPsychologist(input: $input) { psychologist { id } } }',
      { input: { psychologistId: '00000000-0000-4000-8000-000000000000', decision: { number: 'X', date: '2025-01-01' } } },
      officer,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
