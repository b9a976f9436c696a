import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type CloudEvent } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { eventually } from './support/eventually';
import { institutionInput, ISSUE_LICENCE, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const REORGANISE = /* GraphQL */ `
  mutation LicensingAccreditationReactionsReorganise($input: ReorganiseInstitutionsInput!) {
    reorganiseInstitutions(input: $input) {
      applied
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation Revoke($input: LicenceDecisionInput!) {
    revokeLicence(input: $input) {
      licence {
        id
        status
        endedOn
      }
    }
  }
`;
const ACCREDIT = /* GraphQL */ `
  mutation LicensingAccreditationReactionsAccredit($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id
      }
    }
  }
`;
const APPLY = /* GraphQL */ `
  mutation Apply($input: ApplyForAccreditationInput!) {
    applyForAccreditation(input: $input) {
      application {
        id
        status
      }
    }
  }
`;
const EVALUATE = /* GraphQL */ `
  mutation Evaluate($input: RecordAccreditationEvaluationInput!) {
    recordAccreditationEvaluation(input: $input) {
      application {
        id
      }
    }
  }
`;
const DECIDE = /* GraphQL */ `
  mutation Decide($input: DecideAccreditationInput!) {
    decideAccreditation(input: $input) {
      accreditation {
        id
      }
    }
  }
`;
const APPLICATION = /* GraphQL */ `
  query Application($id: ID!) {
    accreditationApplication(id: $id) {
      id
      status
      closedOn
      closeReason
    }
  }
`;

/**
 * The one query the issue asks for: an institution (registry) with its current accreditation and
 * its licences (licensing), each licence with its programme's accreditation and the results per
 * quality category (accreditation). Three subgraphs, one request.
 */
const INSTITUTION = /* GraphQL */ `
  query LicensingAccreditationReactionsInstitution($id: ID!) {
    institution(id: $id) {
      id
      name
      status
      currentAccreditation {
        id
        kind
        status
        termEnd
        results {
          category
          level
          levelLabelLv
        }
      }
      accreditations {
        id
        kind
        status
        endedOn
        endReason
        licence {
          id
        }
        institution {
          id
        }
      }
      licences {
        id
        programmeCode
        status
        lapsedOn
        endedOn
        continues {
          id
        }
        continuedBy {
          id
          institution {
            id
          }
        }
        accreditation {
          id
          kind
          status
          endedOn
          endReason
          termStart
          termEnd
          institution {
            id
          }
          results {
            category
            categoryLabelLv
            level
            levelRank
          }
        }
      }
    }
  }
`;

const RESULTS = [
  { category: 'FITNESS_FOR_PURPOSE', level: 'VERY_GOOD' },
  { category: 'QUALITY_TEACHING', level: 'GOOD' },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'EXCELLENT' },
  { category: 'GOOD_GOVERNANCE', level: 'GOOD' },
];

