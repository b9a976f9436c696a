import { validationFailed } from './errors';
import { isUuid } from './ids';
import { isIsoDate } from './scalars';
import { storableTextProblem } from './storableText';

/**
 * What one position of a cursor's key must be, checked before the key reaches SQL: a made-up
 * cursor is the client's mistake and must not become a driver error.
 * - `text`: a sort value (a name, a title), bounded and storable;
 * - `uuid`: a row id;
 * - `instant`: a timestamp as we wrote it (ISO 8601 or PostgreSQL's text form), years 0001-9999;
 * - `instantOrEmpty`: an instant, or '' for the rows that have none (sorted last).
 */
export type CursorPart = 'text' | 'uuid' | 'instant' | 'instantOrEmpty';

const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const isInstant = (value: string) => {
  const match = INSTANT.exec(value);
  return (
    match !== null && isIsoDate(match[1]!) && !Number.isNaN(new Date(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).getTime())
  );
};

const fits: Record<CursorPart, (value: string) => boolean> = {
  text: (value) => value.length <= 1_000 && storableTextProblem(value) === undefined,
  uuid: isUuid,
  instant: isInstant,
  instantOrEmpty: (value) => value === '' || isInstant(value),
};

/**
 * Opaque keyset cursors: the list they belong to and the sort key of the last row, base64url
 * JSON. Keyset paging stays fast and stable while rows are inserted, unlike offsets. The list's
 * name travels with the key so that a cursor of one list is refused by another, whose key may
 * look alike but means something else.
 */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The key of a cursor `encodeCursor(list, …)` made, checked against `shape`; anything else is VALIDATION_FAILED on `after`. */
export function decodeCursor(cursor: string, list: string, shape: readonly CursorPart[]): string[] {
  let decoded: unknown;
  try {
    decoded = cursor.length <= 4_096 ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    // refused below, with the typed error
  }
  if (Array.isArray(decoded) && decoded.length === shape.length + 1 && decoded[0] === list) {
    const key = decoded.slice(1);
    if (key.every((value, i) => typeof value === 'string' && fits[shape[i]!](value))) return key as string[];
  }
  throw validationFailed('The cursor is not one this list issued', 'after');
}

/** Validates a page size: 1..max. */
export function pageSize(first: number | null | undefined, max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) throw validationFailed(`first must be between 1 and ${max}`, 'first');
  return size;
}
