import type { ActivityPageQuery } from '../generated/operations';
import { formatDay, formatDayAndTime, formatTime } from '../rigaTime';
import { freePlacesText } from './freePlacesText';

type Session = NonNullable<ActivityPageQuery['activity']>['sessions'][number];

/**
 * The upcoming sessions as a table: when, where, free places (and any waiting list), and the last
 * day to book; for a signed-in school, a link to book each.
 */
export function SessionTable({ sessions, bookable = false }: { sessions: Session[]; bookable?: boolean }) {
  if (sessions.length === 0) return <p>Nodarbības vēl nav ieplānotas.</p>;
  return (
    <table class="sessions">
      <caption>Nodarbības, to brīvās vietas un pieteikšanās termiņš</caption>
      <thead>
        <tr>
          <th scope="col">Laiks</th>
          <th scope="col">Vieta</th>
          <th scope="col">Brīvās vietas</th>
          <th scope="col">Pieteikties līdz</th>
          {bookable && <th scope="col">Pieteikt</th>}
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr>
            <th scope="row">
              {formatDayAndTime(session.startsAt)}–{formatTime(session.endsAt)}
            </th>
            <td>{session.place}</td>
            <td class={session.freePlaces === 0 ? 'full' : undefined}>
              {freePlacesText(session.freePlaces)} no {session.capacity}
              {session.waitingBookings > 0 && `; rindā gaida ${session.waitingBookings}`}
            </td>
            <td>{formatDay(session.bookingClosesOn)}</td>
            {bookable && (
              <td>
                <a href={`/skola/pieteikt/${session.id}`} aria-label={`Pieteikt grupu uz ${formatDayAndTime(session.startsAt)}`}>
                  Pieteikt grupu
                </a>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
