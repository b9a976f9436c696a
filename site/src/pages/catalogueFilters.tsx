import { PARAM, type CatalogueQuery } from '../catalogue/catalogueQuery';
import type { CataloguePageQuery } from '../generated/operations';
import { FIELD_LABELS, FORMAT_LABELS, GRADE_BAND_LABELS, REGION_LABELS, SORT_LABELS, valuesOf } from '../labels';

type Facets = CataloguePageQuery['activities']['facets'];

const countOf = (counts: Array<{ value: string; count: number }>, value: string) =>
  counts.find((entry) => entry.value === value)?.count ?? 0;

/** One facet as a group of checkboxes (or radio buttons), each with how many activities it would show. */
function FacetGroup<K extends string>({
  legend,
  name,
  labels,
  counts,
  chosen,
  type,
}: {
  legend: string;
  name: string;
  labels: Record<K, string>;
  counts: Array<{ value: string; count: number }>;
  chosen: readonly string[];
  type: 'checkbox' | 'radio';
}) {
  return (
    <fieldset class="facet">
      <legend>{legend}</legend>
      {type === 'radio' && (
        <label class="facet-option">
          <input type="radio" name={name} value="" checked={chosen.length === 0} /> Visi
        </label>
      )}
      {valuesOf(labels).map((value) => (
        <label class="facet-option">
          <input type={type} name={name} value={value} checked={chosen.includes(value)} /> {labels[value]}{' '}
          <span class="count">({countOf(counts, value)})</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The catalogue's filters as one GET form: search, facets with counts, the filters without
 * counts (municipality, format, dates, free places) and the order. Submitting it changes the URL,
 * so the state is shareable and the back button returns to the previous one.
 */
export function CatalogueFilters({ query, facets }: { query: CatalogueQuery; facets: Facets }) {
  return (
    <form method="get" action="/" class="filters" role="search" aria-label="Norišu meklēšana">
      <div class="search-row">
        <label for="meklet">Meklēt norisi</label>
        <input id="meklet" type="search" name={PARAM.search} value={query.search} maxlength={200} autocomplete="off" />
        <button type="submit">Meklēt</button>
      </div>
      <details class="filter-panel" open>
        <summary>Filtri</summary>
        <FacetGroup legend="Joma" name={PARAM.fields} labels={FIELD_LABELS} counts={facets.fields} chosen={query.fields} type="checkbox" />
        <FacetGroup
          legend="Klašu grupa"
          name={PARAM.gradeBands}
          labels={GRADE_BAND_LABELS}
          counts={facets.gradeBands}
          chosen={query.gradeBands}
          type="checkbox"
        />
        <FacetGroup
          legend="Plānošanas reģions"
          name={PARAM.region}
          labels={REGION_LABELS}
          counts={facets.planningRegions}
          chosen={query.region ? [query.region] : []}
          type="radio"
        />
        <div class="field">
          <label for="novads">Novads vai valstspilsēta</label>
          <input id="novads" type="text" name={PARAM.municipality} value={query.municipality} maxlength={100} />
        </div>
        <div class="field">
          <label for="formats">Norises vieta</label>
          <select id="formats" name={PARAM.format}>
            <option value="">Jebkura</option>
            {valuesOf(FORMAT_LABELS).map((value) => (
              <option value={value} selected={query.format === value}>
                {FORMAT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="facet">
          <legend>Nodarbības laikā</legend>
          <div class="field">
            <label for="no">No</label>
            <input id="no" type="date" name={PARAM.from} value={query.from ?? ''} />
          </div>
          <div class="field">
            <label for="lidz">Līdz</label>
            <input id="lidz" type="date" name={PARAM.to} value={query.to ?? ''} />
          </div>
        </fieldset>
        <div class="field">
          <label for="vietas">Brīvas vietas vismaz</label>
          <input
            id="vietas"
            type="number"
            name={PARAM.minFreePlaces}
            value={query.minFreePlaces ?? ''}
            min={1}
            max={2000}
            inputmode="numeric"
          />
        </div>
      </details>
      <div class="field">
        <label for="kartot">Kārtot</label>
        <select id="kartot" name={PARAM.sort}>
          {valuesOf(SORT_LABELS).map((value) => (
            <option value={value} selected={query.sort === value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit">Rādīt norises</button>
        <a href="/">Notīrīt filtrus</a>
      </div>
    </form>
  );
}
