import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { accreditation } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };

const EVALUATE_HEAD = /* GraphQL */ `
  mutation HeadEvaluationEvaluateHead($input: EvaluateHeadInput!) {
    evaluateHead(input: $input) {
      headEvaluation {
        id
        headName
        institutionCategory
        decisionNumber
        decisionDate
        outcome
        evaluatorsNotes
        institution {
          id
        }
        results {
          category
          level
          levelLabelLv
        }
      }
    }
  }
`;

const HEADS = `
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
  query HeadEvaluationAccreditationStatistics($year: Int!) {
    accreditationStatistics(year: $year) {
      year
      refusals
      institutionsBelowGood
      headsEvaluated
      headsBelowGood
      accreditationsByKind {
        kind
        count
      }
      resultsByCategory {
        category
        level
        count
      }
      headsByInstitutionCategory {
        institutionCategory
        count
      }
    }
  }
`;

const ACCREDIT = /* GraphQL */ `
  mutation HeadEvaluationAccreditInstitution($input: AccreditInstitutionInput!) {
    accreditInstitution(input: $input) {
      accreditation {
        id
      }
    }
  }
`;

describe('evaluation of heads of institutions', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    harness = await startGatewayHarness(accreditation);
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.accreditationHeadEvaluation]);
  });
  afterAll(async () => {
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
    expect(evaluation.outcome).toBe('MUST_IMPROVE');
    expect(evaluation.institution.id).toBe(institution.id);
    expect(evaluation.results[3]).toStrictEqual({ category: 'GOOD_GOVERNANCE', level: 'NEEDS_IMPROVEMENT', levelLabelLv: 'Jāpilnveido' });
    expect(evaluation.evaluatorsNotes).toBe('No plan for staff development.');

    // Published results are public; the notes are OFFICER only.
    const seen = await harness.direct(HEADS, { representations: [{ __typename: 'Institution', id: institution.id }] }, PUBLIC);
    expect(seen.data._entities[0].headEvaluations).toStrictEqual([{ id: evaluation.id, outcome: 'MUST_IMPROVE', evaluatorsNotes: null }]);

    const [event] = await eventually(
      async () => recorder.eventsFor(Topics.accreditationHeadEvaluation, [evaluation.id]),
      (events) => events.length === 1,
      { what: 'the head-evaluation event' },
    );
    expect(event!.type).toBe('accreditation.head-evaluation.recorded');
    expect(event!.data.state.outcome).toBe('MUST_IMPROVE');
    expect('evaluatorsNotes' in event!.data.state).toBe(false);

    const missing = await harness.request(EVALUATE_HEAD, { input: { ...input, results: results('GOOD').slice(0, 3) } }, OFFICER);
    expect(missing.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const forbidden = await harness.request(EVALUATE_HEAD, { input }, PUBLIC);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await harness.request(EVALUATE_HEAD, { input: { ...input, institutionId: crypto.randomUUID() } }, OFFICER);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rows = await harness.service.db.query('SELECT 1 FROM head_evaluation WHERE institution_id = $1', [institution.id]);
    expect(rows.length).toBe(1);
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
    await eventually(
      () => harness.request(ACCREDIT, { input }, OFFICER),
      (response) => !response.errors,
      { what: 'the institution to be known' },
    );
    await harness.request(
      EVALUATE_HEAD,
      { input: { ...input, headName: 'Jānis Ozols', institutionCategory: 'GENERAL', results: results('GOOD') } },
      OFFICER,
    );

    const response = await harness.request(STATISTICS, { year: 2024 }, PUBLIC);
    expect(response.errors).toBe(undefined);
    const statistics = response.data.accreditationStatistics;
    expect(statistics.accreditationsByKind).toStrictEqual([
      { kind: 'INSTITUTION', count: 1 },
      { kind: 'PROGRAMME', count: 0 },
    ]);
    expect(statistics.resultsByCategory.length).toBe(20);
    expect(statistics.resultsByCategory.filter((row: any) => row.count > 0)).toStrictEqual([
      { category: 'FITNESS_FOR_PURPOSE', level: 'GOOD', count: 1 },
      { category: 'QUALITY_TEACHING', level: 'VERY_GOOD', count: 1 },
      { category: 'INCLUSIVE_ENVIRONMENT', level: 'GOOD', count: 1 },
      { category: 'GOOD_GOVERNANCE', level: 'NEEDS_IMPROVEMENT', count: 1 },
    ]);
    expect(statistics.institutionsBelowGood).toBe(1);
    expect(statistics.refusals).toBe(0);
    // The first test's PRESCHOOL head (must improve) and this GENERAL one (meets the requirements).
    expect(statistics.headsEvaluated).toBe(2);
    expect(statistics.headsBelowGood).toBe(1);
    expect(statistics.headsByInstitutionCategory).toStrictEqual([
      { institutionCategory: 'GENERAL', count: 1 },
      { institutionCategory: 'VOCATIONAL', count: 0 },
      { institutionCategory: 'PRESCHOOL', count: 1 },
    ]);
    const empty = await harness.request(STATISTICS, { year: 2023 }, PUBLIC);
    expect(empty.data.accreditationStatistics.headsEvaluated).toBe(0);
    expect((await harness.request(STATISTICS, { year: 1800 })).errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