describe('licensing and accreditation react to register events, through the gateway', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let producer: Producer;
  let officer: string;

  const data = async (query: string, variables: Record<string, unknown> = {}) => stack.client.data(query, variables, officer);
  const institution = async (id: string) => (await data(INSTITUTION, { id })).institution;

  const register = async (overrides: Record<string, unknown> = {}) =>
    (await data(REGISTER, { input: institutionInput(overrides) })).registerInstitution.institution as {
      id: string;
      implementationPlaces: Array<{ id: string; address: string }>;
    };

  /** Issues a licence as soon as licensing has learnt of the institution from the registry's event. */
  const issue = async (institutionId: string, implementationPlaceId: string, programmeCode: string, level = 'BASIC') => {
    const input = {
      institutionId,
      implementationPlaceId,
      programmeCode,
      programmeName: `Programma ${programmeCode}`,
      level,
      decisionNumber: `L-2024/${programmeCode}`,
      issuedOn: '2024-08-15',
    };
    const issued = await eventually(
      () => stack.client.request(ISSUE_LICENCE, { input }, officer),
      (r) => !r.errors,
      { what: 'licensing to know the institution' },
    );
    return issued.data.issueLicence.licence.id as string;
  };

  const accreditInstitution = async (institutionId: string) => {
    const input = {
      institutionId,
      decisionNumber: 'IKVD-A-2024/50',
      decisionDate: '2024-08-20',
      termStart: '2024-09-01',
      results: RESULTS,
    };
    const accredited = await eventually(
      () => stack.client.request(ACCREDIT, { input }, officer),
      (r) => !r.errors,
      { what: 'accreditation to know the institution' },
    );
    return accredited.data.accreditInstitution.accreditation.id as string;
  };

  /** A programme accredited by its licence: application, evaluation, decision (accreditation learns of the licence from Kafka). */
  const accreditProgramme = async (institutionId: string, licenceId: string) => {
    const applied = await eventually(
      () => stack.client.request(APPLY, { input: { institutionId, licenceId, submittedOn: '2024-09-02' } }, officer),
      (r) => !r.errors,
      { what: 'accreditation to know the licence' },
    );
    const applicationId = applied.data.applyForAccreditation.application.id;
    await data(EVALUATE, { input: { applicationId, evaluatedOn: '2024-10-10', results: RESULTS } });
    return (
      await data(DECIDE, {
        input: { applicationId, decisionNumber: 'IKVD-A-2024/70', decisionDate: '2024-11-20', termStart: '2024-12-01' },
      })
    ).decideAccreditation.accreditation.id as string;
  };

  const outboxCount = async (service: string) =>
    Number((await stack.services[service]!.db.query('SELECT count(*) AS n FROM outbox_event'))[0].n);
  const processed = async (service: string, eventId: string) =>
    (await stack.services[service]!.db.query('SELECT 1 FROM processed_event WHERE event_id = $1', [eventId])).length === 1;

  /** The one event of `type` about `subject` the services published, as a subscriber received it. */
  const published = (topic: string, subject: string, type: string) =>
    eventually(
      async () => recorder.eventsFor(topic, [subject]).filter((e) => e.type === type),
      (found) => found.length === 1,
      { what: `${type} of ${subject}` },
    ).then(([event]) => event!);

  /**
   * Re-delivers `event` exactly as it was published (same id), then once more as a fresh
   * delivery of the same change (new id, so the processed-event table cannot stop it: only the
   * reaction's own idempotency can). Both share the event's key, hence its partition, so once
   * the fresh one is processed by every consumer the exact replay was handled before it.
   */
  const replay = async (topic: string, event: CloudEvent<any>, consumers: string[]) => {
    const fresh = { ...event, id: crypto.randomUUID() };
    await producer.send({
      topic,
      acks: -1,
      messages: [event, fresh].map((e) => ({
        key: e.subject,
        value: JSON.stringify(e),
        headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' },
      })),
    });
    for (const service of consumers)
      await eventually(() => processed(service, fresh.id), Boolean, { what: `${service} to handle the re-delivery` });
  };

  /** What a replay must leave untouched: the gateway's view of the institutions and every event the two services wrote. */
  const snapshot = async (ids: string[]) => ({
    institutions: await Promise.all(ids.map(institution)),
    licensingEvents: await outboxCount('licensing'),
    accreditationEvents: await outboxCount('accreditation'),
  });

  beforeAll(async () => {
    stack = await startTestStack('licaccreactions');
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([
      Topics.registryInstitution,
      Topics.licensingLicence,
      Topics.accreditationAccreditation,
    ]);
    producer = new Kafka({ clientId: 'test-replay', brokers: stack.infrastructure.kafkaBrokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-5' });
  });
  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await stack?.close();
  });

  it('shows an institution with its licences, their accreditations and the results per category in one query; liquidation lapses the licences, closes the open application and ends both accreditations; a replay changes nothing', async () => {
    const school = await register({ name: 'Cēsu Jaunā pamatskola' });
    const [first, second] = school.implementationPlaces;
    const basic = await issue(school.id, first!.id, '21011111');
    const secondary = await issue(school.id, second!.id, '31011011', 'SECONDARY');
    const current = await accreditInstitution(school.id);
    const programme = await accreditProgramme(school.id, basic);
    // The institution has applied for its next accreditation: an open process liquidation must close.
    const open = (await data(APPLY, { input: { institutionId: school.id } })).applyForAccreditation.application;
    expect(open.status).toBe('SUBMITTED');

    const before = await institution(school.id);
    expect(before.name).toBe('Cēsu Jaunā pamatskola');
    expect(before.currentAccreditation.id).toBe(current);
    expect(before.currentAccreditation.results.map((r: any) => [r.category, r.level])).toStrictEqual(
      RESULTS.map((r) => [r.category, r.level]),
    );
    expect(before.currentAccreditation.results[1].levelLabelLv).toBe('Labi');
    const byCode = new Map(before.licences.map((l: any) => [l.programmeCode, l]));
    const accredited = (byCode.get('21011111') as any).accreditation;
    expect([accredited.id, accredited.kind, accredited.status, accredited.termStart, accredited.termEnd]).toStrictEqual([
      programme,
      'PROGRAMME',
      'ACTIVE',
      '2024-12-01',
      '2030-11-30',
    ]);
    expect(accredited.results.map((r: any) => [r.category, r.level, r.levelRank])).toStrictEqual([
      ['FITNESS_FOR_PURPOSE', 'VERY_GOOD', 4],
      ['QUALITY_TEACHING', 'GOOD', 3],
      ['INCLUSIVE_ENVIRONMENT', 'EXCELLENT', 5],
      ['GOOD_GOVERNANCE', 'GOOD', 3],
    ]);
    expect(accredited.results[3].categoryLabelLv).toBe('Laba pārvaldība');
    expect((byCode.get('31011011') as any).accreditation).toBe(null);

    await data(LIQUIDATE, { input: { id: school.id, decision: { number: 'IKVD-2025/90', date: '2025-06-30' } } });

    const after = await eventually(
      () => institution(school.id),
      (i) => i.licences.every((l: any) => l.status === 'LAPSED') && i.accreditations.every((a: any) => a.status === 'ENDED'),
      { what: 'licences to lapse and accreditations to end' },
    );
    expect(after.status).toBe('LIQUIDATED');
    expect(after.currentAccreditation).toBe(null);
    expect(after.licences.map((l: any) => l.lapsedOn)).toStrictEqual(['2025-06-30', '2025-06-30']);
    const ended = new Map(after.accreditations.map((a: any) => [a.id, a]));
    expect([(ended.get(current) as any).endedOn, (ended.get(current) as any).endReason]).toStrictEqual([
      '2025-06-30',
      'INSTITUTION_LIQUIDATED',
    ]);
    // The programme's accreditation ends with its institution or with its lapsed licence, whichever
    // event accreditation handles first (two topics, no order between them); either way, on that day.
    expect((ended.get(programme) as any).endedOn).toBe('2025-06-30');
    assert.ok(['INSTITUTION_LIQUIDATED', 'LICENCE_LAPSED'].includes((ended.get(programme) as any).endReason));
    const closed = (await data(APPLICATION, { id: open.id })).accreditationApplication;
    expect(closed).toStrictEqual({ id: open.id, status: 'CLOSED', closedOn: '2025-06-30', closeReason: 'INSTITUTION_LIQUIDATED' });
    await published(Topics.accreditationAccreditation, current, 'accreditation.accreditation.ended');
    await published(Topics.accreditationAccreditation, programme, 'accreditation.accreditation.ended');
    await published(Topics.licensingLicence, basic, 'licensing.licence.lapsed');
    await published(Topics.licensingLicence, secondary, 'licensing.licence.lapsed');

    const liquidated = await published(Topics.registryInstitution, school.id, 'registry.institution.liquidated');
    const settled = await snapshot([school.id]);
    await replay(Topics.registryInstitution, liquidated, ['licensing', 'accreditation']);
    expect(await snapshot([school.id])).toStrictEqual(settled);
  });

  it("a revoked licence ends that programme's accreditation only; a replay changes nothing", async () => {
    const school = await register({ name: 'Siguldas Valsts ģimnāzija' });
    const [first, second] = school.implementationPlaces;
    const revoked = await issue(school.id, first!.id, '31011011', 'SECONDARY');
    const kept = await issue(school.id, second!.id, '31011012', 'SECONDARY');
    const current = await accreditInstitution(school.id);
    const revokedProgramme = await accreditProgramme(school.id, revoked);
    const keptProgramme = await accreditProgramme(school.id, kept);

    await data(REVOKE, {
      input: { licenceId: revoked, decision: { number: 'IKVD-L-2025/3', date: '2025-02-01' }, reason: 'No qualified teachers' },
    });

    const after = await eventually(
      () => institution(school.id),
      (i) => i.licences.find((l: any) => l.id === revoked).accreditation.status === 'ENDED',
      { what: "the revoked programme's accreditation to end" },
    );
    const licences = new Map(after.licences.map((l: any) => [l.id, l]));
    expect(
      (({ id, status, endedOn, endReason }) => ({ id, status, endedOn, endReason }))((licences.get(revoked) as any).accreditation),
    ).toStrictEqual({ id: revokedProgramme, status: 'ENDED', endedOn: '2025-02-01', endReason: 'LICENCE_REVOKED' });
    expect([(licences.get(kept) as any).accreditation.id, (licences.get(kept) as any).accreditation.status]).toStrictEqual([
      keptProgramme,
      'ACTIVE',
    ]);
    expect([after.currentAccreditation.id, after.status]).toStrictEqual([current, 'ACTIVE']);
    const endedEvent = await published(Topics.accreditationAccreditation, revokedProgramme, 'accreditation.accreditation.ended');
    expect(endedEvent.data.state.endReason).toBe('LICENCE_REVOKED');

    const revocation = await published(Topics.licensingLicence, revoked, 'licensing.licence.revoked');
    const settled = await snapshot([school.id]);
    await replay(Topics.licensingLicence, revocation, ['accreditation']);
    expect(await snapshot([school.id])).toStrictEqual(settled);
  });

  it("reorganisation transfers the licence to the successor, the programme's accreditation follows it there, and replays change nothing", async () => {
    const predecessor = await register({ name: 'Ogres Tehnikums' });
    const successor = await register({
      name: 'Ogres Valsts tehnikums',
      implementationPlaces: [{ address: predecessor.implementationPlaces[0]!.address, municipality: 'Rīga', planningRegion: 'RIGA' }],
    });
    const licence = await issue(predecessor.id, predecessor.implementationPlaces[0]!.id, '33481011', 'VOCATIONAL');
    const current = await accreditInstitution(predecessor.id);
    const programme = await accreditProgramme(predecessor.id, licence);

    await data(REORGANISE, {
      input: {
        kind: 'ATTACHMENT',
        predecessorIds: [predecessor.id],
        successorIds: [successor.id],
        decision: { number: 'R-2025/4', date: '2025-03-20' },
      },
    });

    const taken = await eventually(
      () => institution(successor.id),
      // Both views: the gateway reads the institution's accreditations and its licences' in separate fetches.
      (i) => i.licences.length === 1 && i.licences[0].accreditation?.id === programme && i.accreditations.length === 1,
      { what: "the successor's licence to carry the programme's accreditation" },
    );
    const [continuing] = taken.licences;
    expect([continuing.programmeCode, continuing.status, continuing.continues.id]).toStrictEqual(['33481011', 'ACTIVE', licence]);
    // The same accreditation (decision, results and term) now names the successor.
    expect([
      continuing.accreditation.status,
      continuing.accreditation.termEnd,
      continuing.accreditation.institution.id,
      continuing.accreditation.results.length,
    ]).toStrictEqual(['ACTIVE', '2030-11-30', successor.id, 4]);
    expect(taken.accreditations.map((a: any) => [a.id, a.kind, a.licence.id])).toStrictEqual([[programme, 'PROGRAMME', continuing.id]]);

    const ended = await institution(predecessor.id);
    expect(ended.status).toBe('LIQUIDATED');
    expect(ended.licences.map((l: any) => [l.status, l.endedOn, l.continuedBy.id, l.accreditation])).toStrictEqual([
      ['TRANSFERRED', '2025-03-20', continuing.id, null],
    ]);
    // The predecessor's own accreditation ends with it; the programme's left with its licence.
    expect(ended.currentAccreditation).toBe(null);
    expect(ended.accreditations.map((a: any) => [a.id, a.status, a.endReason])).toStrictEqual([
      [current, 'ENDED', 'INSTITUTION_LIQUIDATED'],
    ]);

    const moved = await published(Topics.accreditationAccreditation, programme, 'accreditation.accreditation.transferred');
    expect(moved.data.changedFields).toStrictEqual(['institutionId', 'licenceId']);
    expect([moved.data.state.institutionId, moved.data.state.licenceId, moved.data.state.status]).toStrictEqual([
      successor.id,
      continuing.id,
      'ACTIVE',
    ]);
    expect(
      recorder.eventsFor(Topics.accreditationAccreditation, [programme]).some((e) => e.type === 'accreditation.accreditation.ended'),
    ).toBe(false);

    const reorganised = await published(Topics.registryInstitution, predecessor.id, 'registry.institution.reorganised');
    const transferred = await published(Topics.licensingLicence, licence, 'licensing.licence.transferred');
    const settled = await snapshot([predecessor.id, successor.id]);
    await replay(Topics.registryInstitution, reorganised, ['licensing', 'accreditation']);
    await replay(Topics.licensingLicence, transferred, ['accreditation']);
    expect(await snapshot([predecessor.id, successor.id])).toStrictEqual(settled);
  });
});
