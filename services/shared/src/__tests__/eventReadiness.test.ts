import { describe, expect, it } from '@jest/globals';
import type { ConsumerHealth, ConsumerLagMonitor, SupervisedConsumer } from '@eq/subscriber-kit';
import type { DataSource } from 'typeorm';
import { eventReadinessChecks, type EventFlow } from '../eventHealth';
import type { OutboxRelay } from '../outboxRelay';

const limits = { consumerGraceMs: 15_000, maxLag: 100, lagGraceMs: 60_000, outboxMaxUnsentAgeMs: 15_000 };
const NOW = 1_000_000_000;

function flow({
  health,
  lagSince,
  lagTotal = 0,
  oldestAgeMs = 0,
  relayError,
}: {
  health?: ConsumerHealth;
  lagSince?: number;
  lagTotal?: number;
  oldestAgeMs?: number;
  relayError?: string;
}): EventFlow {
  return {
    db: { query: async () => [{ unsent: oldestAgeMs > 0 ? 3 : 0, oldestAgeMs }] } as unknown as DataSource,
    relay: { lastError: relayError } as OutboxRelay,
    consumer: health ? ({ health: () => health } as unknown as SupervisedConsumer) : undefined,
    lag: { aboveBoundSince: () => lagSince, latest: () => ({ at: NOW, partitions: [], total: lagTotal }) } as unknown as ConsumerLagMonitor,
  };
}

async function failures(events: EventFlow): Promise<Record<string, string>> {
  const failed: Record<string, string> = {};
  for (const { name, check } of eventReadinessChecks(events, limits, () => NOW)) {
    try {
      await check();
    } catch (error) {
      failed[name] = (error as Error).message;
    }
  }
  return failed;
}

describe('readiness of the event backbone', () => {
  it('is ready while the consumer is joined and in touch, lag is low and the outbox drains', async () => {
    expect(await failures(flow({ health: { state: 'joined', lastContactAt: NOW - 2_000, restarts: 0 } }))).toStrictEqual({});
  });

  it('is not ready once the consumer has had no contact with the broker for longer than the grace, joined or not', async () => {
    const silent = await failures(flow({ health: { state: 'joined', lastContactAt: NOW - 20_000, restarts: 0 } }));
    expect(silent.consumer!).toMatch(/no contact with the broker for 20 s/);
    const restarting = await failures(
      flow({ health: { state: 'restarting', lastContactAt: NOW - 16_000, restarts: 3, lastRestartReason: 'crashed: boom' } }),
    );
    expect(restarting.consumer!).toMatch(/consumer restarting.*restarts: 3; last: crashed: boom/);
    const briefly = await failures(flow({ health: { state: 'restarting', lastContactAt: NOW - 5_000, restarts: 1 } }));
    expect(briefly).toStrictEqual({});
  });

  it('is not ready when lag has stayed above its bound for longer than the grace, and only then', async () => {
    expect(await failures(flow({ lagSince: NOW - 30_000, lagTotal: 500 }))).toStrictEqual({});
    expect((await failures(flow({ lagSince: NOW - 61_000, lagTotal: 500 })))['consumer-lag']!).toMatch(/lag 500 above 100 for 61 s/);
  });

  it('is not ready when an unsent event is older than the limit, and says why publishing fails', async () => {
    expect(await failures(flow({ oldestAgeMs: 10_000 }))).toStrictEqual({});
    const stuck = await failures(flow({ oldestAgeMs: 40_000, relayError: 'Connection error: connect ECONNREFUSED' }));
    expect(stuck.outbox).toBe('3 unsent events, the oldest 40 s old: Connection error: connect ECONNREFUSED');
  });
});
