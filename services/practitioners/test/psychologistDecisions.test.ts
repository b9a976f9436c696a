import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Topics, DayClock } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { createPractitioners } from '../src/index';
import { recordExpiries } from '../src/store/recordExpiries';
import { CERTIFY, OFFICER, PROVIDER, REGISTER, registerInput } from './fixtures';

// The mutation's name varies, so codegen cannot check this one.
const DECIDE = (mutation: string) => `
  mutation Decide($input: PsychologistStatusDecisionInput!) {
    ${mutation}(input: $input) { psychologist { id status statusHistory { status decision { number date } } certificates { isCurrent } } }
  }`;

const GRANT = /* GraphQL */ `
  mutation Grant($input: GrantSupervisorRightsInput!) {
    grantSupervisorRights(input: $input) {
      psychologist {
        isSupervisor
      }
      supervisorRight {
        fieldOfPractice
        validFrom
        validUntil
        isCurrent
        decision {
          number
          date
        }
      }
    }
  }
`;

const RECOGNISE = /* GraphQL */ `
  mutation Recognise($input: RecogniseForeignQualificationInput!) {
    recogniseForeignQualification(input: $input) {
      psychologist {
        foreignQualifications {
          country
          qualification
          decision {
            number
            date
          }
          recognitionCertificate {
            number
            date
          }
        }
      }
    }
  }
`;

// The mutation's name varies, so codegen cannot check this one.
const DECIDE_CERTIFICATE = (mutation: string) => `
  mutation($input: CertificateDecisionInput!) { ${mutation}(input: $input) { certificate { status } } }`;

const STATE = /* GraphQL */ `
  query State($registrationNumber: String!) {
    psychologist(registrationNumber: $registrationNumber) {
      status
      isSupervisor
      certificates {
        number
        validUntil
        isCurrent
        expired
      }
      supervisorRights {
        fieldOfPractice
        validUntil
        isCurrent
      }
    }
  }
`;

/** "Today" for the service; moved forward by the expiry test. */
const clock = new DayClock('2024-11-22');

