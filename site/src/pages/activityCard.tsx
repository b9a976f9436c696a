import type { CataloguePageQuery } from '../generated/operations';
import { FIELD_LABELS, FORMAT_LABELS, GRADE_BAND_LABELS, REGION_LABELS } from '../labels';
import { formatShortDayAndTime } from '../rigaTime';
import { freePlacesText } from './freePlacesText';

type ActivitySummary = CataloguePageQuery['activities']['edges'][number]['node'];

/** How many of the upcoming sessions a card lists; the activity page lists them all. */
const SESSIONS_ON_CARD = 3;

/** One activity in the catalogue's list: what, for whom, where, and its next sessions. */
export function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const next = activity.sessions.slice(0, SESSIONS_ON_CARD);
  const place = [activity.municipality, activity.planningRegion ? REGION_LABELS[activity.planningRegion] : undefined]
    .filter(Boolean)
    .join(', ');
  return (
    <li class="activity-card">
      <article aria-labelledby={`norise-${activity.id}`}>
        <h3 id={`norise-${activity.id}`}>
          <a href={`/norises/${encodeURIComponent(activity.id)}`}>{activity.title}</a>
        </h3>
        <p class="provider">{activity.provider.name}</p>
        <dl class="facts">
          <dt>Joma</dt>
          <dd>{activity.fields.map((field) => FIELD_LABELS[field]).join(', ')}</dd>
          <dt>Klases</dt>
          <dd>{activity.gradeBands.map((band) => GRADE_BAND_LABELS[band]).join(', ')}</dd>
          <dt>Vieta</dt>
          <dd>{[FORMAT_LABELS[activity.format], place].filter(Boolean).join(' · ')}</dd>
          <dt>Ilgums</dt>
          <dd>{activity.durationMinutes} min</dd>
        </dl>
        {next.length === 0 ? (
          <p class="sessions-none">Tuvākās nodarbības vēl nav ieplānotas.</p>
        ) : (
          <div class="sessions-next">
            <p class="sessions-heading">Tuvākās nodarbības ({activity.sessions.length}):</p>
            <ul>
              {next.map((session) => (
                <li>
                  {formatShortDayAndTime(session.startsAt)} — {freePlacesText(session.freePlaces)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </article>
    </li>
  );
}
