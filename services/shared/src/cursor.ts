import { validationFailed } from './errors';

/**
 * Opaque keyset cursors: the sort key of the last row, base64url JSON. Keyset paging stays
 * fast and stable while rows are inserted, unlike offsets.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
    }
  } catch {
    // fall through to the typed error
  }
  throw validationFailed('The cursor is not one this API issued', 'after');
}

/** Validates a page size: 1..max. */
export function pageSize(first: number | null | undefined, max = 100): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) throw validationFailed(`first must be between 1 and ${max}`, 'first');
  return size;
}
