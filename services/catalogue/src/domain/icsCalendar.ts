import ical, { ICalEventStatus } from 'ical-generator';

/** One booked session as a calendar event. */
export interface CalendarEntry {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  /** CONFIRMED or TENTATIVE (a waiting booking). */
  status: 'CONFIRMED' | 'TENTATIVE';
  updatedAt: Date;
}

/**
 * An iCalendar (RFC 5545) feed of the entries, written by `ical-generator` (escaping, folding at
 * 75 octets, CRLF): times in UTC, `now` as every event's DTSTAMP so a feed is reproducible.
 */
export function icsCalendar(name: string, entries: readonly CalendarEntry[], now: Date): string {
  const calendar = ical({ name, prodId: { company: 'eq', product: 'activity catalogue', language: 'EN' } });
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      stamp: now,
      lastModified: entry.updatedAt,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.summary,
      location: entry.location,
      description: entry.description,
      status: entry.status === 'CONFIRMED' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves it off.
  return `${calendar.toString()}\r\n`;
}
