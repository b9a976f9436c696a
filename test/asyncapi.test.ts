import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { REGISTRY_INSTITUTION_EVENT_TYPES, Role, Topics, type CloudEvent } from '@eq/shared';
import { buildAsyncApiDocument } from '@eq/subscriber-kit';
import { eventually } from './support/eventually';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';
import { TopicRecorder } from './support/topicRecorder';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCUMENT_PATH = path.join(ROOT, 'schema/asyncapi.json');
const document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'));

interface AsyncApiMessage {
  name: string;
  payload: unknown;
}

/** Every message of the document by event type (its `name`), with the channel address it is on. */
function messagesByType(): Map<string, { address: string; id: string }> {
  const byType = new Map<string, { address: string; id: string }>();
  for (const channel of Object.values<any>(document.channels)) {
    for (const ref of Object.values<{ $ref: string }>(channel.messages)) {
      const id = ref.$ref.split('/').pop()!;
      byType.set((document.components.messages[id] as AsyncApiMessage).name, { address: channel.address, id });
    }
  }
  return byType;
}

/**
 * Validates events against the document's own JSON Schemas (not the kit's zod schemas they were
 * generated from), so the test checks what subscribers in other languages will read.
 */
class AsyncApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  private readonly byType = messagesByType();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv.addSchema(document, 'asyncapi.json');
  }

  /** The problems of one published event, or [] when it matches its message on its topic. */
  problems(topic: string, event: CloudEvent<unknown>): string[] {
    const message = this.byType.get(event.type);
    if (!message) return [`${event.type} has no message in schema/asyncapi.json`];
    if (message.address !== topic) return [`${event.type} is documented on ${message.address}, published on ${topic}`];
    let validate = this.compiled.get(message.id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `asyncapi.json#/components/messages/${message.id}/payload` });
      this.compiled.set(message.id, validate);
    }
    const { type } = event;
    if (validate(event)) return [];
    return (validate.errors ?? []).map((e) => `${type} ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}

/** Event-type literals a service's own source publishes: `'<service>.<aggregate>.<verb>'` under services/<service>/src. */
function publishedEventTypesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const service of readdirSync(path.join(ROOT, 'services'))) {
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) {
          if (entry !== '__tests__' && entry !== 'generated') walk(full);
        } else if (entry.endsWith('.ts')) {
          const pattern = new RegExp(`'(${service}\\.[a-z-]+\\.[a-z-]+)'`, 'g');
          for (const match of readFileSync(full, 'utf8').matchAll(pattern)) found.set(match[1]!, path.relative(ROOT, full));
        }
      }
    };
    if (service !== 'shared' && statSync(path.join(ROOT, 'services', service, 'src'), { throwIfNoEntry: false })?.isDirectory()) {
      walk(path.join(ROOT, 'services', service, 'src'));
    }
  }
  return found;
}

describe('AsyncAPI document of the topics', () => {
  it('is exactly what the kit\'s topic contracts generate (run `npm run -w @eq/subscriber-kit generate:asyncapi` after changing them)', () => {
    assert.deepEqual(document, JSON.parse(JSON.stringify(buildAsyncApiDocument())));
    assert.equal(document.asyncapi, '3.0.0');
  });

  it('has a channel for every topic in the shared topic list', () => {
    const addresses = Object.values<any>(document.channels).map((channel) => channel.address).sort();
    assert.deepEqual(addresses, [...Object.values(Topics)].sort());
  });

  it('has a message for every event type a service publishes, on the topic of its aggregate', () => {
    const documented = messagesByType();
    const missing = [...publishedEventTypesInSource()].filter(([type]) => !documented.has(type)).map(([type, file]) => `${type} (${file})`);
    assert.deepEqual(missing, [], 'published event types without a message in schema/asyncapi.json');
    for (const type of REGISTRY_INSTITUTION_EVENT_TYPES) assert.equal(documented.get(type)?.address, Topics.registryInstitution, type);
    for (const [type, { address }] of documented) {
      const [service, aggregate] = type.split('.');
      assert.match(address, new RegExp(`^${service}\\.${aggregate}\\.v\\d+$`), `${type} is on ${address}`);
    }
  });

  it('refuses an event whose type has no message, and one whose data breaks its schema', () => {
    const validator = new AsyncApiValidator();
    const event = {
      specversion: '1.0' as const,
      id: 'e-1',
      source: '/registry',
      type: 'registry.institution.teleported',
      subject: 'x',
      time: new Date().toISOString(),
      datacontenttype: 'application/json' as const,
      data: {},
    };
    assert.deepEqual(validator.problems(Topics.registryInstitution, event), ['registry.institution.teleported has no message in schema/asyncapi.json']);
    const problems = validator.problems(Topics.registryInstitution, { ...event, type: 'registry.institution.amended', data: { state: { id: 'x' }, changedFields: [] } });
    assert.ok(problems.some((p) => p.includes('/data/state')), problems.join('\n'));
  });
});

const AMEND = /* GraphQL */ `
  mutation Amend($input: AmendInstitutionInput!) { amendInstitution(input: $input) { applied } }`;
const REORGANISE = /* GraphQL */ `
  mutation Reorganise($input: ReorganiseInstitutionsInput!) { reorganiseInstitutions(input: $input) { applied } }`;
const GRANT = /* GraphQL */ `
  mutation($input: StateSignificanceInput!) { grantStateSignificance(input: $input) { institution { stateSignificance } } }`;
const REVOKE_SIGNIFICANCE = /* GraphQL */ `
  mutation($input: StateSignificanceInput!) { revokeStateSignificance(input: $input) { institution { stateSignificance } } }`;
const RECEIVE = /* GraphQL */ `
  mutation($input: RegistrationApplicationInput!) { receiveRegistrationApplication(input: $input) { institution { id } } }`;
const POSTPONE = /* GraphQL */ `
  mutation($input: PostponeRegistrationInput!) { postponeRegistration(input: $input) { institution { status } } }`;
const APPROVE = /* GraphQL */ `
  mutation($input: RegistrationDecisionInput!) { approveRegistration(input: $input) { institution { status } } }`;
const REFUSE = /* GraphQL */ `
  mutation($input: RegistrationDecisionInput!) { refuseRegistration(input: $input) { institution { status } } }`;
const REVOKE_DECISION = /* GraphQL */ `
  mutation($input: RevokeDecisionInput!) { revokeDecision(input: $input) { applied } }`;
const DECISIONS = /* GraphQL */ `
  query($id: ID!) { institution(id: $id) { decisions { id kind } } }`;

const GROUPS = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
const SAVE_COUNTS = /* GraphQL */ `
  mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }`;
const CONFIRM_COUNTS = /* GraphQL */ `mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { id } } }`;
const APPROVE_COUNTS = /* GraphQL */ `mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { id } } }`;
const REOPEN_COUNTS = /* GraphQL */ `mutation($id: ID!) { reopenLearnerCountReport(id: $id) { report { id } } }`;
const LOCK_YEAR = /* GraphQL */ `mutation($schoolYear: String!) { lockSchoolYear(schoolYear: $schoolYear) { lockedReportCount } }`;

const REGISTER_HIGHER = /* GraphQL */ `
  mutation($input: RegisterHigherEducationInstitutionInput!) { registerHigherEducationInstitution(input: $input) { institution { id } } }`;
const AMEND_HIGHER = /* GraphQL */ `
  mutation($input: AmendHigherEducationInstitutionInput!) { amendHigherEducationInstitution(input: $input) { institution { id } } }`;
const OPEN_BRANCH = /* GraphQL */ `mutation($input: OpenBranchInput!) { openBranch(input: $input) { branch { id } } }`;
const EXCLUDE_BRANCH = /* GraphQL */ `mutation($input: ExcludeBranchInput!) { excludeBranch(input: $input) { branch { id } } }`;

describe('events the registry publishes, against the AsyncAPI document', () => {
  let stack: TestStack;
  let recorder: TopicRecorder;
  let officer: string;
  const validator = new AsyncApiValidator();
  const registryTopics = [Topics.registryInstitution, Topics.registryLearnerCounts, Topics.registryHigherEducation];

  before(async () => {
    stack = await startTestStack('asyncapi');
    recorder = await new TopicRecorder(stack.infrastructure.kafkaBrokers).start(registryTopics);
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-asyncapi' });
  });
  after(async () => {
    await recorder?.stop();
    await stack?.close();
  });

  /** Waits until every listed type was recorded for `subjects`, then validates all their events. */
  async function assertPublishedAndValid(topic: string, subjects: string[], types: readonly string[]) {
    const events = await eventually(
      async () => recorder.eventsFor(topic, subjects),
      (found) => types.every((type) => found.some((event) => event.type === type)),
      { what: `every type on ${topic}: ${types.join(', ')}` },
    );
    const problems = events.flatMap((event) => validator.problems(topic, event));
    assert.deepEqual(problems, [], `events on ${topic} that do not match schema/asyncapi.json`);
    const keys = recorder.messages.filter((m) => m.topic === topic && subjects.includes(m.event.subject));
    assert.ok(keys.every((m) => m.key === m.event.subject), 'the Kafka key is the CloudEvent subject');
  }

  it('publishes every registry.institution.v1 event type, each matching its message', async () => {
    const data = (query: string, input: Record<string, unknown>) => stack.client.data(query, { input }, officer);
    const register = async (overrides: Record<string, unknown> = {}) =>
      (await data(REGISTER, { ...institutionInput(overrides) })).registerInstitution.institution.id as string;

    // State significance is for interest-education institutions only.
    const amended = await register({ name: 'Shēmas pārbaudes skola', type: 'INTEREST_EDUCATION' });
    await data(AMEND, { id: amended, name: 'Shēmas pārbaudes pamatskola', decision: { number: 'A-1', date: '2024-09-10' } });
    await data(AMEND, { id: amended, headName: 'Anna Ozola', decision: { number: 'A-2', date: '2024-09-11' } });
    const amendment = (await stack.client.data(DECISIONS, { id: amended })).institution.decisions.find((d: any) => d.kind === 'AMENDMENT');
    await data(REVOKE_DECISION, { decisionId: amendment.id, decision: { number: 'V-1', date: '2024-09-20', reason: 'Decided on a wrong application' } });
    await data(GRANT, { id: amended, decision: { number: 'S-1', date: '2024-09-21' } });
    await data(REVOKE_SIGNIFICANCE, { id: amended, decision: { number: 'S-2', date: '2024-09-22' } });

    const liquidated = await register();
    await data(LIQUIDATE, { id: liquidated, decision: { number: 'L-1', date: '2024-09-30' } });

    const [first, second, successor] = [await register(), await register(), await register({ name: 'Apvienotā skola' })];
    await data(REORGANISE, { kind: 'MERGER', predecessorIds: [first, second], successorIds: [successor], decision: { number: 'M-1', date: '2024-09-20' } });

    const { decision: _unused, ...fields } = institutionInput({ name: 'Jauna privātskola' });
    const applied = (await data(RECEIVE, { ...fields, application: { number: 'IES-1', date: '2024-08-20' } })).receiveRegistrationApplication.institution.id;
    await data(POSTPONE, { id: applied, deadline: '2024-09-15', decision: { number: 'P-1', date: '2024-08-25', reason: 'Fire-safety report missing' } });
    await data(APPROVE, { id: applied, decision: { number: 'R-7', date: '2024-09-10' } });
    const { decision: _other, ...otherFields } = institutionInput({ name: 'Cita privātskola' });
    const refused = (await data(RECEIVE, { ...otherFields, application: { number: 'IES-2', date: '2024-08-21' } })).receiveRegistrationApplication.institution.id;
    await data(REFUSE, { id: refused, decision: { number: 'X-1', date: '2024-09-01', reason: 'The founder withdrew the premises' } });

    await assertPublishedAndValid(Topics.registryInstitution, [amended, liquidated, first, second, successor, applied, refused], REGISTRY_INSTITUTION_EVENT_TYPES);
  });

  it('publishes every registry.learner-counts.v1 event type, each matching its message', async () => {
    const institutionId = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution.id;
    const school = await stack.client.token({ role: Role.SCHOOL, institutionId, subject: 'school-asyncapi' });
    const founder = await stack.client.token({ role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-asyncapi' });
    const counts = Object.fromEntries(GROUPS.map((group, i) => [group, 10 + i]));
    const saved = await stack.client.data(SAVE_COUNTS, { input: { institutionId, schoolYear: '2024/2025', counts } }, school);
    const id = saved.saveLearnerCountReport.report.id;
    await stack.client.data(CONFIRM_COUNTS, { id }, school);
    await stack.client.data(APPROVE_COUNTS, { id }, founder);
    await stack.client.data(REOPEN_COUNTS, { id }, founder);
    await stack.client.data(CONFIRM_COUNTS, { id }, school);
    await stack.client.data(APPROVE_COUNTS, { id }, founder);
    await stack.client.data(LOCK_YEAR, { schoolYear: '2024/2025' }, officer);
    await assertPublishedAndValid(Topics.registryLearnerCounts, [id], ['registry.learner-counts.approved', 'registry.learner-counts.reopened', 'registry.learner-counts.locked']);
  });

  it('publishes every registry.higher-education.v1 event type, each matching its message', async () => {
    const data = (query: string, input: Record<string, unknown>) => stack.client.data(query, { input }, officer);
    const registered = await data(REGISTER_HIGHER, {
      registrationNumber: institutionInput().registrationNumber,
      name: 'Shēmas pārbaudes akadēmija',
      kind: 'ACADEMY',
      founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
      decision: { number: 'AR-1', date: '2024-01-15' },
    });
    const id = registered.registerHigherEducationInstitution.institution.id;
    const branch = await data(OPEN_BRANCH, {
      institutionId: id,
      address: 'Atbrīvošanas aleja 115, Rēzekne',
      municipality: 'Rēzekne',
      planningRegion: 'LATGALE',
      decision: { number: 'AR-2', date: '2024-02-01' },
    });
    await data(EXCLUDE_BRANCH, { branchId: branch.openBranch.branch.id, decision: { number: 'AR-3', date: '2024-03-20', reason: 'No programmes are run there any more' } });
    await data(AMEND_HIGHER, { id, name: 'Shēmas pārbaudes universitāte', decision: { number: 'AR-4', date: '2024-05-01' } });
    await assertPublishedAndValid(Topics.registryHigherEducation, [id], [
      'registry.higher-education.registered',
      'registry.higher-education.branch-opened',
      'registry.higher-education.branch-excluded',
      'registry.higher-education.amended',
    ]);
  });
});
