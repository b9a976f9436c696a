import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

  before(async () => {
    stack = await startTestStack('durability', { ownInfrastructure: true });
    officer = await stack.client.token({ role: Role.OFFICER });
  });
  after(async () => stack?.close());

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
    const issued = await eventually(() => client.request(ISSUE_LICENCE, { input: licenceInput }, officer), (r) => !r.errors, {
      what: 'licensing to learn of the institution',
    });
    const licenceId = issued.data.issueLicence.licence.id;

    await infrastructure.kafka!.stop();
    const liquidated = await client.request(LIQUIDATE, { input: { id: institution.id, decision: { number: 'D-9', date: '2024-10-01' } } }, officer);
    assert.equal(liquidated.errors, undefined, 'the mutation must not depend on Kafka');
    assert.equal(liquidated.data.liquidateInstitution.institution.status, 'LIQUIDATED');
    const [pending] = await services.registry!.db.query(
      'SELECT count(*)::int AS n FROM outbox_event WHERE key = $1 AND sent_at IS NULL',
      [institution.id],
    );
    assert.equal(pending.n, 1, 'the liquidation event waits in the outbox');
    const beforeRecovery = await client.data(INSTITUTION_WITH_LICENCES, { id: institution.id });
    assert.equal(beforeRecovery.institution.licences[0].status, 'ACTIVE');

    await infrastructure.kafka!.start();
    const recovered = await eventually(
      () => client.data(INSTITUTION_WITH_LICENCES, { id: institution.id }),
      (d) => d.institution.licences[0]?.status === 'LAPSED',
      { timeoutMs: 90_000, what: 'the licence to lapse after the broker is back' },
    );
    assert.equal(recovered.institution.licences[0].lapsedOn, '2024-10-01');

    const recorder = await new TopicRecorder(infrastructure.kafkaBrokers).start([Topics.registryInstitution, Topics.licensingLicence]);
    try {
      const lapses = await eventually(
        async () => recorder.eventsFor(Topics.licensingLicence, [licenceId]),
        (events) => events.some((e) => e.type === 'licensing.licence.lapsed'),
        { what: 'the lapse event' },
      );
      // The recorder reads the two topics independently: wait for the liquidation on its own.
      const liquidations = await eventually(
        async () => recorder.eventsFor(Topics.registryInstitution, [institution.id]).filter((e) => e.type === 'registry.institution.liquidated'),
        (events) => events.length > 0,
        { what: 'the liquidation event' },
      );
      assert.equal(liquidations.length, 1, 'the liquidation is published once');
      assert.equal(lapses.filter((e) => e.type === 'licensing.licence.lapsed').length, 1, 'and applied once');
    } finally {
      await recorder.stop();
    }
    const [processed] = await services.licensing!.db.query(
      "SELECT count(*)::int AS n FROM processed_event WHERE topic = $1", [Topics.registryInstitution],
    );
    assert.equal(processed.n, 2, 'registered and liquidated, each processed once');
  });
});
