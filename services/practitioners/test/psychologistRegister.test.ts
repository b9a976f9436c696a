import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Topics } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { practitioners } from '../src/index';
import { CERTIFY, hyphenated, OFFICER, personalCode, PROVIDER, REGISTER, registerInput, registrationNumber, surname } from './fixtures';

const VERIFY = /* GraphQL */ `
  query Verify($registrationNumber: String!) {
    psychologist(registrationNumber: $registrationNumber) {
      id
      registrationNumber
      name
      personalCode
      education
      status
      registrationDecision {
        number
        date
      }
      certificates {
        number
        fieldOfPractice
        validFrom
        validUntil
        isCurrent
        decision {
          number
          date
        }
      }
      statusHistory {
        status
        decision {
          number
          date
        }
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query PsychologistRegisterList($filter: PsychologistFilter, $first: Int, $after: String) {
    psychologists(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          name
          registrationNumber
          personalCode
          status
        }
      }
    }
  }
`;

describe('register of psychologists', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;

  const count = async (sql: string, params: unknown[] = []) => Number((await harness.service.db.query(sql, params))[0].count);
  const register = async (input = registerInput()) => {
    const response = await harness.request(REGISTER, { input }, OFFICER);
    expect(response.errors).toBe(undefined);
    return response.data.registerPsychologist.psychologist;
  };

  beforeAll(async () => {
    // Debug level: the log check at the end must see everything the services could write.
    harness = await startGatewayHarness(practitioners, { logLevel: 'debug' });
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.practitionersPsychologist]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('registers and certifies a psychologist; verification shows the personal code to an OFFICER only', async () => {
    const input = registerInput();
    const registered = await register(input);
    expect(registered.status).toBe('REGISTERED');
    expect(registered.personalCode).toBe(hyphenated(input.personalCode));

    const certified = await harness.request(
      CERTIFY,
      {
        input: {
          psychologistId: registered.id,
          certificateNumber: `SERT-${input.registrationNumber}`,
          fieldOfPractice: 'EDUCATION_AND_SCHOOL',
          decision: { number: 'PSP-2024/3', date: '2024-02-29' },
        },
      },
      OFFICER,
    );
    expect(certified.errors).toBe(undefined);
    expect(certified.data.certifyPsychologist.certificate).toStrictEqual({
      number: `SERT-${input.registrationNumber}`,
      fieldOfPractice: 'EDUCATION_AND_SCHOOL',
      fieldOfPracticeLabelLv: 'Izglītības un skolu psiholoģija',
      validFrom: '2024-02-29',
      validUntil: '2031-02-28',
      decision: { number: 'PSP-2024/3', date: '2024-02-29' },
    });

    const asPublic = (await harness.request(VERIFY, { registrationNumber: input.registrationNumber })).data.psychologist;
    expect(asPublic).toStrictEqual({
      id: registered.id,
      registrationNumber: input.registrationNumber,
      name: input.name,
      personalCode: null,
      education: input.education,
      status: 'CERTIFIED',
      registrationDecision: { number: 'IKVD-PS-2023/41', date: '2023-05-10' },
      certificates: [
        {
          number: `SERT-${input.registrationNumber}`,
          fieldOfPractice: 'EDUCATION_AND_SCHOOL',
          validFrom: '2024-02-29',
          validUntil: '2031-02-28',
          isCurrent: true,
          decision: { number: 'PSP-2024/3', date: '2024-02-29' },
        },
      ],
      statusHistory: [
        { status: 'REGISTERED', decision: { number: 'IKVD-PS-2023/41', date: '2023-05-10' } },
        { status: 'CERTIFIED', decision: { number: 'PSP-2024/3', date: '2024-02-29' } },
      ],
    });
    const asProvider = await harness.request(VERIFY, { registrationNumber: input.registrationNumber }, PROVIDER);
    expect(asProvider.data.psychologist.personalCode).toBe(null);
    const asOfficer = await harness.request(VERIFY, { registrationNumber: input.registrationNumber }, OFFICER);
    expect(asOfficer.data.psychologist.personalCode).toBe(hyphenated(input.personalCode));

    const unknown = await harness.request(VERIFY, { registrationNumber: '99999999' });
    expect(unknown.data.psychologist).toBe(null);
  });

  it('publishes registered and certified events with the public state and no personal code', async () => {
    const input = registerInput();
    const { id } = await register(input);
    await harness.request(
      CERTIFY,
      {
        input: {
          psychologistId: id,
          certificateNumber: `C-${input.registrationNumber}`,
          fieldOfPractice: 'COUNSELLING',
          decision: { number: 'PSP-2024/9', date: '2024-06-01' },
        },
      },
      OFFICER,
    );
    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPsychologist, [id]),
      (found) => found.length >= 2,
      {
        what: 'both psychologist events on the topic',
      },
    );
    expect(events.map((e) => e.type)).toStrictEqual(['practitioners.psychologist.registered', 'practitioners.psychologist.certified']);
    const [registered, certified] = events;
    expect(registered!.data.state.status).toBe('REGISTERED');
    expect(registered!.data.state.registrationNumber).toBe(input.registrationNumber);
    expect(certified!.data.state.status).toBe('CERTIFIED');
    expect(certified!.data.changedFields).toStrictEqual(['certificates', 'status', 'statusHistory']);
    expect(certified!.data.state.certificates).toStrictEqual([
      {
        number: `C-${input.registrationNumber}`,
        fieldOfPractice: 'COUNSELLING',
        validFrom: '2024-06-01',
        validUntil: '2031-05-31',
        expired: false,
        decision: { number: 'PSP-2024/9', date: '2024-06-01' },
        status: 'ACTIVE',
        statusHistory: [],
      },
    ]);
    for (const event of events) {
      expect(event.source).toBe('/practitioners');
      assert.ok(!('personalCode' in event.data.state), `${event.type} has a personalCode field`);
      const raw = JSON.stringify(event);
      assert.ok(
        !raw.includes(input.personalCode) && !raw.includes(hyphenated(input.personalCode)),
        `${event.type} carries the personal code`,
      );
    }
  });

  it('refuses registration by a PUBLIC or PROVIDER caller with FORBIDDEN and stores nothing', async () => {
    const input = registerInput();
    for (const caller of [undefined, PROVIDER]) {
      const response = await harness.request(REGISTER, { input }, caller);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count('SELECT count(*) FROM psychologist WHERE registration_number = $1', [input.registrationNumber])).toBe(0);
  });

  it('refuses a duplicate registration number with CONFLICT and stores nothing', async () => {
    const first = registerInput();
    await register(first);
    const outboxBefore = await count('SELECT count(*) FROM outbox_event');
    const duplicate = registerInput({ registrationNumber: first.registrationNumber });
    const response = await harness.request(REGISTER, { input: duplicate }, OFFICER);
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors![0]!.message).toMatch(new RegExp(first.registrationNumber));
    expect(await count('SELECT count(*) FROM psychologist WHERE registration_number = $1', [first.registrationNumber])).toBe(1);
    expect(await count('SELECT count(*) FROM psychologist WHERE name = $1', [duplicate.name])).toBe(0);
    expect(await count('SELECT count(*) FROM outbox_event')).toBe(outboxBefore);
  });

  it('registers a number once when officers submit it at the same moment; the others get CONFLICT', async () => {
    const number = registrationNumber();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => harness.request(REGISTER, { input: registerInput({ registrationNumber: number }) }, OFFICER)),
    );
    const codes = responses.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toStrictEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await count('SELECT count(*) FROM psychologist WHERE registration_number = $1', [number])).toBe(1);
  });

  it('refuses a second registration of the same personal code with CONFLICT, without repeating the code', async () => {
    const first = registerInput();
    await register(first);
    const response = await harness.request(REGISTER, { input: registerInput({ personalCode: hyphenated(first.personalCode) }) }, OFFICER);
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    assert.ok(!response.errors![0]!.message.includes(first.personalCode.slice(0, 6)));
  });

  it('refuses a malformed personal code with VALIDATION_FAILED and stores nothing', async () => {
    const good = personalCode();
    const wrongCheckDigit = `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}`;
    for (const code of [wrongCheckDigit, '310280-10000', '12345', '42867300679']) {
      const input = registerInput({ personalCode: code });
      const response = await harness.request(REGISTER, { input }, OFFICER);
      expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(response.errors?.[0]?.extensions?.field).toBe('personalCode');
      assert.ok(!response.errors![0]!.message.includes(code.slice(0, 6)), 'the error repeats the personal code');
      expect(await count('SELECT count(*) FROM psychologist WHERE registration_number = $1', [input.registrationNumber])).toBe(0);
    }
  });

  it('refuses to certify an excluded psychologist with CONFLICT and stores nothing', async () => {
    const input = registerInput();
    const { id } = await register(input);
    const excluded = await harness.request(
      'mutation($input: PsychologistStatusDecisionInput!) { excludePsychologist(input: $input) { psychologist { status } } }',
      { input: { psychologistId: id, decision: { number: 'PSP-X/1', date: '2024-01-05' } } },
      OFFICER,
    );
    expect(excluded.data.excludePsychologist.psychologist.status).toBe('EXCLUDED');
    const outboxBefore = await count('SELECT count(*) FROM outbox_event');
    const response = await harness.request(
      CERTIFY,
      {
        input: {
          psychologistId: id,
          certificateNumber: `X-${input.registrationNumber}`,
          fieldOfPractice: 'LEGAL',
          decision: { number: 'PSP-1', date: '2024-01-10' },
        },
      },
      OFFICER,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors![0]!.message).toMatch(/excluded/);
    expect(response.errors?.[0]?.extensions?.reason).toBe('PERSON_EXCLUDED');
    expect(await count('SELECT count(*) FROM certificate WHERE psychologist_id = $1', [id])).toBe(0);
    expect(await count('SELECT count(*) FROM outbox_event')).toBe(outboxBefore);
  });

  it('refuses a certificate valid before its decision and a second one in the same field while the first is valid', async () => {
    const input = registerInput();
    const { id } = await register(input);
    const certify = (certificateNumber: string, extra: Record<string, unknown>) =>
      harness.request(
        CERTIFY,
        {
          input: {
            psychologistId: id,
            certificateNumber,
            fieldOfPractice: 'CLINICAL_AND_HEALTH',
            decision: { number: 'PSP-2', date: '2024-01-10' },
            ...extra,
          },
        },
        OFFICER,
      );
    const early = await certify(`E-${input.registrationNumber}`, { validFrom: '2024-01-09' });
    expect(early.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect((await certify(`A-${input.registrationNumber}`, {})).errors).toBe(undefined);
    const overlapping = await certify(`B-${input.registrationNumber}`, { validFrom: '2030-01-01' });
    expect(overlapping.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count('SELECT count(*) FROM certificate WHERE psychologist_id = $1', [id])).toBe(1);
  });

  it('refuses certification by a non-OFFICER and of an unknown or malformed id', async () => {
    const input = {
      psychologistId: randomUUID(),
      certificateNumber: 'N-1',
      fieldOfPractice: 'MILITARY',
      decision: { number: 'PSP-3', date: '2024-01-10' },
    };
    expect((await harness.request(CERTIFY, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await harness.request(CERTIFY, { input }, OFFICER)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await harness.request(CERTIFY, { input: { ...input, psychologistId: 'nope' } }, OFFICER)).errors?.[0]?.extensions?.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('searches names ignoring case and diacritics, filters by field, status and municipality of practice, and pages with a cursor', async () => {
    const family = surname();
    const people = [`Ēriks Ļaviņš-${family}`, `Anna Bērziņa-${family}`, `Čaba Ozoliņa-${family}`];
    const ids: string[] = [];
    const municipalities = ['Cēsu novads', 'Rīga', 'Cēsu novads'];
    for (const [i, name] of people.entries())
      ids.push((await register(registerInput({ name, practiceMunicipality: municipalities[i] }))).id);
    await harness.request(
      CERTIFY,
      {
        input: {
          psychologistId: ids[1],
          certificateNumber: `W-${family}`,
          fieldOfPractice: 'WORK_AND_ORGANISATIONAL',
          decision: { number: 'PSP-4', date: '2024-05-05' },
        },
      },
      OFFICER,
    );

    const search = `  ${family.toUpperCase()} `;
    const firstPage = (await harness.request(LIST, { filter: { search }, first: 2 })).data.psychologists;
    expect(firstPage.totalCount).toBe(3);
    expect(firstPage.edges.map((e: any) => e.node.name)).toStrictEqual([people[1], people[2]]);
    assert.ok(firstPage.edges.every((e: any) => e.node.personalCode === null));
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const secondPage = (await harness.request(LIST, { filter: { search }, first: 2, after: firstPage.pageInfo.endCursor })).data
      .psychologists;
    expect(secondPage.edges.map((e: any) => e.node.name)).toStrictEqual([people[0]]);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);

    const folded = (await harness.request(LIST, { filter: { search: `laviNS-${family}` } })).data.psychologists;
    expect(folded.edges.map((e: any) => e.node.name)).toStrictEqual([people[0]]);
    const byField = (await harness.request(LIST, { filter: { search: family, fieldOfPractice: 'WORK_AND_ORGANISATIONAL' } })).data
      .psychologists;
    expect(byField.edges.map((e: any) => [e.node.name, e.node.status])).toStrictEqual([[people[1], 'CERTIFIED']]);
    const byMunicipality = (await harness.request(LIST, { filter: { search: family, municipality: 'CESU' } })).data.psychologists;
    expect(byMunicipality.edges.map((e: any) => e.node.name).sort()).toStrictEqual([people[0], people[2]].sort());
    const byStatus = (await harness.request(LIST, { filter: { search: family, status: 'REGISTERED' } })).data.psychologists;
    expect(byStatus.totalCount).toBe(2);

    const badCursor = await harness.request(LIST, { filter: { search }, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });

  // Last in the file: by now registrations, refusals of malformed and duplicate codes and searches have all been logged.
  it("never writes a personal code to the services' or the gateway's log", async () => {
    const log = await readFile(harness.stack.logFile, 'utf8');
    expect(log).toMatch(/"operationName":"PractitionersRegister"/);
    expect(log.match(/\b\d{6}-?\d{5}\b/g)).toStrictEqual(null);
  });
});
