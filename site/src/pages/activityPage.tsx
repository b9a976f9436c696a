import type { ActivityPageQuery } from '../generated/operations';
import { FIELD_LABELS, FORMAT_LABELS, GRADE_BAND_LABELS, PROVIDER_KIND_LABELS, REGION_LABELS } from '../labels';
import { Layout } from './layout';
import { SessionTable } from './sessionTable';

type Activity = NonNullable<ActivityPageQuery['activity']>;

/** A curriculum link is usually prose; when the provider gave an address, it becomes a link. */
function CurriculumLink({ text }: { text: string }) {
  return /^https?:\/\/\S+$/.test(text) ? <a href={text}>{text}</a> : <>{text}</>;
}

/** One activity: what it is, who offers it, how it fits the curriculum, accessibility, and its upcoming sessions. */
export function ActivityPage({ activity, booking = 'off' }: { activity: Activity; booking?: 'off' | 'signedIn' | 'signedOut' }) {
  const place = [activity.municipality, activity.planningRegion ? REGION_LABELS[activity.planningRegion] : undefined]
    .filter(Boolean)
    .join(', ');
  return (
    <Layout title={activity.title}>
      <nav aria-label="Atpakaļ">
        <a href="/">← Uz katalogu</a>
      </nav>
      <article aria-labelledby="nosaukums">
        <h1 id="nosaukums">{activity.title}</h1>
        <p class="provider">
          Piedāvā: <strong>{activity.provider.name}</strong> ({PROVIDER_KIND_LABELS[activity.provider.kind]})
        </p>
        <p class="description">{activity.description}</p>
        <dl class="facts">
          <dt>Joma</dt>
          <dd>{activity.fields.map((field) => FIELD_LABELS[field]).join(', ')}</dd>
          <dt>Klases</dt>
          <dd>{activity.gradeBands.map((band) => GRADE_BAND_LABELS[band]).join(', ')}</dd>
          <dt>Norises vieta</dt>
          <dd>{[FORMAT_LABELS[activity.format], place].filter(Boolean).join(' · ')}</dd>
          <dt>Ilgums</dt>
          <dd>{activity.durationMinutes} min</dd>
          <dt>Valoda</dt>
          <dd>{activity.language === 'lv' ? 'latviešu' : activity.language}</dd>
          <dt>Grupā ne vairāk kā</dt>
          <dd>{activity.maxGroupSize} skolēni</dd>
          <dt>Saikne ar mācību saturu</dt>
          <dd>{activity.curriculumLink ? <CurriculumLink text={activity.curriculumLink} /> : 'Piedāvātājs nav norādījis.'}</dd>
          <dt>Piekļūstamība</dt>
          <dd>{activity.accessibility ?? 'Piedāvātājs nav norādījis.'}</dd>
        </dl>
        <section aria-labelledby="nodarbibas">
          <h2 id="nodarbibas">Tuvākās nodarbības</h2>
          {booking === 'signedOut' && activity.sessions.length > 0 && (
            <p>
              Lai pieteiktu grupu, <a href="/skola/pieteikties">piesakieties kā skola</a>.
            </p>
          )}
          {booking === 'signedIn' && (
            <p>
              <a href="/skola/pieteikumi">Mani pieteikumi</a>
            </p>
          )}
          <SessionTable sessions={activity.sessions} bookable={booking === 'signedIn'} />
        </section>
      </article>
    </Layout>
  );
}