describe('decisions on psychologists, supervisor rights and expiry', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  const count = async (sql: string, params: unknown[] = []) => Number((await harness.service.db.query(sql, params))[0].count);
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const response = await harness.request(query, variables, OFFICER);
    expect(response.errors).toBe(undefined);
    return response.data;
  };
  const register = async (overrides: Record<string, unknown> = {}) => {
    const input = registerInput(overrides);
    return { input, id: (await ok(REGISTER, { input })).registerPsychologist.psychologist.id as string };
  };
  const certify = (psychologistId: string, fieldOfPractice: string, decision: { number: string; date: string }) =>
    ok(CERTIFY, {
      input: { psychologistId, certificateNumber: `C-${fieldOfPractice}-${psychologistId.slice(0, 8)}`, fieldOfPractice, decision },
    });

  beforeAll(async () => {
    harness = await startGatewayHarness(createPractitioners({ clock, expiryIntervalMs: 100 }));
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.practitionersPsychologist]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('suspends, restores, terminates and excludes with decision numbers and dates, publishing each decision', async () => {
    const { id } = await register({ decision: { number: 'R-1', date: '2024-01-10' } });
    await certify(id, 'CLINICAL_AND_HEALTH', { number: 'S-1', date: '2024-02-01' });
    const steps: Array<[string, string, string, boolean]> = [
      ['suspendPsychologist', 'SUSPENDED', '2024-03-01', false],
      ['restorePsychologist', 'RESTORED', '2024-04-01', true],
      ['terminatePsychologist', 'TERMINATED', '2024-07-01', false],
      ['restorePsychologist', 'RESTORED', '2024-08-01', true],
      ['excludePsychologist', 'EXCLUDED', '2024-09-01', false],
    ];
    for (const [mutation, status, date, certificateCurrent] of steps) {
      const { psychologist } = (await ok(DECIDE(mutation), { input: { psychologistId: id, decision: { number: `D-${date}`, date } } }))[
        mutation
      ];
      expect(psychologist.status).toBe(status);
      expect(psychologist.statusHistory.at(-1)).toStrictEqual({ status, decision: { number: `D-${date}`, date } });
      expect(psychologist.certificates[0].isCurrent).toBe(certificateCurrent);
    }
    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [id]),
      (found) => found.length >= 7,
      {
        what: 'every decision on the topic',
      },
    );
    expect(events.map((e) => e.type.replace('practitioners.psychologist.', ''))).toStrictEqual([
      'registered',
      'certified',
      'suspended',
      'restored',
      'terminated',
      'restored',
      'excluded',
    ]);
    expect(events.at(-1)!.data.state.status).toBe('EXCLUDED');
    expect(events.at(-1)!.data.changedFields).toStrictEqual(['status', 'statusHistory']);
  });

  it('refuses any decision on an excluded person with CONFLICT (reason PERSON_EXCLUDED) and stores nothing', async () => {
    const { id } = await register({ decision: { number: 'R-2', date: '2024-01-10' } });
    await certify(id, 'LEGAL', { number: 'S-2', date: '2024-02-01' });
    await ok(DECIDE('excludePsychologist'), { input: { psychologistId: id, decision: { number: 'X-2', date: '2024-03-01' } } });
    const before = await Promise.all([count('SELECT count(*) FROM outbox_event'), count('SELECT count(*) FROM status_change')]);
    const decision = { number: 'LATE-1', date: '2024-04-01' };
    const attempts: Array<[string, Record<string, unknown>]> = [
      ...['suspendPsychologist', 'terminatePsychologist', 'excludePsychologist', 'restorePsychologist'].map(
        (m) => [DECIDE(m), { input: { psychologistId: id, decision } }] as [string, Record<string, unknown>],
      ),
      [CERTIFY, { input: { psychologistId: id, certificateNumber: `LATE-${id}`, fieldOfPractice: 'COUNSELLING', decision } }],
      [GRANT, { input: { psychologistId: id, fieldOfPractice: 'LEGAL', decision } }],
      [
        RECOGNISE,
        {
          input: {
            psychologistId: id,
            country: 'LT',
            qualification: 'Psichologas',
            decision,
            recognitionCertificate: { number: 'AA-LATE', date: decision.date },
          },
        },
      ],
      [DECIDE_CERTIFICATE('suspendCertificate'), { input: { certificateNumber: `C-LEGAL-${id.slice(0, 8)}`, decision } }],
    ];
    for (const [query, variables] of attempts) {
      const response = await harness.request(query, variables, OFFICER);
      expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(response.errors?.[0]?.extensions?.reason).toBe('PERSON_EXCLUDED');
    }
    expect(await Promise.all([count('SELECT count(*) FROM outbox_event'), count('SELECT count(*) FROM status_change')])).toStrictEqual(
      before,
    );
  });

  it('refuses a decision from a status it does not apply to, one dated before the last, and a non-OFFICER', async () => {
    const { id } = await register({ decision: { number: 'R-3', date: '2024-01-10' } });
    const restore = await harness.request(
      DECIDE('restorePsychologist'),
      { input: { psychologistId: id, decision: { number: 'Q-1', date: '2024-02-01' } } },
      OFFICER,
    );
    expect(restore.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const early = await harness.request(
      DECIDE('suspendPsychologist'),
      { input: { psychologistId: id, decision: { number: 'Q-2', date: '2024-01-09' } } },
      OFFICER,
    );
    expect(early.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const asProvider = await harness.request(
      DECIDE('suspendPsychologist'),
      { input: { psychologistId: id, decision: { number: 'Q-3', date: '2024-02-01' } } },
      PROVIDER,
    );
    expect(asProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count('SELECT count(*) FROM status_change WHERE psychologist_id = $1', [id])).toBe(1);
  });

  it('grants supervisor rights in two fields for as long as each certificate, and refuses a third field with QUOTA_EXCEEDED', async () => {
    const { id, input } = await register({ decision: { number: 'R-4', date: '2023-01-10' } });
    await certify(id, 'CLINICAL_AND_HEALTH', { number: 'S-4a', date: '2023-02-01' });
    await certify(id, 'COUNSELLING', { number: 'S-4b', date: '2024-03-15' });
    await certify(id, 'LEGAL', { number: 'S-4c', date: '2024-04-01' });
    const first = (
      await ok(GRANT, {
        input: { psychologistId: id, fieldOfPractice: 'CLINICAL_AND_HEALTH', decision: { number: 'P-1', date: '2024-05-02' } },
      })
    ).grantSupervisorRights;
    expect(first.supervisorRight).toStrictEqual({
      fieldOfPractice: 'CLINICAL_AND_HEALTH',
      validFrom: '2024-05-02',
      validUntil: '2030-01-31',
      isCurrent: true,
      decision: { number: 'P-1', date: '2024-05-02' },
    });
    expect(first.psychologist.isSupervisor).toBe(true);
    const second = (
      await ok(GRANT, { input: { psychologistId: id, fieldOfPractice: 'COUNSELLING', decision: { number: 'P-2', date: '2024-05-02' } } })
    ).grantSupervisorRights;
    expect(second.supervisorRight.validUntil).toBe('2031-03-14');

    const third = await harness.request(
      GRANT,
      { input: { psychologistId: id, fieldOfPractice: 'LEGAL', decision: { number: 'P-3', date: '2024-05-03' } } },
      OFFICER,
    );
    expect(third.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
    expect(await count('SELECT count(*) FROM supervisor_right WHERE psychologist_id = $1', [id])).toBe(2);
    const withoutCertificate = await harness.request(
      GRANT,
      { input: { psychologistId: id, fieldOfPractice: 'MILITARY', decision: { number: 'P-4', date: '2024-05-03' } } },
      OFFICER,
    );
    expect(withoutCertificate.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const supervisors = await harness.request(
      'query($f: PsychologistFilter) { psychologists(filter: $f) { totalCount edges { node { id } } } }',
      {
        f: { registrationNumber: input.registrationNumber, supervisor: true, fieldOfPractice: 'COUNSELLING' },
      },
    );
    expect(supervisors.data.psychologists.edges).toStrictEqual([{ node: { id } }]);
    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [id]),
      (found) => found.length >= 6,
      { what: 'grant events' },
    );
    expect(
      events
        .at(-1)!
        .data.state.supervisorRights.map((r: { fieldOfPractice: string }) => r.fieldOfPractice)
        .sort(),
    ).toStrictEqual(['CLINICAL_AND_HEALTH', 'COUNSELLING']);
    expect(events.at(-1)!.type).toBe('practitioners.psychologist.supervisor-rights-granted');
  });

  it('records foreign-qualification recognition with its decision and refuses a malformed country', async () => {
    const { id } = await register({ decision: { number: 'R-5', date: '2024-01-10' } });
    const recognised = await ok(RECOGNISE, {
      input: {
        psychologistId: id,
        country: 'de',
        qualification: 'Diplom-Psychologin',
        decision: { number: 'AK-9', date: '2024-02-02' },
        recognitionCertificate: { number: 'AA-9', date: '2024-02-05' },
      },
    });
    expect(recognised.recogniseForeignQualification.psychologist.foreignQualifications).toStrictEqual([
      {
        country: 'DE',
        qualification: 'Diplom-Psychologin',
        decision: { number: 'AK-9', date: '2024-02-02' },
        recognitionCertificate: { number: 'AA-9', date: '2024-02-05' },
      },
    ]);
    const bad = await harness.request(
      RECOGNISE,
      {
        input: {
          psychologistId: id,
          country: 'Germany',
          qualification: 'X y',
          decision: { number: 'AK-10', date: '2024-02-02' },
          recognitionCertificate: { number: 'AA-10', date: '2024-02-02' },
        },
      },
      OFFICER,
    );
    expect(bad.errors?.[0]?.extensions?.field).toBe('country');
  });

  it('leaves an annulled certificate out of the expiring list and ends the supervisor rights resting on it', async () => {
    const { id, input } = await register({ decision: { number: 'R-7', date: '2017-06-01' } });
    await certify(id, 'LEGAL', { number: 'S-7', date: '2017-12-05' });
    await ok(GRANT, { input: { psychologistId: id, fieldOfPractice: 'LEGAL', decision: { number: 'P-7', date: '2018-01-10' } } });
    const listed = async () =>
      (await ok('query { certificatesExpiring(withinDays: 30) { psychologist { id } } }', {})).certificatesExpiring.some(
        (e: any) => e.psychologist.id === id,
      );
    expect(await listed()).toBe(true);
    await ok(DECIDE_CERTIFICATE('annulCertificate'), {
      input: { certificateNumber: `C-LEGAL-${id.slice(0, 8)}`, decision: { number: 'AN-7', date: '2024-11-01' } },
    });
    expect(await listed()).toBe(false);
    const state = (await harness.request(STATE, { registrationNumber: input.registrationNumber })).data.psychologist;
    expect([state.isSupervisor, state.certificates[0].isCurrent, state.supervisorRights[0].isCurrent]).toStrictEqual([false, false, false]);
  });

  it('lists certificates expiring within N days to OFFICERs only, then expires them and the supervisor rights resting on them by themselves', async () => {
    const { id, input } = await register({ decision: { number: 'R-6', date: '2017-06-01' } });
    await certify(id, 'EDUCATION_AND_SCHOOL', { number: 'S-6', date: '2017-12-01' });
    await ok(GRANT, {
      input: { psychologistId: id, fieldOfPractice: 'EDUCATION_AND_SCHOOL', decision: { number: 'P-6', date: '2018-01-10' } },
    });

    const expiring = await ok(
      'query { certificatesExpiring(withinDays: 30) { daysLeft psychologist { id } certificate { validUntil } } }',
      {},
    );
    expect(expiring.certificatesExpiring.filter((e: any) => e.psychologist.id === id)).toStrictEqual([
      { daysLeft: 8, psychologist: { id }, certificate: { validUntil: '2024-11-30' } },
    ]);
    const notYet = await ok('query { certificatesExpiring(withinDays: 7) { psychologist { id } } }', {});
    assert.ok(!notYet.certificatesExpiring.some((e: any) => e.psychologist.id === id));
    const asPublic = await harness.request('query { certificatesExpiring(withinDays: 30) { daysLeft } }');
    expect(asPublic.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const state = async () => (await harness.request(STATE, { registrationNumber: input.registrationNumber })).data.psychologist;
    expect(await state()).toStrictEqual({
      status: 'CERTIFIED',
      isSupervisor: true,
      certificates: [{ number: `C-EDUCATION_AND_SCHOOL-${id.slice(0, 8)}`, validUntil: '2024-11-30', isCurrent: true, expired: false }],
      supervisorRights: [{ fieldOfPractice: 'EDUCATION_AND_SCHOOL', validUntil: '2024-11-30', isCurrent: true }],
    });

    clock.date = '2024-11-30';
    expect(await recordExpiries(harness.service.db, clock.today(), harness.service.logger)).toBe(0);
    clock.date = '2024-12-01';
    const expired = await eventually(state, (found) => found.certificates[0].expired === true, {
      what: 'the expiry job to record the end',
    });
    expect(expired).toStrictEqual({
      status: 'CERTIFIED',
      isSupervisor: false,
      certificates: [{ number: `C-EDUCATION_AND_SCHOOL-${id.slice(0, 8)}`, validUntil: '2024-11-30', isCurrent: false, expired: true }],
      supervisorRights: [{ fieldOfPractice: 'EDUCATION_AND_SCHOOL', validUntil: '2024-11-30', isCurrent: false }],
    });
    const events = await eventually(
      async () =>
        recorder
          .eventsFor(Topics.practitionersPsychologist, [id])
          .filter((e) => e.type === 'practitioners.psychologist.certificate-expired'),
      (found) => found.length >= 1,
      { what: 'the expiry event' },
    );
    expect(events.length).toBe(1);
    expect(events[0]!.data.changedFields).toStrictEqual(['certificates', 'supervisorRights']);
    expect(events[0]!.data.state.certificates[0].expired).toBe(true);
    expect(events[0]!.data.state.supervisorRights[0].expired).toBe(true);
    expect(await recordExpiries(harness.service.db, clock.today(), harness.service.logger)).toBe(0);
  });

  it('grants supervisor rights on a lapsed certificate while expiries are being recorded, without a deadlock', async () => {
    // The job used to lock certificates before the psychologist, a grant the other way round.
    for (let round = 0; round < 12; round++) {
      const { id } = await register({ decision: { number: `R-${round}`, date: '2005-02-01' } });
      await certify(id, 'MILITARY', { number: `RC-${round}`, date: '2005-03-01' });
      const [granted] = await Promise.all([
        harness.request(
          GRANT,
          { input: { psychologistId: id, fieldOfPractice: 'MILITARY', decision: { number: `RG-${round}`, date: '2005-04-01' } } },
          OFFICER,
        ),
        recordExpiries(harness.service.db, clock.today(), harness.service.logger),
        recordExpiries(harness.service.db, clock.today(), harness.service.logger),
      ]);
      expect(granted.errors).toBe(undefined);
    }
  });

  it("counts the annual report's registrations, certifications, supervisors and exclusions by decision dates", async () => {
    const year = { number: 'Y', date: '2016-03-01' };
    const a = await register({ decision: { ...year, number: 'Y-1' } });
    const b = await register({ decision: { ...year, number: 'Y-2' } });
    await certify(a.id, 'MILITARY', { number: 'Y-3', date: '2016-04-01' });
    await ok(GRANT, { input: { psychologistId: a.id, fieldOfPractice: 'MILITARY', decision: { number: 'Y-4', date: '2016-05-01' } } });
    await ok(DECIDE('excludePsychologist'), { input: { psychologistId: b.id, decision: { number: 'Y-5', date: '2016-06-01' } } });
    const report = await ok(
      'query { practitionersAnnualReport(year: 2016) { year psychologistsRegistered psychologistsCertified supervisorRightsGranted supervisors psychologistsExcluded childcareProvidersRefused } }',
      {},
    );
    expect(report.practitionersAnnualReport).toStrictEqual({
      year: 2016,
      psychologistsRegistered: 2,
      psychologistsCertified: 1,
      supervisorRightsGranted: 1,
      supervisors: 1,
      psychologistsExcluded: 1,
      childcareProvidersRefused: 0,
    });
    const asProvider = await harness.request('query { practitionersAnnualReport(year: 2016) { year } }', {}, PROVIDER);
    expect(asProvider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
