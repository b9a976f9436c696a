import { validationFailed } from '@eq/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Validates an id argument before it reaches SQL (a malformed uuid is the caller's mistake, not a 500). */
export function assertId(id: string, field = 'id'): string {
  if (!isUuid(id)) throw validationFailed(`${field} must be a UUID`, field);
  return id.toLowerCase();
}
