import type { BookingStatus } from '../generated/operations';

interface SummarisedBooking {
  grade: number;
  pupils: number;
  status: BookingStatus;
  semester: string;
  committedCents: number;
}

export interface SemesterSummary {
  semester: string;
  /** Pupils in bookings still counting against the grade's quota (confirmed, waiting or attended), by grade ascending. */
  grades: Array<{ grade: number; pupils: number }>;
  /** Money the fund holds for the school's confirmed bookings of the semester. */
  committedCents: number;
}

/** Bookings that still use a grade's quota: a cancelled one or a no-show gave it back. */
const USES_QUOTA: ReadonlySet<BookingStatus> = new Set(['CONFIRMED', 'WAITING', 'ATTENDED']);

/**
 * What a school has already booked, per semester and grade, from its own bookings: what a SCHOOL
 * can read today. (Its allocation and the remaining quota per grade are the fund's `fundBudget`,
 * FUND_ADMIN only: see README.)
 */
export function summariseBookings(bookings: readonly SummarisedBooking[]): SemesterSummary[] {
  const bySemester = new Map<string, { grades: Map<number, number>; committedCents: number }>();
  for (const booking of bookings) {
    if (!USES_QUOTA.has(booking.status)) continue;
    const entry = bySemester.get(booking.semester) ?? { grades: new Map(), committedCents: 0 };
    entry.grades.set(booking.grade, (entry.grades.get(booking.grade) ?? 0) + booking.pupils);
    if (booking.status === 'CONFIRMED') entry.committedCents += booking.committedCents;
    bySemester.set(booking.semester, entry);
  }
  return [...bySemester.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([semester, { grades, committedCents }]) => ({
      semester,
      grades: [...grades.entries()].sort(([a], [b]) => a - b).map(([grade, pupils]) => ({ grade, pupils })),
      committedCents,
    }));
}
