import type { BookingFormQuery } from '../../generated/operations';
import { formatEuroCents, GRADE_BAND_LABELS, gradeLabel, semesterLabel } from '../../labels';
import { formatDay, formatDayAndTime, formatTime } from '../../rigaTime';
import type { SemesterSummary } from '../../school/bookingSummary';
import { freePlacesText } from '../freePlacesText';
import { Layout } from '../layout';
import { SchoolBar } from './schoolBar';

type Session = NonNullable<BookingFormQuery['activitySession']>;

const GRADES = Array.from({ length: 13 }, (_, grade) => grade);

export interface BookingFormState {
  grade?: number;
  pupils?: number;
  /** The Latvian explanation of the last refusal, shown above the form. */
  refusal?: string;
}

/** What the school has booked already: pupils per grade and money held, per semester. */
function BookedSoFar({ summary }: { summary: SemesterSummary[] }) {
  if (summary.length === 0) return <p>Skolai vēl nav pieteikumu.</p>;
  return (
    <table class="sessions">
      <caption>Skolas pieteiktie skolēni pa pusgadiem un klasēm</caption>
      <thead>
        <tr>
          <th scope="col">Pusgads</th>
          <th scope="col">Pieteikti skolēni pa klasēm</th>
          <th scope="col">Rezervētā nauda</th>
        </tr>
      </thead>
      <tbody>
        {summary.map((row) => (
          <tr>
            <th scope="row">{semesterLabel(row.semester)}</th>
            <td>{row.grades.map(({ grade, pupils }) => `${gradeLabel(grade)}: ${pupils}`).join('; ')}</td>
            <td>{formatEuroCents(row.committedCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Booking one session for a group of one grade: the session, what the school booked so far, the form. */
export function BookingPage(props: {
  schoolName: string;
  csrfToken: string;
  session: Session;
  summary: SemesterSummary[];
  form: BookingFormState;
}) {
  const { session, form } = props;
  return (
    <Layout title={`Pieteikt grupu: ${session.activity.title}`}>
      <SchoolBar schoolName={props.schoolName} csrfToken={props.csrfToken} />
      <h1>Pieteikt grupu</h1>
      <dl class="facts">
        <dt>Norise</dt>
        <dd>
          <a href={`/norises/${session.activity.id}`}>{session.activity.title}</a>
        </dd>
        <dt>Laiks</dt>
        <dd>
          {formatDayAndTime(session.startsAt)}–{formatTime(session.endsAt)}
        </dd>
        <dt>Vieta</dt>
        <dd>{session.place}</dd>
        <dt>Brīvās vietas</dt>
        <dd id="brivas-vietas">
          {freePlacesText(session.freePlaces)} no {session.capacity}
          {session.waitingBookings > 0 && `; rindā gaida ${session.waitingBookings}`}
        </dd>
        <dt>Pieteikties līdz</dt>
        <dd>{formatDay(session.bookingClosesOn)}</dd>
        <dt>Klases</dt>
        <dd>{session.activity.gradeBands.map((band) => GRADE_BAND_LABELS[band]).join(', ')}</dd>
        <dt>Grupā ne vairāk kā</dt>
        <dd>{session.activity.maxGroupSize} skolēni</dd>
      </dl>
      <section aria-labelledby="lidz-sim">
        <h2 id="lidz-sim">Skolas pieteikumi līdz šim</h2>
        <BookedSoFar summary={props.summary} />
        <p class="count">
          Katras klases atlikušo apmaksāto apmeklējumu skaitu un skolas pusgada finansējumu skola vietnē vēl neredz: tos grafs šobrīd rāda
          tikai fonda administratoram. Ja pieteikums tos pārsniedz, vietne paskaidros atteikumu.
        </p>
      </section>
      <section aria-labelledby="pieteikums">
        <h2 id="pieteikums">Pieteikums</h2>
        {form.refusal && (
          <p role="alert" class="notice notice-error">
            {form.refusal}
          </p>
        )}
        {session.freePlaces === 0 && <p class="notice">Brīvu vietu nav: pieteikums nonāks gaidīšanas rindā.</p>}
        <form method="post" action={`/skola/pieteikt/${session.id}`} class="booking-form">
          <input type="hidden" name="csrf" value={props.csrfToken} />
          <div class="field">
            <label for="klase">Klase</label>
            <select id="klase" name="grade">
              {GRADES.map((grade) => (
                <option value={String(grade)} selected={grade === (form.grade ?? 7)}>
                  {gradeLabel(grade)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="skoleni">Skolēnu skaits grupā</label>
            <input id="skoleni" type="number" name="pupils" min={1} required value={form.pupils === undefined ? '' : String(form.pupils)} />
          </div>
          <button type="submit">Apstiprināt pieteikumu</button>
        </form>
      </section>
    </Layout>
  );
}
