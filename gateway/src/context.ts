import type { IncomingMessage } from 'node:http';
import { PUBLIC_CALLER, verifyCallerToken, type Caller, DomainError, ErrorCode } from '@eq/shared';
import { GraphQLError } from 'graphql';
import type { AccessRecord } from './accessLog';

export interface GatewayContext {
  caller: Caller;
  /** Propagated to every subgraph (x-request-id) and in every log line about this request. */
  requestId: string;
  access: AccessRecord;
}

/**
 * The caller comes from the bearer token alone: no token means PUBLIC; a token that fails
 * verification is refused with 401 rather than served as PUBLIC.
 */
export async function gatewayContext(
  req: IncomingMessage,
  access: AccessRecord,
  jwtSecret: string,
  tokenMaxLifetimeSeconds?: number,
): Promise<GatewayContext> {
  const { requestId } = access;
  const authorization = req.headers.authorization;
  if (!authorization) return { caller: PUBLIC_CALLER, requestId, access };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  try {
    if (!match?.[1]) throw new Error('not a bearer token');
    return { caller: await verifyCallerToken(match[1], jwtSecret, tokenMaxLifetimeSeconds), requestId, access };
  } catch (error) {
    // Apollo runs no plugin for a request whose context fails, so the access log learns the code here.
    access.errorCodes.push(ErrorCode.UNAUTHENTICATED);
    throw new GraphQLError(error instanceof DomainError ? error.message : 'Authorization must be "Bearer <token>"', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}
