import { enqueueEvent, makeCloudEvent, Topics, type CloudEvent, type StateChange } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { ActivitySessionRecord } from '../../entities/activitySession';
import type { BookingRecord } from '../../entities/booking';

export type BookingEventType =
  | 'catalogue.booking.confirmed'
  | 'catalogue.booking.waitlisted'
  | 'catalogue.booking.promoted'
  | 'catalogue.booking.cancelled'
  | 'catalogue.booking.attended'
  | 'catalogue.booking.no-show';

/**
 * The public state of a booking on `catalogue.booking.v1`, with its session's activity and
 * start inline, so a subscriber (a school's calendar, the fund's reports) needs no call back.
 */
export function bookingState(booking: BookingRecord, session: ActivitySessionRecord) {
  return {
    id: booking.id,
    sessionId: booking.sessionId,
    activityId: session.activityId,
    startsAt: session.startsAt.toISOString(),
    institutionId: booking.institutionId,
    grade: booking.grade,
    pupils: booking.pupils,
    status: booking.status,
    semester: booking.semester,
    pricePerPupilCents: booking.pricePerPupilCents,
    committedCents: booking.committedCents,
    costCents: booking.costCents,
    attendedPupils: booking.attendedPupils,
    statusReason: booking.statusReason,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt.toISOString(),
  };
}

export type BookingState = ReturnType<typeof bookingState>;

/** The event of a booking's change on `catalogue.booking.v1`; subject (and key) = booking id. */
export function bookingEvent(
  type: BookingEventType,
  booking: BookingRecord,
  session: ActivitySessionRecord,
  changedFields: string[],
): CloudEvent {
  const data: StateChange<BookingState> = { state: bookingState(booking, session), changedFields };
  return makeCloudEvent({ source: '/catalogue', type, subject: booking.id, data });
}

/** Writes the event to the outbox in the caller's transaction. */
export async function recordBookingEvent(
  manager: EntityManager,
  type: BookingEventType,
  booking: BookingRecord,
  session: ActivitySessionRecord,
  changedFields: string[],
): Promise<void> {
  await enqueueEvent(manager, Topics.catalogueBooking, bookingEvent(type, booking, session, changedFields));
}

export type BookingSafetyEventType = 'catalogue.booking.head-approved' | 'catalogue.booking.parents-informed';

/** A booking's event-safety record as events carry it: dates only, the approver's name stays here. */
export interface BookingSafetyState {
  headApprovalDueOn: string;
  headApprovedOn: string | null;
  parentsInformBy: string | null;
  parentsInformedOn: string | null;
}

/** A safety step recorded for a booking, on `catalogue.booking.v1` beside its other events; key = booking id. */
export async function recordBookingSafetyEvent(
  manager: EntityManager,
  type: BookingSafetyEventType,
  booking: BookingRecord,
  session: ActivitySessionRecord,
  safety: BookingSafetyState,
  changedFields: string[],
): Promise<void> {
  const data = { state: bookingState(booking, session), safety, changedFields };
  await enqueueEvent(manager, Topics.catalogueBooking, makeCloudEvent({ source: '/catalogue', type, subject: booking.id, data }));
}
