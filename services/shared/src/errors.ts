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
  /** The gateway could not reach a subgraph in time; the fields it serves are missing (null). */
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * An error a person can act on, thrown by domain rules and resolvers alike. It is a plain
 * Error (domain code stays free of GraphQL); `maskUnexpectedErrors` turns it into a GraphQL
 * error with `extensions.code` and `details` (e.g. which field failed).
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });

export const validationFailed = (message: string, field?: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, message, field ? { field } : {});

export const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);

export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);

/**
 * Codes that reach clients as they are: ours (e.g. forwarded by a subgraph to the gateway) and
 * those Apollo Server gives to bad requests (the client caused them).
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
]);

/**
 * Apollo `formatError`: domain errors pass with their code and message; request errors keep
 * theirs; anything else (a bug, a driver error) is logged in full and masked, so no SQL, stack
 * or internal name reaches a client.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
