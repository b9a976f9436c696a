import { Role, type Caller } from '@eq/shared';
import { semesterOf } from '../../services/catalogue/src/domain/semesters';
import { inParallel } from './inParallel';
import type { DemoApi } from './licensingAccreditationDemo';

/** A published session the demo schools may book. */
export interface BookableSession {
  id: string;
  /** `YYYY-MM-DD` in Riga. */
  day: string;
  capacity: number;
  maxGroupSize: number;
  gradeBands: readonly string[];
}

export interface CatalogueBookingsCounts {
  schools: number;
  confirmed: number;
  waiting: number;
  /** Bookings the catalogue refused (e.g. a rule or budget the demo does not know of); the demo goes on without them. */
  refused: number;
}

/** What the demo books when it books nothing. */
export const NO_BOOKINGS: Readonly<CatalogueBookingsCounts> = { schools: 0, confirmed: 0, waiting: 0, refused: 0 };

const OFFICER: Caller = { role: Role.OFFICER, subject: 'demo-seed' };
const RIGA: Caller = { role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'demo-seed' };
const SCHOOLS = 6;
const LEARNERS_PER_GRADE = 90;
const GRADE_KEYS = ['preschoolAge5', 'preschoolAge6', ...Array.from({ length: 12 }, (_, i) => `grade${i + 1}`)];
/** A grade in the middle of each band (0 is the pre-school group). */
const GRADE_OF_BAND: Record<string, number> = { PRESCHOOL_5_6: 0, GRADES_1_3: 2, GRADES_4_6: 5, GRADES_7_9: 8, GRADES_10_12: 11 };

const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id } } }`;
const SAVE = `mutation($input: SaveLearnerCountReportInput!) { saveLearnerCountReport(input: $input) { report { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmLearnerCountReport(id: $id) { report { id } } }`;
const APPROVE = `mutation($id: ID!) { approveLearnerCountReport(id: $id) { report { id } } }`;
const LOCK = `mutation($year: String!) { lockSchoolYear(schoolYear: $year) { lockedReportCount } }`;
const REOPEN = `mutation($input: ReopenSchoolYearInput!) { reopenSchoolYear(input: $input) { schoolYear { schoolYear } } }`;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { booking { status } } }`;

/**
 * Bookings by demo schools, so the catalogue shows sessions nearly full and full with a waiting
 * list. The schools' learner counts go the registry's whole way (saved, confirmed, approved by
 * the founder, the school year reopened for them and locked again by the ministry), and the
 * catalogue learns of them over Kafka, as in production. Only sessions of the current school year are booked, once its lock
 * deadline (5 September) has passed, and only those still open for booking (two weeks ahead).
 */
export async function seedCatalogueBookingsDemo(
  api: DemoApi,
  sessions: readonly BookableSession[],
  today: string,
): Promise<CatalogueBookingsCounts> {
  const { schoolYear } = semesterOf(today);
  const yearEnds = `${Number(schoolYear.slice(5))}-08-31`;
  const lockable = today >= `${schoolYear.slice(0, 4)}-09-06`;
  const twoWeeksOn = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  const bookable = sessions.filter((session) => session.day >= twoWeeksOn && session.day <= yearEnds);
  if (!lockable || bookable.length === 0) return { ...NO_BOOKINGS };

  const schools: string[] = [];
  try {
    // Past its deadline a year takes no reports: the ministry reopens it for the demo schools for
    // an hour, and locks it again (which ends the reopening) once they are approved.
    const until = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    await api.call(OFFICER, REOPEN, { input: { schoolYear, until, reason: 'Demo schools report their learners (demo)' } });
    await inParallel(
      Array.from({ length: SCHOOLS }, (_, index) => index),
      SCHOOLS,
      async (index) => {
        const registered = await api.call(OFFICER, REGISTER, {
          input: {
            registrationNumber: String(9_200_000_001 + index),
            name: `Rīgas ${index + 1}. demo vidusskola (demo)`,
            type: 'SECONDARY_SCHOOL',
            founder: { kind: 'MUNICIPALITY', name: 'Rīgas valstspilsētas pašvaldība', municipality: 'Rīga' },
            planningRegion: 'RIGA',
            implementationPlaces: [{ address: `Rīga, demo iela ${index + 1}`, municipality: 'Rīga', planningRegion: 'RIGA' }],
            decision: { number: `DEMO-B-${index + 1}`, date: '2024-09-01' },
          },
        });
        const institutionId: string = registered.registerInstitution.institution.id;
        const school: Caller = { role: Role.SCHOOL, institutionId, subject: 'demo-seed' };
        const counts = Object.fromEntries(GRADE_KEYS.map((key) => [key, LEARNERS_PER_GRADE]));
        const saved = await api.call(school, SAVE, { input: { institutionId, schoolYear, counts } });
        await api.call(school, CONFIRM, { id: saved.saveLearnerCountReport.report.id });
        await api.call(RIGA, APPROVE, { id: saved.saveLearnerCountReport.report.id });
        schools.push(institutionId);
      },
    );
    await api.call(OFFICER, LOCK, { year: schoolYear });
  } catch (error) {
    // The bookings are a garnish on the catalogue: a registry that refuses the demo schools'
    // counts (say, a school year already locked) leaves the catalogue without them.
    console.warn(`Demo data: no demo bookings (${String(error).slice(0, 300)})`);
    return { ...NO_BOOKINGS };
  }

  const counts = { schools: schools.length, confirmed: 0, waiting: 0, refused: 0 };
  // Per school: known once one of its bookings went through, lost once waiting for it failed
  // (its later bookings are then not tried, so a catalogue that never hears of it costs one wait).
  const known = new Set<string>();
  const lost = new Set<string>();
  const book = async (schoolIndex: number, session: BookableSession, pupils: number) => {
    const institutionId = schools[schoolIndex % schools.length]!;
    if (lost.has(institutionId)) {
      counts.refused += 1;
      return;
    }
    const caller: Caller = { role: Role.SCHOOL, institutionId, subject: 'demo-seed' };
    const grade = GRADE_OF_BAND[session.gradeBands[0]!] ?? 8;
    const attempt = () => api.call(caller, BOOK, { input: { sessionId: session.id, grade, pupils } });
    try {
      // The catalogue learns of the school and of its locked counts from the registry's events.
      const answer = known.has(institutionId)
        ? await attempt()
        : await api
            .whenKnown(() =>
              attempt().catch((error: unknown) => {
                if (/not locked yet/.test(String(error))) throw new Error(`learner counts not known yet: ${String(error)}`);
                throw error;
              }),
            )
            .catch((error: unknown) => {
              if (/not known yet|does not exist/.test(String(error))) lost.add(institutionId);
              throw error;
            });
      known.add(institutionId);
      if (answer.bookSession.booking.status === 'WAITING') counts.waiting += 1;
      else counts.confirmed += 1;
    } catch {
      counts.refused += 1;
    }
  };
  // One session in three gets a group; sessions sized for one group are filled to the last few
  // places, or full with a second school waiting.
  await inParallel(
    bookable.filter((_, index) => index % 3 === 0),
    6,
    async (session) => {
      const serial = Number.parseInt(session.id.slice(0, 6), 16);
      if (session.capacity === session.maxGroupSize) {
        const full = serial % 4 === 0;
        await book(serial, session, full ? session.maxGroupSize : session.maxGroupSize - 1 - (serial % 3));
        if (full) await book(serial + 1, session, Math.min(12, session.maxGroupSize));
      } else {
        await book(serial, session, Math.max(5, Math.round(session.maxGroupSize * (0.4 + (serial % 5) / 10))));
      }
    },
  );
  return counts;
}
