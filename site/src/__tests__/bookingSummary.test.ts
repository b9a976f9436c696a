import { describe, expect, it } from '@jest/globals';
import { summariseBookings } from '../school/bookingSummary';

describe("a school's bookings summed per semester and grade", () => {
  it('counts confirmed, waiting and attended pupils per grade, and money only for confirmed bookings', () => {
    const summary = summariseBookings([
      { grade: 7, pupils: 20, status: 'CONFIRMED', semester: '2026/2027-1', committedCents: 20_000 },
      { grade: 7, pupils: 5, status: 'WAITING', semester: '2026/2027-1', committedCents: 0 },
      { grade: 3, pupils: 10, status: 'ATTENDED', semester: '2026/2027-1', committedCents: 0 },
      { grade: 7, pupils: 30, status: 'CANCELLED', semester: '2026/2027-1', committedCents: 0 },
      { grade: 0, pupils: 8, status: 'CONFIRMED', semester: '2025/2026-2', committedCents: 8_000 },
      { grade: 4, pupils: 8, status: 'NO_SHOW', semester: '2025/2026-2', committedCents: 0 },
    ]);
    expect(summary).toEqual([
      { semester: '2025/2026-2', grades: [{ grade: 0, pupils: 8 }], committedCents: 8_000 },
      {
        semester: '2026/2027-1',
        grades: [
          { grade: 3, pupils: 10 },
          { grade: 7, pupils: 25 },
        ],
        committedCents: 20_000,
      },
    ]);
  });

  it('is empty for a school with no bookings that count', () => {
    expect(summariseBookings([{ grade: 7, pupils: 3, status: 'CANCELLED', semester: '2026/2027-1', committedCents: 0 }])).toEqual([]);
  });
});
