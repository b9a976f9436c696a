import { validationFailed } from '@eq/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else is refused before it reaches SQL (where it would be a driver error). */
export function assertId(id: string, field = 'id'): string {
  if (!UUID.test(id)) throw validationFailed(`${field} must be a UUID`, field);
  return id.toLowerCase();
}
