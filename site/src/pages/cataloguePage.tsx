import { catalogueSearchParams, isFiltered, type CatalogueQuery } from '../catalogue/catalogueQuery';
import type { CataloguePageQuery } from '../generated/operations';
import { ActivityCard } from './activityCard';
import { CatalogueFilters } from './catalogueFilters';
import { Layout } from './layout';

type Activities = CataloguePageQuery['activities'];

const foundText = (count: number) => {
  const singular = count % 10 === 1 && count % 100 !== 11;
  return singular ? `Atrasta ${count} norise` : `Atrastas ${count} norises`;
};

/**
 * The public catalogue: filters beside the results, one page of activities, and plain links to
 * the next page (by cursor) and back to the first. `ignored` names URL parameters left out.
 */
export function CataloguePage({ query, activities, ignored }: { query: CatalogueQuery; activities: Activities; ignored: string[] }) {
  const nextPage =
    activities.pageInfo.hasNextPage && activities.pageInfo.endCursor
      ? catalogueSearchParams(query, { after: activities.pageInfo.endCursor })
      : undefined;
  const firstPage = query.after ? catalogueSearchParams(query, { after: undefined }) : undefined;
  return (
    <Layout title={query.search ? `Meklēts „${query.search}”` : 'Norišu katalogs'}>
      <h1>Norišu katalogs</h1>
      {ignored.length > 0 && (
        <p class="notice" role="status">
          Daži nosacījumi saitē netika saprasti un ir izlaisti: {ignored.join('; ')}.
        </p>
      )}
      <div class="catalogue">
        <CatalogueFilters query={query} facets={activities.facets} />
        <section class="results" aria-labelledby="rezultati">
          <h2 id="rezultati">{foundText(activities.totalCount)}</h2>
          {activities.edges.length === 0 ? (
            <p>
              {isFiltered(query)
                ? 'Neviena norise neatbilst izvēlētajiem nosacījumiem. Mēģiniet mazāk filtru.'
                : 'Katalogā vēl nav norišu.'}
            </p>
          ) : (
            <ol class="activity-list">
              {activities.edges.map(({ node }) => (
                <ActivityCard activity={node} />
              ))}
            </ol>
          )}
          {(nextPage || firstPage) && (
            <nav class="pager" aria-label="Lapas">
              {firstPage && <a href={`/?${firstPage}`}>Uz pirmo lapu</a>}
              {nextPage && (
                <a href={`/?${nextPage}`} rel="next">
                  Nākamā lapa
                </a>
              )}
            </nav>
          )}
        </section>
      </div>
    </Layout>
  );
}
