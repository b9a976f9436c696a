import { conflict, DomainError, ErrorCode, validationFailed } from '@eq/shared/errors';
import { todayInLatvia } from '@eq/shared/ids';
import { MEASURE_4221_PERIOD, type FundPeriod } from './fundPolicy';

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
 * A session is in the future and within the measure's period, takes 1..MAX_SESSION_CAPACITY
 * pupils and has a place unless the activity is online; it lasts the activity's duration, and
 * only an activity still on offer (not withdrawn) gets new sessions.
 */
export function validateSessionDraft(
  input: SessionDraftInput,
  activity: { status: string; format: string; durationMinutes: number },
  now: Date,
  period: FundPeriod = MEASURE_4221_PERIOD,
): ValidSessionDraft {
  if (activity.status === 'WITHDRAWN') throw conflict('The activity is withdrawn: it gets no new sessions');
  if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime()))
    throw validationFailed('startsAt must be a date and time', 'startsAt');
  if (input.startsAt <= now) throw validationFailed('A session must start in the future', 'startsAt');
  const day = todayInLatvia(input.startsAt);
  if (day < period.from || day > period.to) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `The measure pays for sessions from ${period.from} to ${period.to}; ${day} is outside it`,
      {
        field: 'startsAt',
        reason: 'OUTSIDE_FUND_PERIOD',
      },
    );
  }
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
