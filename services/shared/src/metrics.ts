import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Distinct operation names of authenticated callers kept as labels; past this, they count as `(other)`. */
const MAX_OPERATION_LABELS = 200;

/** One answered GraphQL request, as the metrics see it. */
export interface RequestObservation {
  operationName: string | undefined;
  /** The caller presented no token (PUBLIC): its operation names are anyone's to invent. */
  anonymousCaller: boolean;
  status: number;
  durationMs: number;
  errorCodes: string[];
}

/**
 * Prometheus metrics of one component's GraphQL endpoint (`<prefix>_requests_total`,
 * `<prefix>_request_duration_seconds`, `<prefix>_errors_total`) plus the process's own, on a
 * registry of its own, so that several components in one process (as in tests) never share a
 * counter.
 *
 * Operation names come from clients, so which of them become labels is a policy nobody
 * without a token can exhaust:
 * - a name in `knownOperations` (the gateway's GATEWAY_METRICS_OPERATIONS; a subgraph matches
 *   the planner's `<name>__<subgraph>__<n>` by its `<name>`) always gets its own label;
 * - otherwise a PUBLIC caller's operation counts as `(public)`, whatever it is named;
 * - an authenticated caller's names get labels, the first 200 of them, then `(other)`;
 * - an operation without a name is `(anonymous)`.
 */
export class GraphQLMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly requests: Counter<'operation' | 'status'>;
  private readonly requestDuration: Histogram<'operation'>;
  private readonly errors: Counter<'code'>;

  private readonly knownOperations: ReadonlySet<string>;

  constructor(prefix: string, defaultLabels: Record<string, string> = {}, knownOperations: Iterable<string> = []) {
    this.knownOperations = new Set(knownOperations);
    this.registry.setDefaultLabels(defaultLabels);
    this.requests = new Counter({
      name: `${prefix}_requests_total`,
      help: 'GraphQL HTTP requests, by operation name and HTTP status',
      labelNames: ['operation', 'status'],
      registers: [this.registry],
    });
    this.requestDuration = new Histogram({
      name: `${prefix}_request_duration_seconds`,
      help: 'Time to answer a GraphQL HTTP request, by operation name',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: `${prefix}_errors_total`,
      help: 'Errors returned to clients, by extensions.code',
      labelNames: ['code'],
      registers: [this.registry],
    });
    collectDefaultMetrics({ register: this.registry });
  }

  recordRequest({ operationName, anonymousCaller, status, durationMs, errorCodes }: RequestObservation): void {
    const operation = this.operationLabel(operationName, anonymousCaller);
    this.requests.inc({ operation, status: String(status) });
    this.requestDuration.observe({ operation }, durationMs / 1000);
    for (const code of errorCodes) this.errors.inc({ code });
  }

  private operationLabel(name: string | undefined, anonymousCaller: boolean): string {
    if (!name) return '(anonymous)';
    if (this.knownOperations.has(name) || this.knownOperations.has(name.replace(/__\w+__\d+$/, ''))) return name;
    if (anonymousCaller) return '(public)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operationNames.add(name);
    return name;
  }
}

/**
 * Records every request Apollo serves into `metrics`: its operation, status, duration and the
 * codes of the errors sent. Used by the subgraphs; the gateway records at the HTTP layer instead,
 * to count the requests refused before Apollo runs (CSRF, bad tokens, malformed bodies).
 */
export function requestMetricsPlugin<TContext extends BaseContext & { caller: { role: string } }>(
  metrics: GraphQLMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationName: string | undefined;
      return {
        async didResolveOperation(requestContext) {
          operationName = requestContext.operationName ?? undefined;
        },
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          metrics.recordRequest({
            operationName,
            // No context when Apollo refused the request before building one.
            anonymousCaller: (contextValue?.caller?.role ?? 'PUBLIC') === 'PUBLIC',
            status: response.http.status ?? 200,
            durationMs: performance.now() - started,
            errorCodes: errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')),
          });
        },
      };
    },
  };
}
