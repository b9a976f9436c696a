import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics } from '@eq/shared';
import { eventually } from './support/eventually';
import { INSTITUTION_WITH_LICENCES, institutionInput, ISSUE_LICENCE, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

describe('institution lifecycle through the gateway', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;

  beforeAll(async () => {
    stack = await startTestStack('lifecycle');
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.registryInstitution, Topics.licensingLicence]);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-1' });
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it('lapses both licences of a liquidated institution and publishes one event for each', async () => {
    const { client } = stack;
    const registered = await client.data(REGISTER, { input: institutionInput() }, officer);
    const institution = registered.registerInstitution.institution;
    expect(institution.status).toBe('ACTIVE');
    const [firstPlace, secondPlace] = institution.implementationPlaces;

    // Licensing learns of the institution from registry.institution.v1, not from a call.
    const issue = (placeId: string, programmeCode: string) =>
      client.request(
        ISSUE_LICENCE,
        {
          input: {
            institutionId: institution.id,
            implementationPlaceId: placeId,
            programmeCode,
            programmeName: 'Programmēšanas tehniķis',
            level: 'VOCATIONAL',
            decisionNumber: 'L-2024/7',
            issuedOn: '2024-08-15',
          },
        },
        officer,
      );
    const first = await eventually(
      () => issue(firstPlace.id, '33481011'),
      (r) => !r.errors,
      { what: 'licensing to know the institution' },
    );
    const second = await issue(secondPlace.id, '33481012');
    expect(second.errors).toBe(undefined);
    const licenceIds = [first.data.issueLicence.licence.id, second.data.issueLicence.licence.id];

    // One gateway query spans registry (name, status) and licensing (licences).
    const joined = await client.data(INSTITUTION_WITH_LICENCES, { id: institution.id });
    expect(joined.institution.name).toBe('Rīgas Valsts tehnikums');
    expect(joined.institution.licences.map((l: any) => l.status)).toStrictEqual(['ACTIVE', 'ACTIVE']);
    expect(new Set(joined.institution.licences.map((l: any) => l.implementationPlace.address))).toStrictEqual(
      new Set(institution.implementationPlaces.map((p: any) => p.address)),
    );

    const liquidated = await client.data(
      LIQUIDATE,
      { input: { id: institution.id, decision: { number: 'IKVD-2024/900', date: '2024-09-30', reason: 'Reorganisation by the founder' } } },
      officer,
    );
    expect(liquidated.liquidateInstitution.institution.status).toBe('LIQUIDATED');

    const lapsed = await eventually(
      () => client.data(INSTITUTION_WITH_LICENCES, { id: institution.id }),
      (d) => d.institution.licences.every((l: any) => l.status === 'LAPSED'),
      { what: 'both licences to lapse' },
    );
    expect(lapsed.institution.status).toBe('LIQUIDATED');
    expect(lapsed.institution.licences.map((l: any) => l.lapsedOn)).toStrictEqual(['2024-09-30', '2024-09-30']);

    const lapseEvents = await eventually(
      async () => recorder.eventsFor(Topics.licensingLicence, licenceIds).filter((e) => e.type === 'licensing.licence.lapsed'),
      (events) => events.length >= 2,
      { what: 'two lapse events' },
    );
    expect(lapseEvents.map((e) => e.subject).sort()).toStrictEqual([...licenceIds].sort());
    for (const event of lapseEvents) {
      expect(event.specversion).toBe('1.0');
      expect(event.data.state.status).toBe('LAPSED');
      expect(event.data.changedFields).toStrictEqual(['status', 'lapsedOn']);
    }
    const registryEvents = recorder.eventsFor(Topics.registryInstitution, [institution.id]).map((e) => e.type);
    expect(registryEvents).toStrictEqual(['registry.institution.registered', 'registry.institution.liquidated']);
  });

  it('refuses a licence for a liquidated institution', async () => {
    const { client } = stack;
    const { registerInstitution } = await client.data(REGISTER, { input: institutionInput() }, officer);
    const { id, implementationPlaces } = registerInstitution.institution;
    await client.data(LIQUIDATE, { input: { id, decision: { number: 'D-1', date: '2024-10-01' } } }, officer);
    const input = {
      institutionId: id,
      implementationPlaceId: implementationPlaces[0].id,
      programmeCode: '21011111',
      programmeName: 'Pamatizglītība',
      level: 'BASIC',
      decisionNumber: 'L-1',
      issuedOn: '2024-10-02',
    };
    const refused = await eventually(
      () => stack.client.request(ISSUE_LICENCE, { input }, officer),
      (r) => r.errors?.[0]?.extensions?.code === 'CONFLICT',
      { what: 'licensing to learn of the liquidation' },
    );
    expect(refused.errors![0]!.message).toMatch(/liquidated/);
  });

  it('refuses a licence for an institution the register does not know', async () => {
    const input = {
      institutionId: '00000000-0000-4000-8000-000000000000',
      implementationPlaceId: '00000000-0000-4000-8000-000000000001',
      programmeCode: '21011111',
      programmeName: 'Pamatizglītība',
      level: 'BASIC',
      decisionNumber: 'L-1',
      issuedOn: '2024-10-02',
    };
    const response = await stack.client.request(ISSUE_LICENCE, { input }, officer);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
