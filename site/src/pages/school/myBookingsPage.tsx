import type { SchoolBookingsQuery } from '../../generated/operations';
import { BOOKING_STATUS_LABELS, formatEuroCents, gradeLabel, semesterLabel } from '../../labels';
import { formatDayAndTime, formatTime } from '../../rigaTime';
import { Layout } from '../layout';
import { SchoolBar } from './schoolBar';

type Booking = NonNullable<SchoolBookingsQuery['institution']>['bookings'][number];

/** A confirmed or waiting booking can still be cancelled (the catalogue refuses once the session has begun). */
const cancellable = (booking: Booking) => booking.status === 'CONFIRMED' || booking.status === 'WAITING';

function StatusText({ booking }: { booking: Booking }) {
  const label = BOOKING_STATUS_LABELS[booking.status];
  if (booking.status === 'WAITING' && booking.waitingPosition) return <>{`${label}, ${booking.waitingPosition}. vietā`}</>;
  return <>{label}</>;
}

/** The school's bookings, newest session first, with cancel buttons, and its calendar address to subscribe to. */
export function MyBookingsPage(props: {
  schoolName: string;
  csrfToken: string;
  bookings: Booking[];
  calendarUrl: string;
  /** A Latvian line about what just happened (booked, cancelled, refused). */
  notice?: { text: string; error?: boolean };
}) {
  return (
    <Layout title="Mani pieteikumi">
      <SchoolBar schoolName={props.schoolName} csrfToken={props.csrfToken} />
      <h1>Mani pieteikumi</h1>
      {props.notice && (
        <p role={props.notice.error ? 'alert' : 'status'} class={props.notice.error ? 'notice notice-error' : 'notice'}>
          {props.notice.text}
        </p>
      )}
      {props.bookings.length === 0 ? (
        <p>
          Skolai vēl nav pieteikumu. <a href="/">Atrodiet norisi katalogā.</a>
        </p>
      ) : (
        <table class="sessions bookings">
          <caption>Skolas pieteikumi, jaunākās nodarbības vispirms</caption>
          <thead>
            <tr>
              <th scope="col">Nodarbība</th>
              <th scope="col">Laiks</th>
              <th scope="col">Grupa</th>
              <th scope="col">Statuss</th>
              <th scope="col">Rezervētā nauda</th>
              <th scope="col">Darbības</th>
            </tr>
          </thead>
          <tbody>
            {props.bookings.map((booking) => (
              <tr>
                <th scope="row">
                  <a href={`/norises/${booking.session.activity.id}`}>{booking.session.activity.title}</a>
                </th>
                <td>
                  {formatDayAndTime(booking.session.startsAt)}–{formatTime(booking.session.endsAt)}
                  <br />
                  <span class="count">{semesterLabel(booking.semester)}</span>
                </td>
                <td>
                  {gradeLabel(booking.grade)}, {booking.pupils} skolēni
                </td>
                <td class="booking-status">
                  <StatusText booking={booking} />
                </td>
                <td>{formatEuroCents(booking.committedCents)}</td>
                <td>
                  {cancellable(booking) && (
                    <form method="post" action={`/skola/pieteikumi/${booking.id}/atcelt`}>
                      <input type="hidden" name="csrf" value={props.csrfToken} />
                      <button
                        type="submit"
                        aria-label={`Atcelt pieteikumu: ${booking.session.activity.title}, ${formatDayAndTime(booking.session.startsAt)}`}
                      >
                        Atcelt
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="kalendars">
        <h2 id="kalendars">Kalendārs</h2>
        <p>
          Pievienojiet šo adresi savai kalendāra lietotnei („abonēt kalendāru”), un skolas nodarbības tur parādīsies pašas. Adrese ir
          slepena: kas to zina, redz skolas pieteikumus.
        </p>
        <p>
          <a href={props.calendarUrl} class="calendar-url">
            {props.calendarUrl}
          </a>
        </p>
      </section>
    </Layout>
  );
}
