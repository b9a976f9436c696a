import { parseConfig, systemClock, type Clock } from '@eq/shared';
import { z } from 'zod';
import { assertFundPolicy, MEASURE_4221_POLICY, type FundPolicy } from './domain/fundPolicy';
import { assertBookingPolicy, DEFAULT_BOOKING_POLICY, type BookingPolicy } from './domain/bookingPolicy';

/** Options of the catalogue service beyond the kit's (database, Kafka, server). */
export interface CatalogueOptions {
  fund: FundPolicy;
  booking: BookingPolicy;
  /** The service's clock: "now" for deadlines, "future" sessions and attendance (tests move it). */
  clock: Clock;
  /**
   * How long a PUBLIC answer holding sessions' availability (free places, booked pupils, the
   * waiting list) may be cached, in seconds: the staleness a catalogue visitor may see. Booking
   * itself never reads a cache, and a mutation through the gateway clears its cache.
   */
  availabilityMaxAgeSeconds: number;
}

export const DEFAULT_AVAILABILITY_MAX_AGE_SECONDS = 5;

/** The measure's own figures (€10 per pupil, 4 activities per pupil per semester, €27 million). */
export const DEFAULT_CATALOGUE_OPTIONS: CatalogueOptions = {
  fund: { ...MEASURE_4221_POLICY },
  booking: { ...DEFAULT_BOOKING_POLICY },
  clock: systemClock,
  availabilityMaxAgeSeconds: DEFAULT_AVAILABILITY_MAX_AGE_SECONDS,
};

const positiveInt = z.coerce.number().int().positive();
const isoDateList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.iso.date()));

/** Environment variables of the catalogue; unset means the measure's figure. */
export const catalogueEnvSchema = z.object({
  CATALOGUE_PRICE_PER_PUPIL_CENTS: positiveInt
    .default(MEASURE_4221_POLICY.pricePerPupilCents)
    .describe('What the fund pays per attending pupil per activity, in euro cents'),
  CATALOGUE_ACTIVITIES_PER_PUPIL_PER_SEMESTER: positiveInt
    .default(MEASURE_4221_POLICY.activitiesPerPupilPerSemester)
    .describe('Funded activities per pupil per semester'),
  CATALOGUE_ATTENDANCE_BUDGET_CENTS: positiveInt
    .default(MEASURE_4221_POLICY.attendanceBudgetCents)
    .describe("The fund's money for attendance over the whole period, in euro cents"),
  CATALOGUE_BOOKING_DEADLINE_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(DEFAULT_BOOKING_POLICY.deadlineWorkingDays)
    .describe('Bookings close this many working days (Mon-Fri, not a public holiday) before the session'),
  CATALOGUE_AVAILABILITY_MAX_AGE: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(DEFAULT_AVAILABILITY_MAX_AGE_SECONDS)
    .describe("Seconds a public answer with sessions' free places may be cached (0: never)"),
  CATALOGUE_PUBLIC_HOLIDAYS: isoDateList
    .optional()
    .describe("Comma-separated YYYY-MM-DD days that are not working days, replacing Latvia's public holidays (the default)"),
});

/** Reads the catalogue's options from the environment; called only from `main.ts`. */
export function loadCatalogueOptions(env: Record<string, string | undefined>): CatalogueOptions {
  const parsed = parseConfig('catalogue', catalogueEnvSchema, env);
  return {
    fund: assertFundPolicy({
      pricePerPupilCents: parsed.CATALOGUE_PRICE_PER_PUPIL_CENTS,
      activitiesPerPupilPerSemester: parsed.CATALOGUE_ACTIVITIES_PER_PUPIL_PER_SEMESTER,
      attendanceBudgetCents: parsed.CATALOGUE_ATTENDANCE_BUDGET_CENTS,
    }),
    booking: assertBookingPolicy({
      deadlineWorkingDays: parsed.CATALOGUE_BOOKING_DEADLINE_WORKING_DAYS,
      publicHolidays: parsed.CATALOGUE_PUBLIC_HOLIDAYS ?? 'LATVIA',
    }),
    clock: systemClock,
    availabilityMaxAgeSeconds: parsed.CATALOGUE_AVAILABILITY_MAX_AGE,
  };
}
