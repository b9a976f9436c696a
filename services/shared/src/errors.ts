import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/** Every error a client can see carries one of these codes in `extensions.code`. */
export enum ErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONFLICT = 'CONFLICT',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * An error a person can act on. Domain code throws it; resolvers let it pass through unchanged.
 * `details` carries machine-readable context (e.g. which field failed) into `extensions`.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });

export const validationFailed = (message: string, field?: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, message, field ? { field } : {});

export const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);

export const forbidden = (message = 'You are not allowed to do this') =>
  new DomainError(ErrorCode.FORBIDDEN, message);

/**
 * Apollo `formatError`: known codes pass with their message; anything else (a bug, a driver
 * error, graphql-js internals other than validation) is logged in full and masked.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (CLIENT_CODES.has(code) || GRAPHQL_REQUEST_CODES.has(code))) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error }, 'unexpected error in resolver');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Codes Apollo Server itself assigns to bad requests: the client caused them, so they stay. */
const GRAPHQL_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
