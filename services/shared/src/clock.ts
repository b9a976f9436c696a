import { todayInLatvia } from './ids';

/**
 * What decides "now" and "today" (in Riga) for every service: decisions take effect, terms
 * expire, deadlines pass and bookings close by it. Services get one injected and never read the
 * system time themselves, so a test can set the date.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today in Latvia, e.g. `2025-09-01`. */
  today(): string;
}

/** A clock that follows `now()`: the system's by default, or a test's movable one. */
export function clockFrom(now: () => Date): Clock {
  return { now, today: () => todayInLatvia(now()) };
}

export const systemClock: Clock = clockFrom(() => new Date());

/** A clock standing on one day in Riga (around noon there), for tests: they move it by setting `date`. */
export class DayClock implements Clock {
  constructor(public date: string) {}

  today(): string {
    return this.date;
  }

  now(): Date {
    return new Date(`${this.date}T10:00:00Z`);
  }
}
