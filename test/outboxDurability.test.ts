import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics } from '@eq/shared';
import { eventually } from './support/eventually';
import { INSTITUTION_WITH_LICENCES, institutionInput, ISSUE_LICENCE, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

/**
 * The transactional outbox's promise: a Kafka outage delays events, never loses them, and
 * never applies them twice. This file runs its own broker so it can stop it.
 */
describe('outbox durability across a Kafka outage', () => {
  let stack: TestStack;
  let officer: string;

  beforeAll(async () => {
    stack = await startTestStack('durability', { ownInfrastructure: true });
    officer = await stack.client.token({ role: Role.OFFICER });
  });
  afterAll(async () => stack?.close());

  it('accepts a mutation while the broker is down and delivers its event exactly once when it is back', async () => {
    const { client, services, infrastructure } = stack;
    const { registerInstitution } = await client.data(REGISTER, { input: institutionInput() }, officer);
    const institution = registerInstitution.institution;
    const licenceInput = {
      institutionId: institution.id,
      implementationPlaceId: institution.implementationPlaces[0].id,
      programmeCode: '21011111',
      programmeName: 'Pamatizglītības programma',
      level: 'BASIC',
      decisionNumber: 'L-77',
      issuedOn: '2024-08-20',
    };
    const issued = await eventually(
      () => client.request(ISSUE_LICENCE, { input: licenceInput }, officer),
      (r) => !r.errors,
      {
        what: 'licensing to learn of the institution',
      },
    );
    const licenceId = issued.data.issueLicence.licence.id;

    await infrastructure.kafka!.stop();
    const liquidated = await client.request(
      LIQUIDATE,
      { input: { id: institution.id, decision: { number: 'D-9', date: '2024-10-01' } } },
      officer,
    );
    expect(liquidated.errors).toBe(undefined);
    expect(liquidated.data.liquidateInstitution.institution.status).toBe('LIQUIDATED');
    const [pending] = await services.registry!.db.query('SELECT count(*)::int AS n FROM outbox_event WHERE key = $1 AND sent_at IS NULL', [
      institution.id,
    ]);
    expect(pending.n).toBe(1);
    const beforeRecovery = await client.data(INSTITUTION_WITH_LICENCES, { id: institution.id });
    expect(beforeRecovery.institution.licences[0].status).toBe('ACTIVE');

    await infrastructure.kafka!.start();
    const recovered = await eventually(
      () => client.data(INSTITUTION_WITH_LICENCES, { id: institution.id }),
      (d) => d.institution.licences[0]?.status === 'LAPSED',
      { timeoutMs: 90_000, what: 'the licence to lapse after the broker is back' },
    );
    expect(recovered.institution.licences[0].lapsedOn).toBe('2024-10-01');

    const recorder = await new TopicRecorder(infrastructure.kafkaBrokers).start([Topics.registryInstitution, Topics.licensingLicence]);
    try {
      const lapses = await eventually(
        async () => recorder.eventsFor(Topics.licensingLicence, [licenceId]),
        (events) => events.some((e) => e.type === 'licensing.licence.lapsed'),
        { what: 'the lapse event' },
      );
      // The recorder reads the two topics independently: wait for the liquidation on its own.
      const liquidations = await eventually(
        async () =>
          recorder.eventsFor(Topics.registryInstitution, [institution.id]).filter((e) => e.type === 'registry.institution.liquidated'),
        (events) => events.length > 0,
        { what: 'the liquidation event' },
      );
      expect(liquidations.length).toBe(1);
      expect(lapses.filter((e) => e.type === 'licensing.licence.lapsed').length).toBe(1);
    } finally {
      await recorder.stop();
    }
    const [processed] = await services.licensing!.db.query('SELECT count(*)::int AS n FROM processed_event WHERE topic = $1', [
      Topics.registryInstitution,
    ]);
    expect(processed.n).toBe(2);
  });
});
