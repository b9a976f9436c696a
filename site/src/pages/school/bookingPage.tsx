import type { BookingFormQuery, SchoolFundingQuery } from '../../generated/operations';
import { formatEuroCents, GRADE_BAND_LABELS, gradeLabel, semesterLabel } from '../../labels';
import { formatDay, formatDayAndTime, formatTime } from '../../rigaTime';
import { freePlacesText } from '../freePlacesText';
import { Layout } from '../layout';
import { SchoolBar } from './schoolBar';

type Session = NonNullable<BookingFormQuery['activitySession']>;
type Funding = NonNullable<NonNullable<SchoolFundingQuery['institution']>['semesterFunding']>;

const GRADES = Array.from({ length: 13 }, (_, grade) => grade);

export interface BookingFormState {
  grade?: number;
  pupils?: number;
  /** The Latvian explanation of the last refusal, shown above the form. */
  refusal?: string;
}

/** Before confirming: the school's money for the semester and each grade's funded attendances left. */
function SemesterFunding({ funding, semester }: { funding: Funding | null; semester: string }) {
  if (!funding)
    return (
      <p class="notice">
        Skolai nav fiksētu skolēnu skaita datu mācību gadam, kurā ir {semesterLabel(semester)}, tāpēc tai šim pusgadam nav finansējuma.
      </p>
    );
  return (
    <>
      <dl class="facts funding-money">
        <dt>Skolas finansējums pusgadam</dt>
        <dd>{formatEuroCents(funding.allocationCents)}</dd>
        <dt>Izmantots (pieteikumi un apmeklējumi)</dt>
        <dd>{formatEuroCents(funding.usedCents)}</dd>
        <dt>Atlicis</dt>
        <dd id="atlicis">{formatEuroCents(funding.leftCents)}</dd>
      </dl>
      <table class="sessions funding-grades">
        <caption>Apmaksātie apmeklējumi pa klasēm: {semesterLabel(funding.semester)}</caption>
        <thead>
          <tr>
            <th scope="col">Klase</th>
            <th scope="col">Skolēni</th>
            <th scope="col">Jau pieteikti</th>
            <th scope="col">Vēl var pieteikt</th>
          </tr>
        </thead>
        <tbody>
          {funding.grades.map((row) => (
            <tr>
              <th scope="row">{gradeLabel(row.grade)}</th>
              <td>{row.learners}</td>
              <td>{row.fundedPupils}</td>
              <td>{row.remaining}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Booking one session for a group of one grade: the session, what the school booked so far, the form. */
export function BookingPage(props: {
  schoolName: string;
  csrfToken: string;
  session: Session;
  funding: Funding | null;
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
      <section aria-labelledby="finansejums">
        <h2 id="finansejums">Skolas finansējums</h2>
        <SemesterFunding funding={props.funding} semester={session.semester} />
        <p class="count">Katram skolēnam pusgadā apmaksā ierobežotu norišu skaitu; gaidīšanas rindā esošs pieteikums tos neizmanto.</p>
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
