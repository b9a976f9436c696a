import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLicensing } from '@eq/licensing';
import { Role, Topics, DayClock } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const REGISTER_PROGRAMME = /* GraphQL */ `
  mutation InterestProgrammeLifecycleRegister($input: RegisterInterestProgrammeInput!) {
    registerInterestProgramme(input: $input) {
      programme {
        id
      }
    }
  }
`;
const RECLASSIFY = /* GraphQL */ `
  mutation InterestProgrammeLifecycleReclassify($input: ReclassifyInterestProgrammeInput!) {
    reclassifyInterestProgramme(input: $input) {
      programme {
        id
        classifierEntry {
          code
        }
      }
    }
  }
`;
const AMEND = /* GraphQL */ `
  mutation InterestProgrammeLifecycleAmend($input: AmendInterestProgrammeInput!) {
    amendInterestProgramme(input: $input) {
      programme {
        id
        annualTargetedSubsidyCents
      }
    }
  }
`;
const END = /* GraphQL */ `
  mutation InterestProgrammeLifecycleEnd($input: EndInterestProgrammeInput!) {
    endInterestProgramme(input: $input) {
      programme {
        id
        endsOn
      }
    }
  }
`;
const REPORT_LEARNERS = /* GraphQL */ `
  mutation InterestProgrammeLifecycleReportLearners($input: ReportInterestProgrammeLearnersInput!) {
    reportInterestProgrammeLearners(input: $input) {
      programme {
        learnerCounts {
          schoolYear
          learners
        }
      }
    }
  }
`;
const PROGRAMME = /* GraphQL */ `
  query InterestProgrammeLifecycleProgramme($id: ID!) {
    interestProgramme(id: $id) {
      name
      endsOn
      classifierEntry {
        code
      }
      versions {
        validFrom
        validTo
        annualTargetedSubsidyCents
        classifierEntry {
          code
          area {
            code
          }
        }
        decision {
          kind
          number
          date
          effectiveFrom
          reason
        }
      }
      decisions {
        kind
        number
        effectiveFrom
        changedFields
      }
    }
  }
`;
const SHARES = /* GraphQL */ `
  query InterestProgrammeLifecycleShares($municipality: String!) {
    stemSubsidyShares(municipality: $municipality) {
      schoolYear
      totalSubsidyCents
      stemSubsidyCents
      stemSharePercent
      minimumPercent
      meetsMinimum
      learners
      stemLearners
      stemLearnerSharePercent
      programmesWithoutLearnerCount
    }
  }
`;

const MUNICIPALITY = 'Cēsu novads';
/** The service's "today": the coming school year of the report is 2028/2029. */
const TODAY = '2027-10-01';

