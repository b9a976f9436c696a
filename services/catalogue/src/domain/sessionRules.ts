import { conflict, validationFailed } from '@eq/shared/errors';

/** Most pupils one session may take: a sanity bound against typing mistakes (a policy). */
export const MAX_SESSION_CAPACITY = 2000;

export interface SessionDraftInput {
  startsAt: Date;
  place?: string | null;
  capacity: number;
}

export interface ValidSessionDraft {
  startsAt: Date;
  endsAt: Date;
  place: string;
  capacity: number;
}

/**
 * A session is in the future, takes 1..MAX_SESSION_CAPACITY pupils and has a place unless the
 * activity is online; it lasts the activity's duration, and only an activity still on offer
 * (not withdrawn) gets new sessions.
 */
export function validateSessionDraft(
  input: SessionDraftInput,
  activity: { status: string; format: string; durationMinutes: number },
  now: Date,
): ValidSessionDraft {
  if (activity.status === 'WITHDRAWN') throw conflict('The activity is withdrawn: it gets no new sessions');
  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime())) throw validationFailed('startsAt must be a date and time', 'startsAt');
  if (input.startsAt <= now) throw validationFailed('A session must start in the future', 'startsAt');
  if (!Number.isSafeInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_SESSION_CAPACITY) {
    throw validationFailed(`Capacity must be 1 to ${MAX_SESSION_CAPACITY} pupils, got ${input.capacity}`, 'capacity');
  }
  const place = input.place?.trim().replace(/\s+/g, ' ') ?? '';
  if (place.length > 500) throw validationFailed('A place is at most 500 characters', 'place');
  if (!place && activity.format !== 'ONLINE') throw validationFailed('A session needs its place (address or room)', 'place');
  return {
    startsAt: input.startsAt,
    endsAt: new Date(input.startsAt.getTime() + activity.durationMinutes * 60_000),
    place: place || 'Online',
    capacity: input.capacity,
  };
}
