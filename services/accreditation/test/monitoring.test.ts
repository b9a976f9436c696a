import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role, Topics, type Caller, DayClock } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { defineAccreditation } from '../src';
import { RegistryFeed } from '../../../test/support/registryFeed';

const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
const PUBLIC: Caller = { role: Role.PUBLIC };
const clock = new DayClock('2025-03-01');

const ACCREDIT = `mutation($input: AccreditInstitutionInput!) { accreditInstitution(input: $input) { accreditation { id } } }`;
const ASSIGN = `mutation($input: AssignAccreditationTasksInput!) { assignAccreditationTasks(input: $input) { tasks { id category categoryLabelLv deadline status } } }`;
const VISIT = `mutation($input: RecordMonitoringVisitInput!) { recordMonitoringVisit(input: $input) { monitoringVisit { id visitedOn progress { taskId progress note } } } }`;
const TASKS = `query($id: ID!) { accreditation(id: $id) { tasks { id status completedOn overdue progress { visitedOn progress note } } monitoringVisits { visitedOn } } }`;

describe('tasks and post-accreditation monitoring', () => {
  let harness: GatewayHarness;
  let feed: RegistryFeed;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    harness = await startGatewayHarness(defineAccreditation({ clock }));
    feed = await new RegistryFeed(harness.infrastructure.kafkaBrokers).start();
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([Topics.accreditationAccreditation]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await feed?.stop();
    await harness?.close();
  });

  it('assigns tasks per quality category and follows them up with a monitoring visit until they are completed', async () => {
    const institution = RegistryFeed.institution();
    await feed.send(RegistryFeed.event('registry.institution.registered', institution, Object.keys(institution)));
    const results = [
      { category: 'FITNESS_FOR_PURPOSE', level: 'GOOD' },
      { category: 'QUALITY_TEACHING', level: 'NEEDS_IMPROVEMENT' },
      { category: 'INCLUSIVE_ENVIRONMENT', level: 'GOOD' },
      { category: 'GOOD_GOVERNANCE', level: 'NEEDS_IMPROVEMENT' },
    ];
    const granted = await eventually(
      () =>
        harness.request(
          ACCREDIT,
          {
            input: {
              institutionId: institution.id,
              decisionNumber: 'IKVD-A-2024/700',
              decisionDate: '2024-08-20',
              termStart: '2024-09-01',
              results,
            },
          },
          OFFICER,
        ),
      (response) => !response.errors,
      { what: 'the institution to be known' },
    );
    const id = granted.data.accreditInstitution.accreditation.id;

    const beyondTerm = await harness.request(
      ASSIGN,
      {
        input: {
          accreditationId: id,
          assignedOn: '2024-09-01',
          tasks: [{ category: 'QUALITY_TEACHING', description: 'Too late', deadline: '2026-09-01' }],
        },
      },
      OFFICER,
    );
    expect(beyondTerm.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const assigned = await harness.request(
      ASSIGN,
      {
        input: {
          accreditationId: id,
          assignedOn: '2024-09-01',
          tasks: [
            { category: 'GOOD_GOVERNANCE', description: 'Publish the self-assessment report by 1 October', deadline: '2024-10-01' },
            { category: 'QUALITY_TEACHING', description: 'Differentiate tasks in mathematics lessons', deadline: '2025-06-30' },
          ],
        },
      },
      OFFICER,
    );
    expect(assigned.errors).toBe(undefined);
    const [governance, teaching] = assigned.data.assignAccreditationTasks.tasks;
    expect(governance.categoryLabelLv).toBe('Laba pārvaldība');

    const partial = await harness.request(
      VISIT,
      { input: { accreditationId: id, visitedOn: '2025-02-10', progress: [{ taskId: governance.id, progress: 'COMPLETED' }] } },
      OFFICER,
    );
    expect(partial.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(partial.errors![0]!.message).toMatch(new RegExp(teaching.id));

    const visit = await harness.request(
      VISIT,
      {
        input: {
          accreditationId: id,
          visitedOn: '2025-02-10',
          progress: [
            { taskId: governance.id, progress: 'COMPLETED' },
            { taskId: teaching.id, progress: 'IN_PROGRESS', note: 'Two of five teachers differentiate.' },
          ],
        },
      },
      OFFICER,
    );
    expect(visit.errors).toBe(undefined);

    // Tasks and progress are public; monitors' notes are OFFICER only.
    const seen = await harness.request(TASKS, { id }, PUBLIC);
    expect(seen.data.accreditation.tasks).toStrictEqual([
      {
        id: governance.id,
        status: 'COMPLETED',
        completedOn: '2025-02-10',
        overdue: false,
        progress: [{ visitedOn: '2025-02-10', progress: 'COMPLETED', note: null }],
      },
      {
        id: teaching.id,
        status: 'OPEN',
        completedOn: null,
        overdue: false,
        progress: [{ visitedOn: '2025-02-10', progress: 'IN_PROGRESS', note: null }],
      },
    ]);
    const byOfficer = await harness.request(TASKS, { id }, OFFICER);
    expect(byOfficer.data.accreditation.tasks[1].progress[0].note).toBe('Two of five teachers differentiate.');

    // After its deadline an open task is overdue; the next visit reports on it alone.
    clock.date = '2025-07-01';
    expect((await harness.request(TASKS, { id })).data.accreditation.tasks[1].overdue).toBe(true);
    const closedAgain = await harness.request(
      VISIT,
      {
        input: {
          accreditationId: id,
          visitedOn: '2025-07-01',
          progress: [
            { taskId: governance.id, progress: 'COMPLETED' },
            { taskId: teaching.id, progress: 'COMPLETED' },
          ],
        },
      },
      OFFICER,
    );
    expect(closedAgain.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(
      (
        await harness.request(
          VISIT,
          { input: { accreditationId: id, visitedOn: '2025-07-01', progress: [{ taskId: teaching.id, progress: 'COMPLETED' }] } },
          OFFICER,
        )
      ).errors,
    ).toBe(undefined);
    const done = await harness.request(TASKS, { id });
    expect(done.data.accreditation.tasks.map((t: any) => [t.status, t.overdue])).toStrictEqual([
      ['COMPLETED', false],
      ['COMPLETED', false],
    ]);
    expect(done.data.accreditation.monitoringVisits).toStrictEqual([{ visitedOn: '2025-02-10' }, { visitedOn: '2025-07-01' }]);

    const events = await eventually(
      async () => recorder.eventsFor(Topics.accreditationAccreditation, [id]),
      (list) => list.length === 4,
      { what: 'the task and visit events' },
    );
    expect(events.map((e) => e.type)).toStrictEqual([
      'accreditation.accreditation.granted',
      'accreditation.accreditation.tasks-assigned',
      'accreditation.accreditation.monitoring-visit-recorded',
      'accreditation.accreditation.monitoring-visit-recorded',
    ]);
    expect(events[3]!.data.state.tasks.map((t: any) => t.status)).toStrictEqual(['COMPLETED', 'COMPLETED']);
    const rows = await harness.service.db.query(
      'SELECT 1 FROM task_progress p JOIN accreditation_task t ON t.id = p.task_id WHERE t.accreditation_id = $1',
      [id],
    );
    expect(rows.length).toBe(3);
  });
});
