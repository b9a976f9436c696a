import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import {
  CALLER_HEADER,
  encodeCaller,
  ErrorCode,
  GATEWAY_SECRET_HEADER,
  REQUEST_ERROR_CODES,
  REQUEST_ID_HEADER,
  type Logger,
} from '@eq/shared';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import type { GatewayMetrics } from './metrics';

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  gatewaySecret: string;
  /** A fetch (headers and body) slower than this is abandoned: the gateway answers without it. */
  timeoutMs: number;
  metrics: GatewayMetrics;
  logger: Logger;
}

/**
 * Forwards the verified caller, the request id and the gateway's shared secret to a subgraph.
 * The subgraph trusts the caller header only because the secret proves it came from here.
 *
 * A subgraph that is down, slow or answers with an HTTP error costs the client only the fields
 * it serves: the fetch fails with SUBGRAPH_UNAVAILABLE, and the gateway still returns what the
 * other subgraphs gave (a nullable field of the missing subgraph becomes null; a non-null one
 * nulls its nearest nullable parent, as GraphQL requires).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly gatewaySecret: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;

  constructor(options: SubgraphDataSourceOptions) {
    super({ url: options.url, fetcher: timedFetcher(options) });
    this.subgraph = options.name;
    this.gatewaySecret = options.gatewaySecret;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // Health checks and schema loading run without a request context.
    if ('caller' in context && context.caller) {
      request.http?.headers.set(CALLER_HEADER, encodeCaller(context.caller));
      request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    }
  }

  /**
   * A non-2xx answer. A 4xx carrying a client error (e.g. BAD_USER_INPUT for a malformed scalar
   * the gateway cannot check) is the caller's to see; anything else (401: a wrong gateway
   * secret, 5xx, a proxy's HTML page) is our failure and reported as unavailability.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await this.parseBody(response).catch(() => undefined);
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown; field?: unknown } }> } | undefined)
      ?.errors?.[0];
    const code = first?.extensions?.code;
    const field = first?.extensions?.field;
    if (
      response.status >= 400 &&
      response.status < 500 &&
      response.status !== 401 &&
      typeof code === 'string' &&
      REQUEST_ERROR_CODES.has(code)
    ) {
      return new GraphQLError(String(first?.message ?? 'Bad request'), {
        extensions: { code, ...(typeof field === 'string' ? { field } : {}) },
      });
    }
    return this.unavailable(`answered HTTP ${response.status}`);
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: Partial<GatewayContext>): never {
    if (error instanceof GraphQLError) throw error;
    const timedOut = error.name === 'TimeoutError';
    this.logger.warn(
      { subgraph: this.subgraph, requestId: context?.requestId, err: error },
      timedOut ? 'subgraph timed out' : 'subgraph unreachable',
    );
    throw this.unavailable(timedOut ? `did not answer within ${this.timeoutMs} ms` : 'could not be reached');
  }

  private unavailable(why: string): GraphQLError {
    return new GraphQLError(`The ${this.subgraph} service ${why}; the fields it provides are missing from this answer`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: this.subgraph },
    });
  }
}

/**
 * Node's own fetch (undici) keeps connections alive and pools them; the default fetcher
 * (make-fetch-happen) cost about 5 ms more per subgraph call in our measurements. Each call
 * gets a deadline (AbortSignal.timeout covers the body too) and is timed for /metrics.
 */
function timedFetcher({ name, timeoutMs, metrics }: SubgraphDataSourceOptions): Fetcher {
  return async (url: string, init?: FetcherRequestInit): Promise<FetcherResponse> => {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    try {
      const response = await fetch(url, { ...(init as RequestInit), signal: AbortSignal.timeout(timeoutMs) });
      metrics.recordSubgraphFetch(name, response.ok ? 'ok' : 'error', elapsed());
      return response as unknown as FetcherResponse;
    } catch (error) {
      metrics.recordSubgraphFetch(name, (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable', elapsed());
      throw error;
    }
  };
}
