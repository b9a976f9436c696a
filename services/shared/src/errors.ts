import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
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

export const notFound = (what: string, id: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });

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

/** The SQLSTATE of a PostgreSQL error, whether pg's own or wrapped by TypeORM (which copies it). */
export function sqlStateOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const driver = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  const state = typeof driver === 'string' ? driver : code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/**
 * True for a unique violation (SQLSTATE 23505), of `constraint` when given. For resolvers that
 * answer a lost race with a more specific CONFLICT than clientErrorOfDatabase's generic one.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlStateOf(error) === '23505' && (constraint === undefined || (error as { constraint?: unknown }).constraint === constraint);
}

/**
 * What a failed statement means to the client, when the client (or a race between clients)
 * caused it rather than a bug:
 * - 23505 (unique violation): two writes claimed one unique value, e.g. two registrations of
 *   one registration number at once; whichever lost the race gets CONFLICT, as it would have
 *   had it come second;
 * - 40001 / 40P01 (serialization failure, deadlock): a concurrent write won; CONFLICT, and
 *   trying again is safe because the transaction was rolled back whole;
 * - 23503 (foreign key): the row referred to was removed meanwhile; CONFLICT;
 * - class 22 (data exception) and 23514 (check): a value the database cannot hold. Input is
 *   checked before SQL (scalars, cursors, storable text), so this is a backstop:
 *   VALIDATION_FAILED for the client, and a warning in the log so the gap gets closed.
 * No message repeats the driver's text: it can quote the offending value.
 */
export function clientErrorOfDatabase(error: unknown): { error: DomainError; backstop: boolean } | undefined {
  const state = sqlStateOf(error);
  if (!state) return undefined;
  if (state === '23505')
    return { error: conflict('This conflicts with a record that already exists (the same unique value was given twice)'), backstop: false };
  if (state === '40001' || state === '40P01')
    return { error: conflict('A concurrent change to the same records won; nothing was saved, try again'), backstop: false };
  if (state === '23503')
    return { error: conflict('A record this refers to was changed or removed meanwhile; nothing was saved'), backstop: false };
  if (state.startsWith('22') || state === '23514')
    return { error: validationFailed('A value given cannot be stored (out of range or malformed); nothing was saved'), backstop: true };
  return undefined;
}

/**
 * `formatError` is given no request, so it cannot say which request an error belongs to. This
 * plugin notes the request id of each error as Apollo encounters it; `requestIdOf` reads it
 * back, so every error log line carries the id the client sees in `x-request-id`.
 */
export function errorRequestIds<TContext extends BaseContext & { requestId: string }>(): {
  plugin: ApolloServerPlugin<TContext>;
  requestIdOf: (error: unknown) => string | undefined;
} {
  const requestIds = new WeakMap<object, string>();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async didEncounterErrors({ errors, contextValue }) {
            for (const error of errors) requestIds.set(error, contextValue.requestId);
          },
        };
      },
    },
    requestIdOf: (error) =>
      error && typeof error === 'object'
        ? (requestIds.get(error) ?? requestIds.get((error as { originalError?: object }).originalError ?? {}))
        : undefined,
  };
}

/**
 * Apollo `formatError`: domain errors pass with their code and message; request errors keep
 * theirs; database errors a client caused become CONFLICT or VALIDATION_FAILED
 * (clientErrorOfDatabase); anything else (a bug, a driver error) is logged, through the
 * logger's redaction policy and with the request id, and masked, so no SQL, stack or internal
 * name reaches a client.
 */
export function maskUnexpectedErrors(logger: Logger, requestIdOf: (error: unknown) => string | undefined = () => undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = error instanceof GraphQLError ? error.originalError : error;
    const database = clientErrorOfDatabase(original);
    if (database?.backstop)
      logger.warn({ err: original, requestId: requestIdOf(error), path: formatted.path }, 'input refused by the database, not before it');
    if (database) original = database.error;
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
    const requestId = requestIdOf(error);
    logger.error({ err: original ?? error, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}
