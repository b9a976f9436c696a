import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { institutionInput, ISSUE_LICENCE, REGISTER } from '../../../test/support/fixtures';
import { startTestStack, type TestStack } from '../../../test/support/testStack';
import { TopicRecorder } from '../../../test/support/topicRecorder';

const REORGANISE = /* GraphQL */ `
  mutation ReorganisationThroughGatewayReorganise($input: ReorganiseInstitutionsInput!) {
    reorganiseInstitutions(input: $input) {
      applied
    }
  }
`;

/** One gateway query over registry (name, status) and licensing (licences and the licences they continue). */
const INSTITUTION = /* GraphQL */ `
  query ReorganisationThroughGatewayInstitution($id: ID!) {
    institution(id: $id) {
      name
      status
      licences {
        id
        programmeCode
        status
        endedOn
        implementationPlaces {
          address
        }
        continues {
          id
          status
          institution {
            id
          }
        }
        continuedBy {
          id
          institution {
            id
          }
        }
      }
    }
  }
`;

describe('reorganisation through the gateway: the real registry publishes, licensing transfers', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;

  beforeAll(async () => {
    stack = await startTestStack('licensingreorg');
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start([Topics.licensingLicence]);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-9' });
  });
  afterAll(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  it("transfers the attached institution's licence to its successor, which continues it at the same address", async () => {
    const { client } = stack;
    const predecessor = (await client.data(REGISTER, { input: institutionInput({ name: 'Rīgas Tehniskā skola' }) }, officer))
      .registerInstitution.institution;
    const successor = (
      await client.data(
        REGISTER,
        {
          input: institutionInput({
            name: 'Rīgas Valsts tehnikums',
            implementationPlaces: [{ address: 'Braslas iela 16, Rīga', municipality: 'Rīga', planningRegion: 'RIGA' }],
          }),
        },
        officer,
      )
    ).registerInstitution.institution;

    const issued = await eventually(
      () =>
        client.request(
          ISSUE_LICENCE,
          {
            input: {
              institutionId: predecessor.id,
              implementationPlaceId: predecessor.implementationPlaces[0].id,
              programmeCode: '33481011',
              programmeName: 'Programmēšanas tehniķis',
              level: 'VOCATIONAL',
              decisionNumber: 'L-2024/9',
              issuedOn: '2024-08-15',
            },
          },
          officer,
        ),
      (r) => !r.errors,
      { what: 'licensing to know the predecessor' },
    );
    const licenceId = issued.data.issueLicence.licence.id;

    await client.data(
      REORGANISE,
      {
        input: {
          kind: 'ATTACHMENT',
          predecessorIds: [predecessor.id],
          successorIds: [successor.id],
          decision: { number: 'R-2024/3', date: '2024-09-20' },
        },
      },
      officer,
    );

    const after = await eventually(
      () => client.data(INSTITUTION, { id: successor.id }),
      (d) => d.institution.licences.length === 1,
      { what: 'the successor to hold the transferred licence' },
    );
    const [taken] = after.institution.licences;
    expect([taken.programmeCode, taken.status, taken.continues.id, taken.continues.status, taken.continues.institution.id]).toStrictEqual([
      '33481011',
      'ACTIVE',
      licenceId,
      'TRANSFERRED',
      predecessor.id,
    ]);
    expect(taken.implementationPlaces).toStrictEqual([{ address: 'Braslas iela 16, Rīga' }]);

    const ended = await client.data(INSTITUTION, { id: predecessor.id });
    expect(ended.institution.status).toBe('LIQUIDATED');
    expect(ended.institution.licences.map((l: any) => [l.status, l.endedOn, l.continuedBy.institution.id])).toStrictEqual([
      ['TRANSFERRED', '2024-09-20', successor.id],
    ]);

    const types = await eventually(
      async () => recorder.eventsFor(Topics.licensingLicence, [licenceId, taken.id]).map((e) => e.type),
      (found) => found.length === 3,
      { what: 'three licence events' },
    );
    expect([...types].sort()).toStrictEqual(['licensing.licence.issued', 'licensing.licence.issued', 'licensing.licence.transferred']);
  });
});
