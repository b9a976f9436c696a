import { GraphQLMetrics } from '@eq/shared';
import { Counter, Histogram } from 'prom-client';

export type SubgraphFetchOutcome = 'ok' | 'error' | 'timeout' | 'unreachable';

/** A query's encounter with the response cache: served from it, or executed (and perhaps stored). */
export type ResponseCacheResult = 'hit' | 'miss';

/**
 * The gateway's Prometheus metrics: requests, latency by operation and errors by code
 * (`gateway_*`, see GraphQLMetrics), the time of each subgraph fetch by outcome, and the
 * response cache's hits and misses (queries by PUBLIC callers only).
 */
export class GatewayMetrics extends GraphQLMetrics {
  private readonly subgraphFetchDuration = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch from a subgraph, by subgraph and outcome (ok, error, timeout, unreachable)',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly responseCache = new Counter({
    name: 'gateway_response_cache_total',
    help: "PUBLIC callers' queries answered from the response cache (hit) or executed (miss)",
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  /** `knownOperations`: names labelled whoever sends them (GATEWAY_METRICS_OPERATIONS). */
  constructor(knownOperations: Iterable<string> = []) {
    super('gateway', {}, knownOperations);
  }

  recordSubgraphFetch(subgraph: string, outcome: SubgraphFetchOutcome, durationMs: number): void {
    this.subgraphFetchDuration.observe({ subgraph, outcome }, durationMs / 1000);
  }

  recordResponseCache(result: ResponseCacheResult): void {
    this.responseCache.inc({ result });
  }
}
