import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller, type RegistryInstitutionState, DayClock } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { createLicensing } from '../src/definition';
import { RegistryFeed } from '../../../test/support/registryFeed';

const VALMIERA: Caller = { role: Role.MUNICIPALITY, municipality: 'Valmieras novads', subject: 'valmiera-1' };
const CESIS: Caller = { role: Role.MUNICIPALITY, municipality: 'Cēsu novads', subject: 'cesis-1' };

const REGISTER = /* GraphQL */ `
  mutation InterestProgrammesRegisterInterestProgramme($input: RegisterInterestProgrammeInput!) {
    registerInterestProgramme(input: $input) {
      programme {
        id
        municipality
        name
        startsOn
        endsOn
        annualTargetedSubsidyCents
        institution {
          id
        }
        classifierEntry {
          code
          labelLv
          validTo
          area {
            code
          }
        }
      }
    }
  }
`;
const CLASSIFIER = `query($asOf: Date) { interestEducationClassifier(asOf: $asOf) { code area { code } validFrom validTo } }`;
const SHARES = `query($m: String!) { stemSubsidyShares(municipality: $m) { municipality schoolYear totalSubsidyCents stemSubsidyCents stemSharePercent minimumPercent meetsMinimum } }`;
const INSTITUTION_PROGRAMMES = `query($representations: [_Any!]!, $asOf: Date) { _entities(representations: $representations) { ... on Institution { interestProgrammes(asOf: $asOf) { name } } } }`;

describe('interest-education programmes and the STEM share of the targeted subsidy', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;
  let centre: RegistryInstitutionState;

  const register = (input: Record<string, unknown>, caller: Caller = VALMIERA) =>
    harness.request(REGISTER, { input: { institutionId: centre.id, ...input } }, caller);

  beforeAll(async () => {
    harness = await startGatewayHarness(createLicensing({ clock: new DayClock('2025-10-01') }));
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.licensingInterestProgramme]);
    centre = RegistryFeed.institution({ name: 'Valmieras Bērnu sporta skola', type: 'INTEREST_EDUCATION' });
    await feed.send(RegistryFeed.event('registry.institution.registered', centre, Object.keys(centre)));
    await eventually(
      async () => (await harness.service.db.query('SELECT 1 FROM registry_institution WHERE id = $1', [centre.id])).length,
      (rows) => rows === 1,
      { what: 'the institution in the replica' },
    );
  });
  afterAll(async () => {
    await recorder?.stop();
    await feed?.stop();
    await harness?.close();
  });

  it('lists the classifier as of a date: the earlier entry until 2024-08-31, the STEM sub-areas from 2024-09-01', async () => {
    const before = (await harness.request(CLASSIFIER, { asOf: '2024-08-31' })).data.interestEducationClassifier.map((e: any) => e.code);
    const after = (await harness.request(CLASSIFIER, { asOf: '2024-09-01' })).data.interestEducationClassifier.map((e: any) => e.code);
    assert.ok(before.includes('RETIRED_OTHER_PROGRAMMES') && !before.includes('AT_COMPUTING'));
    assert.ok(!after.includes('RETIRED_OTHER_PROGRAMMES') && after.includes('AT_COMPUTING'));
    const today = (await harness.request(CLASSIFIER)).data.interestEducationClassifier;
    expect(today.length).toBe(after.length);
  });

  it('refuses a retired classifier entry for a programme starting on 2024-09-01 and stores nothing', async () => {
    const refused = await register({
      name: 'Tehniskā jaunrade',
      classifierCode: 'RETIRED_OTHER_PROGRAMMES',
      startsOn: '2024-09-01',
      annualTargetedSubsidyCents: 100_00,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.field).toBe('classifierCode');
    expect(refused.errors![0]!.message).toMatch(/ended on 2024-08-31/);
    const [{ n }] = await harness.service.db.query('SELECT count(*)::int AS n FROM interest_programme');
    expect(n).toBe(0);
  });

  it('lets only the municipality of the institution register its programmes', async () => {
    const other = await register(
      { name: 'Robotika', classifierCode: 'AT_MECHATRONICS', startsOn: '2024-09-01', annualTargetedSubsidyCents: 100_00 },
      CESIS,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const officer = await register(
      { name: 'Robotika', classifierCode: 'AT_MECHATRONICS', startsOn: '2024-09-01', annualTargetedSubsidyCents: 100_00 },
      { role: Role.OFFICER },
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('reports the STEM share per school year against the minimum: met in 2024/25 (10%), missed in 2025/26 (15%)', async () => {
    const programmes = [
      {
        name: 'Robotika',
        classifierCode: 'AT_MECHATRONICS',
        startsOn: '2024-09-01',
        endsOn: '2025-08-31',
        annualTargetedSubsidyCents: 1_200_00,
      },
      { name: 'Programmēšana', classifierCode: 'AT_COMPUTING', startsOn: '2025-09-01', annualTargetedSubsidyCents: 800_00 },
      { name: 'Basketbols', classifierCode: 'AS_TEAM_GAMES', startsOn: '2024-09-01', annualTargetedSubsidyCents: 8_800_00 },
      { name: 'Koris', classifierCode: 'AK_MUSIC', startsOn: '2023-09-01', endsOn: '2024-05-31', annualTargetedSubsidyCents: 500_00 },
    ];
    for (const input of programmes) {
      const response = await register(input);
      expect(response.errors).toBe(undefined);
      expect(response.data.registerInterestProgramme.programme.municipality).toBe('Valmieras novads');
    }
    const shares = (await harness.request(SHARES, { m: 'Valmieras novads' })).data.stemSubsidyShares;
    expect(shares).toStrictEqual([
      {
        municipality: 'Valmieras novads',
        schoolYear: '2023/2024',
        totalSubsidyCents: 500_00,
        stemSubsidyCents: 0,
        stemSharePercent: 0,
        minimumPercent: null,
        meetsMinimum: null,
      },
      {
        municipality: 'Valmieras novads',
        schoolYear: '2024/2025',
        totalSubsidyCents: 10_000_00,
        stemSubsidyCents: 1_200_00,
        stemSharePercent: 12,
        minimumPercent: 10,
        meetsMinimum: true,
      },
      {
        municipality: 'Valmieras novads',
        schoolYear: '2025/2026',
        totalSubsidyCents: 9_600_00,
        stemSubsidyCents: 800_00,
        stemSharePercent: 8.3,
        minimumPercent: 15,
        meetsMinimum: false,
      },
      {
        municipality: 'Valmieras novads',
        schoolYear: '2026/2027',
        totalSubsidyCents: 9_600_00,
        stemSubsidyCents: 800_00,
        stemSharePercent: 8.3,
        minimumPercent: 20,
        meetsMinimum: false,
      },
    ]);

    const entities = await harness.direct(INSTITUTION_PROGRAMMES, {
      representations: [{ __typename: 'Institution', id: centre.id }],
      asOf: '2025-01-15',
    });
    expect(entities.data._entities[0].interestProgrammes.map((p: any) => p.name).sort()).toStrictEqual(['Basketbols', 'Robotika']);

    // The topic is shared by every run on the broker: only this centre's programmes count.
    const published = await eventually(
      async () =>
        recorder.messages.filter(
          (m) => m.event.type === 'licensing.interest-programme.registered' && m.event.data.state.institutionId === centre.id,
        ),
      (m) => m.length === 4,
      { what: 'four registered events' },
    );
    assert.ok(published.every((m) => m.event.data.state.municipality === 'Valmieras novads'));
  });
});
