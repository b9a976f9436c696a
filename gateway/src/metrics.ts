import { GraphQLMetrics } from '@eq/shared';
import { Histogram } from 'prom-client';

export type SubgraphFetchOutcome = 'ok' | 'error' | 'timeout' | 'unreachable';

/**
 * The gateway's Prometheus metrics: requests, latency by operation and errors by code
 * (`gateway_*`, see GraphQLMetrics), and the time of each subgraph fetch by outcome.
 */
export class GatewayMetrics extends GraphQLMetrics {
  private readonly subgraphFetchDuration = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from a subgraph, by subgraph and outcome (ok, error, timeout, unreachable)',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  constructor() {
    super('gateway');
  }

  recordSubgraphFetch(subgraph: string, outcome: SubgraphFetchOutcome, durationMs: number): void {
    this.subgraphFetchDuration.observe({ subgraph, outcome }, durationMs / 1000);
  }
}
