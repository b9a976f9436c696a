import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopic } from '@eq/shared';
import type { ProcessTestStack } from '../../test/support/processTestStack';
import { eventually } from '../../test/support/eventually';

/** What a fault gets to work on: the stack under load, and a line for the run's log. */
export interface FaultContext {
  stack: ProcessTestStack;
  note(message: string): void;
}

export interface Fault {
  name: string;
  /** What is done, for the table's legend. */
  description: string;
  /** Components whose `/readyz` must have said "not ready" while the fault lasted. */
  notReadyDuring: string[];
  /** Injects the fault once the load is under way; resolves once the fault is over. */
  inject(context: FaultContext): Promise<void>;
  /** A fault's own check after convergence (e.g. poison dead-lettered); returns problems found. */
  verify?(context: FaultContext): Promise<string[]>;
}

const EVERY_COMPONENT = ['registry', 'licensing', 'accreditation', 'practitioners', 'catalogue', 'gateway'];
/** Without the broker, events stop for these; practitioners neither reads events nor has any to send in this load, so it rightly stays ready. */
const EVENT_COMPONENTS = ['registry', 'licensing', 'accreditation', 'catalogue', 'gateway'];
/** The topics the consuming services read, and who reads each (their consumer group is their name on a chaos stack). */
const CONSUMED: Record<string, string[]> = {
  'registry.institution.v1': ['licensing', 'accreditation', 'catalogue'],
  'licensing.licence.v1': ['accreditation'],
  'registry.learner-counts.v1': ['catalogue'],
};
const PARTITIONS = 3;

/** Kills `service`'s process and waits for the supervisor to have started a new one. */
async function killService({ stack, note }: FaultContext, service: string): Promise<void> {
  const supervised = stack.components[service]!.process;
  const pid = supervised.pid()!;
  process.kill(pid, 'SIGKILL');
  note(`${service} pid ${pid} SIGKILLed`);
  const killedAt = Date.now();
  const next = await eventually(
    async () => supervised.pid(),
    (found) => found !== undefined && found !== pid,
    { timeoutMs: 30_000, what: `${service} restarted` },
  );
  await eventually(
    () => stack.readiness(service),
    (answer) => answer.status === 200,
    { timeoutMs: 120_000, intervalMs: 100, what: `${service} ready again` },
  );
  note(`${service} restarted as pid ${next}, ready ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
}

async function kafkaClient(stack: ProcessTestStack) {
  return new Kafka({ clientId: 'chaos', brokers: stack.infrastructure.kafkaBrokers, logLevel: logLevel.NOTHING });
}

export const FAULTS: Fault[] = [
  {
    name: 'broker-pause',
    description: 'Kafka frozen with SIGSTOP for 30 s, then SIGCONT',
    notReadyDuring: EVENT_COMPONENTS,
    inject: async ({ stack, note }) => {
      const pid = stack.infrastructure.kafka!.pid()!;
      process.kill(pid, 'SIGSTOP');
      note(`broker pid ${pid} SIGSTOPped`);
      try {
        // The fault itself lasts a fixed time; nothing waits on it for readiness.
        await delay(30_000);
      } finally {
        process.kill(pid, 'SIGCONT');
        note('broker SIGCONTed');
      }
    },
  },
  {
    name: 'broker-kill',
    description: 'Kafka SIGKILLed, started again 20 s later on the same ports and data',
    notReadyDuring: EVENT_COMPONENTS,
    inject: async ({ stack, note }) => {
      const kafka = stack.infrastructure.kafka!;
      process.kill(kafka.pid()!, 'SIGKILL');
      note('broker SIGKILLed');
      await delay(20_000);
      await kafka.stop();
      await kafka.start();
      note(`broker started again, pid ${kafka.pid()}`);
    },
  },
  {
    name: 'consumer-kill',
    description: 'licensing frozen 10 s to build a backlog, then SIGKILLed as it works through it',
    notReadyDuring: ['licensing', 'gateway'],
    inject: async (context) => {
      const { stack, note } = context;
      const licensing = stack.database('licensing');
      const processed = async () => Number((await licensing.query('SELECT count(*)::int AS n FROM processed_event')).rows[0].n);
      const pid = stack.components.licensing!.process.pid()!;
      process.kill(pid, 'SIGSTOP');
      note('licensing SIGSTOPped');
      const before = await processed();
      await delay(10_000);
      process.kill(pid, 'SIGCONT');
      // Killed as soon as it is seen working through the backlog, not after.
      await eventually(processed, (n) => n > before, { timeoutMs: 30_000, intervalMs: 20, what: 'licensing to work through its backlog' });
      await killService(context, 'licensing');
    },
  },
  {
    name: 'registry-kill',
    description: 'registry SIGKILLed while its relay publishes',
    notReadyDuring: ['registry', 'gateway'],
    inject: async (context) => {
      const outbox = context.stack.database('registry');
      await eventually(
        async () => Number((await outbox.query('SELECT count(*)::int AS n FROM outbox_event WHERE sent_at IS NULL')).rows[0].n),
        (n) => n > 0,
        {
          timeoutMs: 30_000,
          intervalMs: 10,
          what: 'unsent rows in the registry outbox',
        },
      );
      await killService(context, 'registry');
    },
  },
  {
    name: 'postgres-restart',
    description: 'PostgreSQL stopped (fast shutdown), started again 5 s later on the same port and data',
    notReadyDuring: EVERY_COMPONENT,
    inject: async ({ stack, note }) => {
      const postgres = stack.infrastructure.postgres!;
      await postgres.stop();
      note('PostgreSQL stopped');
      // Down for a fixed 5 s, long enough for every pool to have noticed.
      await delay(5_000);
      await postgres.start();
      note('PostgreSQL started again');
    },
  },
  {
    name: 'poison',
    description: `a message that is not a CloudEvent on each of the ${PARTITIONS} partitions of every consumed topic`,
    notReadyDuring: [],
    inject: async ({ stack, note }) => {
      const producer = (await kafkaClient(stack)).producer();
      await producer.connect();
      try {
        for (const topic of Object.keys(CONSUMED)) {
          await producer.send({
            topic,
            acks: -1,
            messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, key: 'poison', value: 'not json' })),
          });
        }
      } finally {
        await producer.disconnect();
      }
      note(`poison sent to ${Object.keys(CONSUMED).join(', ')}`);
    },
    verify: async ({ stack }) => {
      const admin = (await kafkaClient(stack)).admin();
      await admin.connect();
      try {
        const problems: string[] = [];
        for (const service of new Set(Object.values(CONSUMED).flat())) {
          const expected = Object.values(CONSUMED).filter((readers) => readers.includes(service)).length * PARTITIONS;
          const offsets = await admin.fetchTopicOffsets(deadLetterTopic(service));
          const deadLettered = offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
          if (deadLettered !== expected) problems.push(`${service} dead-lettered ${deadLettered} of ${expected} poison messages`);
        }
        return problems;
      } finally {
        await admin.disconnect();
      }
    },
  },
];
