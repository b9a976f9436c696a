import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher as RemoteGraphQLDataSourceFetcher } from '@apollo/utils.fetcher';
import { CALLER_HEADER, encodeCaller, GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from '@eq/shared';
import type { GatewayContext } from './context';

/**
 * Forwards the verified caller, the request id and the gateway's shared secret to a subgraph.
 * The subgraph trusts the caller header only because the secret proves it came from here.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly gatewaySecret: string) {
    // Node's own fetch (undici) keeps connections alive and pools them; the default fetcher
    // (make-fetch-happen) cost about 5 ms more per subgraph call in our measurements.
    super({ url, fetcher: fetch as unknown as RemoteGraphQLDataSourceFetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    // Health checks and schema loading run without a request context.
    if ('caller' in context && context.caller) {
      request.http?.headers.set(CALLER_HEADER, encodeCaller(context.caller));
      request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    }
  }
}
