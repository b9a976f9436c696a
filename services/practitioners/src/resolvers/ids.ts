import { validationFailed } from '@eq/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** Validates an id argument before it reaches SQL (PostgreSQL would reject a malformed uuid as an internal error). */
export function assertId(id: string, field = 'id'): string {
  if (!isUuid(id)) throw validationFailed(`${field} must be a UUID`, field);
  return id.toLowerCase();
}

/** Today's date, YYYY-MM-DD: the day decisions and validity are judged against. */
export const today = () => new Date().toISOString().slice(0, 10);
