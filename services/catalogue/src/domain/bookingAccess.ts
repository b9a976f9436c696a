import { forbidden } from '@eq/shared/errors';
import type { Viewer } from './activityAccess';

export interface SchoolViewer extends Viewer {
  institutionId?: string;
}

const sameId = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** OFFICER and FUND_ADMIN see every booking; a SCHOOL its own; a PROVIDER those of its sessions. */
export function mayViewBooking(viewer: SchoolViewer, booking: { institutionId: string }, activityProviderId: string | null): boolean {
  if (viewer.role === 'OFFICER' || viewer.role === 'FUND_ADMIN') return true;
  if (viewer.role === 'SCHOOL') return sameId(viewer.institutionId, booking.institutionId);
  if (viewer.role === 'PROVIDER') return activityProviderId !== null && sameId(viewer.providerId, activityProviderId);
  return false;
}

/** A school's own list of bookings: the school itself, OFFICER or FUND_ADMIN. */
export function mayListSchoolBookings(viewer: SchoolViewer, institutionId: string): boolean {
  return (
    viewer.role === 'OFFICER' || viewer.role === 'FUND_ADMIN' || (viewer.role === 'SCHOOL' && sameId(viewer.institutionId, institutionId))
  );
}

/** The institution a SCHOOL books for: the one its token names. */
export function bookingSchoolOf(viewer: SchoolViewer): string {
  if (viewer.role !== 'SCHOOL') throw forbidden(`Only a SCHOOL books activities; you are ${viewer.role}`);
  if (!viewer.institutionId) throw forbidden('Your token does not name the institution you act for');
  return viewer.institutionId.toLowerCase();
}

/** The booking school may cancel its booking; an OFFICER any (e.g. on the school's request). */
export function assertMayCancel(viewer: SchoolViewer, booking: { institutionId: string }): void {
  if (viewer.role === 'OFFICER') return;
  if (viewer.role === 'SCHOOL' && sameId(viewer.institutionId, booking.institutionId)) return;
  throw forbidden('Only the school that made this booking or an OFFICER can cancel it');
}

/** Only the booking school records the head's approval and the parents' notice: they are its own steps. */
export function assertBookingSchool(viewer: SchoolViewer, booking: { institutionId: string }): void {
  if (viewer.role === 'SCHOOL' && sameId(viewer.institutionId, booking.institutionId)) return;
  throw forbidden("Only the school that made this booking records its head's approval and the parents' notice");
}
