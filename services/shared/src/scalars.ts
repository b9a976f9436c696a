import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from './errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for a real calendar date in `YYYY-MM-DD` form (rejects 2024-02-30), years 0001–9999:
 * year 0000 does not exist in PostgreSQL's calendar, and a year past 9999 cannot be written
 * in four digits.
 */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || value.startsWith('0000')) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.VALIDATION_FAILED } });
}

/** Bounded echo of a refused value: a client's mistake must not become a huge error or log line. */
const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 60) ?? String(value);

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value))
    throw invalid(`Date must be a calendar date YYYY-MM-DD between 0001-01-01 and 9999-12-31, got ${shown(value)}`);
  return value;
}

function parseDateTime(value: unknown): string {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value as string) || !isIsoDate((value as string).slice(0, 10))) {
    throw invalid(`DateTime must be ISO 8601 with a time, got ${shown(value)}`);
  }
  // An offset can carry 9999-12-31T23:59-12:00 into year 10000 (or 0001 into year 0), which
  // neither the ISO form we answer with nor PostgreSQL's timestamptz can hold.
  const normalised = date.toISOString();
  if (!isIsoDate(normalised.slice(0, 10))) throw invalid(`DateTime must lie between years 0001 and 9999 in UTC, got ${shown(value)}`);
  return normalised;
}

/** `Date` scalar: dates are strings `YYYY-MM-DD` end to end (no time-zone shifts). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** `DateTime` scalar: ISO 8601 instants, normalised to UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