describe('interest-education programmes amended, reclassified and ended through the gateway, and the STEM share that follows', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let cesis: string;
  let institutionId: string;
  let graphics: string;
  let basketball: string;

  const shares = async () =>
    Object.fromEntries(
      (await stack.client.data(SHARES, { municipality: MUNICIPALITY })).stemSubsidyShares.map(({ schoolYear, ...share }: any) => [
        schoolYear,
        share,
      ]),
    );

  beforeAll(async () => {
    stack = await startTestStack('interestprogrammes', {
      definitions: { licensing: createLicensing({ clock: new DayClock(TODAY) }) },
    });
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.licensingInterestProgramme]);
    const officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-interest' });
    cesis = await stack.client.token({ role: Role.MUNICIPALITY, municipality: MUNICIPALITY, subject: 'cesis-interest' });
    const institution = await stack.client.data(
      REGISTER,
      {
        input: institutionInput({
          name: 'Cēsu Bērnu un jauniešu centrs',
          type: 'INTEREST_EDUCATION',
          founder: { kind: 'MUNICIPALITY', name: 'Cēsu novada pašvaldība', municipality: MUNICIPALITY },
          planningRegion: 'VIDZEME',
          implementationPlaces: [{ address: 'Raunas iela 12, Cēsis', municipality: MUNICIPALITY, planningRegion: 'VIDZEME' }],
        }),
      },
      officer,
    );
    institutionId = institution.registerInstitution.institution.id;
    const register = async (input: Record<string, unknown>) =>
      (
        await eventually(
          () => stack.client.request(REGISTER_PROGRAMME, { input: { institutionId, ...input } }, cesis),
          (response) => !response.errors,
          { what: 'licensing to know the institution' },
        )
      ).data!.registerInterestProgramme.programme.id as string;
    // A technology programme registered under the earlier classifier, in cultural education.
    graphics = await register({
      name: 'Datorgrafika',
      classifierCode: 'AK_VISUAL_ARTS',
      startsOn: '2023-09-01',
      annualTargetedSubsidyCents: 300_00,
    });
    basketball = await register({
      name: 'Basketbols',
      classifierCode: 'AS_TEAM_GAMES',
      startsOn: '2024-09-01',
      annualTargetedSubsidyCents: 1_700_00,
    });
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it('shows the 20% minimum for 2027/28 and after, with no STEM programme yet', async () => {
    const before = await shares();
    expect(Object.keys(before)).toStrictEqual(['2023/2024', '2024/2025', '2025/2026', '2026/2027', '2027/2028', '2028/2029']);
    expect(before['2027/2028']).toMatchObject({
      totalSubsidyCents: 2_000_00,
      stemSubsidyCents: 0,
      minimumPercent: 20,
      meetsMinimum: false,
    });
    expect(before['2028/2029'].minimumPercent).toBe(20);
  });

  it('refuses a reclassification by another municipality, by an OFFICER, or to an entry not yet valid, and writes nothing', async () => {
    const input = {
      programmeId: graphics,
      classifierCode: 'AT_CREATIVE_INDUSTRIES',
      effectiveFrom: '2025-09-01',
      decision: { number: 'CND-2025/17', date: '2025-06-12' },
    };
    const other = await stack.client.token({ role: Role.MUNICIPALITY, municipality: 'Valmieras novads', subject: 'valmiera-interest' });
    const officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-interest' });
    expect((await stack.client.request(RECLASSIFY, { input }, other)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await stack.client.request(RECLASSIFY, { input }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await stack.client.request(RECLASSIFY, { input: { ...input, effectiveFrom: '2024-08-31' } }, cesis);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'classifierCode' });
    const { interestProgramme } = await stack.client.data(PROGRAMME, { id: graphics });
    expect(interestProgramme.versions).toHaveLength(1);
    expect(interestProgramme.decisions.map((d: any) => d.kind)).toStrictEqual(['REGISTERED']);
  });

  it('reclassifies the programme to STEM from 2025-09-01: the share counts it as STEM from 2025/26 on, not before', async () => {
    const reclassified = await stack.client.data(
      RECLASSIFY,
      {
        input: {
          programmeId: graphics,
          classifierCode: 'AT_CREATIVE_INDUSTRIES',
          effectiveFrom: '2025-09-01',
          decision: { number: 'CND-2025/17', date: '2025-06-12' },
          reason: 'Technology programmes move from cultural education to STEM',
        },
      },
      cesis,
    );
    expect(reclassified.reclassifyInterestProgramme.programme.classifierEntry.code).toBe('AT_CREATIVE_INDUSTRIES');
    const after = await shares();
    expect(after['2024/2025']).toMatchObject({ stemSubsidyCents: 0, stemSharePercent: 0, minimumPercent: 10, meetsMinimum: false });
    expect(after['2025/2026']).toMatchObject({
      totalSubsidyCents: 2_000_00,
      stemSubsidyCents: 300_00,
      stemSharePercent: 15,
      meetsMinimum: true,
    });
    expect(after['2027/2028']).toMatchObject({ stemSharePercent: 15, minimumPercent: 20, meetsMinimum: false });
  });

  it('amends the subsidy from 2027-09-01 and ends the other programme: the history keeps every period with its decision', async () => {
    const amended = await stack.client.data(
      AMEND,
      {
        input: {
          programmeId: graphics,
          effectiveFrom: '2027-09-01',
          annualTargetedSubsidyCents: 500_00,
          decision: { number: 'CND-2027/3', date: '2027-08-20' },
        },
      },
      cesis,
    );
    expect(amended.amendInterestProgramme.programme.annualTargetedSubsidyCents).toBe(500_00);
    const ended = await stack.client.data(
      END,
      {
        input: {
          programmeId: basketball,
          endsOn: '2028-05-31',
          decision: { number: 'CND-2027/9', date: '2027-09-15' },
          reason: 'No coach',
        },
      },
      cesis,
    );
    expect(ended.endInterestProgramme.programme.endsOn).toBe('2028-05-31');
    const again = await stack.client.request(
      END,
      { input: { programmeId: basketball, endsOn: '2028-06-30', decision: { number: 'CND-2027/10', date: '2027-09-16' } } },
      cesis,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { interestProgramme } = await stack.client.data(PROGRAMME, { id: graphics });
    expect(interestProgramme.versions).toStrictEqual([
      {
        validFrom: '2023-09-01',
        validTo: '2025-08-31',
        annualTargetedSubsidyCents: 300_00,
        classifierEntry: { code: 'AK_VISUAL_ARTS', area: { code: 'AK' } },
        decision: { kind: 'REGISTERED', number: null, date: TODAY, effectiveFrom: '2023-09-01', reason: null },
      },
      {
        validFrom: '2025-09-01',
        validTo: '2027-08-31',
        annualTargetedSubsidyCents: 300_00,
        classifierEntry: { code: 'AT_CREATIVE_INDUSTRIES', area: { code: 'AT' } },
        decision: {
          kind: 'RECLASSIFIED',
          number: 'CND-2025/17',
          date: '2025-06-12',
          effectiveFrom: '2025-09-01',
          reason: 'Technology programmes move from cultural education to STEM',
        },
      },
      {
        validFrom: '2027-09-01',
        validTo: null,
        annualTargetedSubsidyCents: 500_00,
        classifierEntry: { code: 'AT_CREATIVE_INDUSTRIES', area: { code: 'AT' } },
        decision: { kind: 'AMENDED', number: 'CND-2027/3', date: '2027-08-20', effectiveFrom: '2027-09-01', reason: null },
      },
    ]);
    const report = await shares();
    expect(report['2026/2027']).toMatchObject({
      totalSubsidyCents: 2_000_00,
      stemSharePercent: 15,
      minimumPercent: 20,
      meetsMinimum: false,
    });
    expect(report['2027/2028']).toMatchObject({
      totalSubsidyCents: 2_200_00,
      stemSubsidyCents: 500_00,
      stemSharePercent: 22.7,
      meetsMinimum: true,
    });
    expect(report['2028/2029']).toMatchObject({ totalSubsidyCents: 500_00, stemSharePercent: 100, minimumPercent: 20 });
  });

  it("takes learner numbers from the programme's institution, not another's, and shows STEM's share of learners without weighting the subsidy", async () => {
    const school = await stack.client.token({ role: Role.SCHOOL, institutionId, subject: 'cesis-centre' });
    const stranger = await stack.client.token({
      role: Role.SCHOOL,
      institutionId: '00000000-0000-4000-8000-00000000beef',
      subject: 'other',
    });
    const refused = await stack.client.request(
      REPORT_LEARNERS,
      { input: { programmeId: graphics, schoolYear: '2025/2026', learners: 40 } },
      stranger,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const future = await stack.client.request(
      REPORT_LEARNERS,
      { input: { programmeId: graphics, schoolYear: '2028/2029', learners: 40 } },
      school,
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'schoolYear' });
    const reported = await stack.client.data(
      REPORT_LEARNERS,
      { input: { programmeId: graphics, schoolYear: '2025/2026', learners: 40 } },
      school,
    );
    expect(reported.reportInterestProgrammeLearners.programme.learnerCounts).toStrictEqual([{ schoolYear: '2025/2026', learners: 40 }]);
    await stack.client.data(REPORT_LEARNERS, { input: { programmeId: basketball, schoolYear: '2025/2026', learners: 60 } }, cesis);
    expect((await shares())['2025/2026']).toMatchObject({
      stemSharePercent: 15,
      learners: 100,
      stemLearners: 40,
      stemLearnerSharePercent: 40,
      programmesWithoutLearnerCount: 0,
    });
  });

  it('publishes each change on licensing.interest-programme.v1 with the versions in the state', async () => {
    const events = await eventually(
      async () => recorder.eventsFor(Topics.licensingInterestProgramme, [graphics, basketball]),
      (found) =>
        ['reclassified', 'amended', 'ended', 'learners-reported'].every((verb) =>
          found.some((event) => event.type === `licensing.interest-programme.${verb}`),
        ),
      { what: 'the programme events' },
    );
    const reclassified = events.find((event) => event.type === 'licensing.interest-programme.reclassified')!;
    expect(reclassified.data.changedFields).toStrictEqual(['classifierCode', 'areaCode', 'versions']);
    expect(reclassified.data.state.versions.map((v: any) => [v.validFrom, v.areaCode])).toStrictEqual([
      ['2023-09-01', 'AK'],
      ['2025-09-01', 'AT'],
    ]);
    const ended = events.find((event) => event.type === 'licensing.interest-programme.ended')!;
    assert.equal(ended.data.state.endsOn, '2028-05-31');
  });
});
