import { pino } from 'pino';

/** Longest string a log line keeps of one value; a client can send 100 kB where we expect a name. */
export const MAX_LOGGED_STRING = 1_000;
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/**
 * Properties of a (driver) error that carry the values of a statement, never its shape:
 * TypeORM's `parameters`, PostgreSQL's `detail` ("Key (personal_code)=(…) already exists"),
 * `where` (the PL/pgSQL context, with values) and `driverError` (the same error again, with
 * them). The SQLSTATE (`code`), `constraint`, `table`, `column` and the query text stay.
 */
const VALUE_CARRYING = new Set([
  'parameters',
  'detail',
  'where',
  'driverError',
  'variables',
  'values',
  'personalCode',
  'birthDate',
  'homeAddress',
]);

/** `DDMMYY-NNNNN` or `DDMMYYNNNNN`, standing alone: anything that looks like a personal code. */
const PERSONAL_CODE = /(?<![\d])\d{6}-?\d{5}(?![\d])/g;
/** A value PostgreSQL quotes back after a colon: `invalid input syntax for type uuid: "…"`. */
const QUOTED_VALUE = /: "(?:[^"\\]|\\.)*"/g;
/** An SQL string literal (the simple query protocol inlines values): the query keeps its shape. */
const SQL_LITERAL = /E?'(?:[^']|'')*'/g;

const truncated = (text: string) =>
  text.length > MAX_LOGGED_STRING ? `${text.slice(0, MAX_LOGGED_STRING)}…[${text.length - MAX_LOGGED_STRING} more]` : text;

/** A string safe for an error's log line: no personal code, no value quoted back by PostgreSQL, bounded. */
export function scrubErrorText(text: string): string {
  return truncated(text.replace(PERSONAL_CODE, '[redacted]').replace(QUOTED_VALUE, ': "[redacted]"'));
}

/**
 * Copies `value` for a log line with every string cut to MAX_LOGGED_STRING, nesting cut at
 * MAX_DEPTH and arrays at MAX_ITEMS, so that one line stays a few kilobytes whatever a client
 * sent. Only plain objects and arrays are walked: errors go to their serializer.
 */
export function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return truncated(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => bounded(item, depth + 1));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bounded(item, depth + 1)]));
}

function scrubbed(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubErrorText(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH)
    return typeof value === 'object' && value !== null ? '[nested too deep]' : value;
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => scrubbed(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (VALUE_CARRYING.has(key)) continue;
    copy[key] = key === 'query' && typeof item === 'string' ? truncated(item.replace(SQL_LITERAL, "'?'")) : scrubbed(item, depth + 1);
  }
  return copy;
}

/**
 * pino's `err` serializer with the redaction policy applied: what the standard serializer
 * writes (type, message, stack, causes and own properties) without the properties that carry
 * a statement's values, with personal codes and quoted values scrubbed from every string, and
 * bounded. It holds for every error any component logs, so a failing write can never put the
 * personal code it was writing into a log.
 */
export function redactedError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrubbed(error, 0);
  return scrubbed(pino.stdSerializers.err(error), 0);
}
