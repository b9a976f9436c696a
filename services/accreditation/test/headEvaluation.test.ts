import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Role, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { accreditation } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };

const EVALUATE_HEAD = /* GraphQL */ `
  mutation($input: EvaluateHeadInput!) {
    evaluateHead(input: $input) {
      headEvaluation { id headName institutionCategory decisionNumber decisionDate outcome evaluatorsNotes institution { id } results { category level levelLabelLv } }
    }
  }`;

const HEADS = /* GraphQL */ `
  query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Institution { id headEvaluations { id outcome evaluatorsNotes } } }
  }`;

const results = (governance: string) => [
  { category: 'FITNESS_FOR_PURPOSE', level: 'GOOD' },
  { category: 'QUALITY_TEACHING', level: 'VERY_GOOD' },
  { category: 'INCLUSIVE_ENVIRONMENT', level: 'GOOD' },
  { category: 'GOOD_GOVERNANCE', level: governance },
];

const STATISTICS = /* GraphQL */ `
  query($year: Int!) {
    accreditationStatistics(year: $year) {
      year refusals institutionsBelowGood headsEvaluated headsBelowGood
      accreditationsByKind { kind count }
      resultsByCategory { category level count }
      headsByInstitutionCategory { institutionCategory count }
    }
  }`;

const ACCREDIT = /* GraphQL */ `mutation($input: AccreditInstitutionInput!) { accreditInstitution(input: $input) { accreditation { id } } }`;

describe('evaluation of heads of institutions', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

  before(async () => {
    harness = await startGatewayHarness(accreditation);
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.accreditationHeadEvaluation]);
  });
  after(async () => {
    await recorder?.stop();
    await feed?.stop();
    await harness?.close();
  });

  it('records per-criterion levels with the overall decision and publishes it without the notes', async () => {
    const institution = RegistryFeed.institution();
    await feed.send(RegistryFeed.event('registry.institution.registered', institution, Object.keys(institution)));
    const input = {
      institutionId: institution.id,
      headName: 'Anna Bērziņa',
      institutionCategory: 'PRESCHOOL',
      decisionNumber: 'IKVD-V-2024/77',
      decisionDate: '2024-05-20',
      results: results('NEEDS_IMPROVEMENT'),
      evaluatorsNotes: 'No plan for staff development.',
    };
    const recorded = await eventually(
      () => harness.request(EVALUATE_HEAD, { input }, OFFICER),
      (response) => !response.errors,
      { what: 'the institution to be known' },
    );
    const evaluation = recorded.data.evaluateHead.headEvaluation;
    assert.equal(evaluation.outcome, 'MUST_IMPROVE');
    assert.equal(evaluation.institution.id, institution.id);
    assert.deepEqual(evaluation.results[3], { category: 'GOOD_GOVERNANCE', level: 'NEEDS_IMPROVEMENT', levelLabelLv: 'Jāpilnveido' });
    assert.equal(evaluation.evaluatorsNotes, 'No plan for staff development.');

    // Published results are public; the notes are OFFICER only.
    const seen = await harness.direct(HEADS, { representations: [{ __typename: 'Institution', id: institution.id }] }, PUBLIC);
    assert.deepEqual(seen.data._entities[0].headEvaluations, [{ id: evaluation.id, outcome: 'MUST_IMPROVE', evaluatorsNotes: null }]);

    const [event] = await eventually(
      async () => recorder.eventsFor(Topics.accreditationHeadEvaluation, [evaluation.id]),
      (events) => events.length === 1,
      { what: 'the head-evaluation event' },
    );
    assert.equal(event!.type, 'accreditation.head-evaluation.recorded');
    assert.equal(event!.data.state.outcome, 'MUST_IMPROVE');
    assert.equal('evaluatorsNotes' in event!.data.state, false);

    const missing = await harness.request(EVALUATE_HEAD, { input: { ...input, results: results('GOOD').slice(0, 3) } }, OFFICER);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    const forbidden = await harness.request(EVALUATE_HEAD, { input }, PUBLIC);
    assert.equal(forbidden.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const unknown = await harness.request(EVALUATE_HEAD, { input: { ...input, institutionId: crypto.randomUUID() } }, OFFICER);
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const rows = await harness.service.db.query('SELECT 1 FROM head_evaluation WHERE institution_id = $1', [institution.id]);
    assert.equal(rows.length, 1);
  });

  it("counts the year's decisions: accreditations by kind, results per category and level, heads evaluated, below good", async () => {
    const institution = RegistryFeed.institution();
    await feed.send(RegistryFeed.event('registry.institution.registered', institution, Object.keys(institution)));
    const input = {
      institutionId: institution.id,
      decisionNumber: 'IKVD-A-2024/800',
      decisionDate: '2024-06-20',
      results: results('NEEDS_IMPROVEMENT'),
    };
    await eventually(() => harness.request(ACCREDIT, { input }, OFFICER), (response) => !response.errors, { what: 'the institution to be known' });
    await harness.request(EVALUATE_HEAD, { input: { ...input, headName: 'Jānis Ozols', institutionCategory: 'GENERAL', results: results('GOOD') } }, OFFICER);

    const response = await harness.request(STATISTICS, { year: 2024 }, PUBLIC);
    assert.equal(response.errors, undefined);
    const statistics = response.data.accreditationStatistics;
    assert.deepEqual(statistics.accreditationsByKind, [{ kind: 'INSTITUTION', count: 1 }, { kind: 'PROGRAMME', count: 0 }]);
    assert.equal(statistics.resultsByCategory.length, 20);
    assert.deepEqual(
      statistics.resultsByCategory.filter((row: any) => row.count > 0),
      [
        { category: 'FITNESS_FOR_PURPOSE', level: 'GOOD', count: 1 },
        { category: 'QUALITY_TEACHING', level: 'VERY_GOOD', count: 1 },
        { category: 'INCLUSIVE_ENVIRONMENT', level: 'GOOD', count: 1 },
        { category: 'GOOD_GOVERNANCE', level: 'NEEDS_IMPROVEMENT', count: 1 },
      ],
    );
    assert.equal(statistics.institutionsBelowGood, 1);
    assert.equal(statistics.refusals, 0);
    // The first test's PRESCHOOL head (must improve) and this GENERAL one (meets the requirements).
    assert.equal(statistics.headsEvaluated, 2);
    assert.equal(statistics.headsBelowGood, 1);
    assert.deepEqual(statistics.headsByInstitutionCategory, [
      { institutionCategory: 'GENERAL', count: 1 },
      { institutionCategory: 'VOCATIONAL', count: 0 },
      { institutionCategory: 'PRESCHOOL', count: 1 },
    ]);
    const empty = await harness.request(STATISTICS, { year: 2023 }, PUBLIC);
    assert.equal(empty.data.accreditationStatistics.headsEvaluated, 0);
    assert.equal((await harness.request(STATISTICS, { year: 1800 })).errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
  });
});
