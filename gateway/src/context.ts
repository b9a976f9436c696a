import { randomUUID } from 'node:crypto';
import { PUBLIC_CALLER, REQUEST_ID_HEADER, verifyCallerToken, type Caller, DomainError } from '@eq/shared';
import { GraphQLError } from 'graphql';
import type { Request } from 'express';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
}

/**
 * The caller comes from the bearer token alone: no token means PUBLIC; a token that fails
 * verification is refused with 401 rather than served as PUBLIC.
 */
export async function gatewayContext(req: Request, jwtSecret: string): Promise<GatewayContext> {
  const requestId = req.header(REQUEST_ID_HEADER)?.slice(0, 100) || randomUUID();
  const authorization = req.header('authorization');
  if (!authorization) return { caller: PUBLIC_CALLER, requestId };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  try {
    if (!match?.[1]) throw new Error('not a bearer token');
    return { caller: await verifyCallerToken(match[1], jwtSecret), requestId };
  } catch (error) {
    throw new GraphQLError(error instanceof DomainError ? error.message : 'Authorization must be "Bearer <token>"', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
}
