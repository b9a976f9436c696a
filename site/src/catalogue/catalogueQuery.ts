import type { ActivityField, ActivityFilter, ActivityFormat, ActivitySort, GradeBand, PlanningRegion } from '../generated/operations';
import { FIELD_LABELS, FORMAT_LABELS, GRADE_BAND_LABELS, REGION_LABELS, SORT_LABELS } from '../labels';
import { endOfRigaDay, startOfRigaDay } from '../rigaTime';

/**
 * What a visitor asked the catalogue for, as it travels in the page's URL: a plain GET form, so
 * a filtered page can be shared, bookmarked and reached again with the back button.
 */
export interface CatalogueQuery {
  search: string;
  fields: ActivityField[];
  gradeBands: GradeBand[];
  region?: PlanningRegion;
  municipality: string;
  format?: ActivityFormat;
  /** `YYYY-MM-DD`: activities with a session on or after this day (Riga time). */
  from?: string;
  /** `YYYY-MM-DD`: activities with a session on or before this day. */
  to?: string;
  /** Activities with a session that has at least this many free places. */
  minFreePlaces?: number;
  sort: ActivitySort;
  /** The cursor of the last activity on the previous page. */
  after?: string;
}

/** The URL's parameter names (short, stable: shared links keep working). */
export const PARAM = {
  search: 'q',
  fields: 'joma',
  gradeBands: 'klases',
  region: 'regions',
  municipality: 'novads',
  format: 'formats',
  from: 'no',
  to: 'lidz',
  minFreePlaces: 'vietas',
  sort: 'kartot',
  after: 'pec',
} as const;

export const SEARCH_MAX_LENGTH = 200;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ParsedCatalogueQuery {
  query: CatalogueQuery;
  /** Latvian notes on the parameters that made no sense and were left out. */
  ignored: string[];
}

const oneOf = <K extends string>(labels: Record<K, string>, value: string | undefined): K | undefined =>
  value !== undefined && Object.hasOwn(labels, value) ? (value as K) : undefined;

const validDay = (value: string | undefined): string | undefined =>
  value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;

/**
 * Reads the catalogue query from the URL. Anything it cannot read (an unknown field, a date that
 * is not a date) is left out and named, so a mangled link still shows a catalogue.
 */
export function parseCatalogueQuery(params: URLSearchParams): ParsedCatalogueQuery {
  const ignored: string[] = [];
  const text = (name: string) => params.get(name)?.trim().replace(/\s+/g, ' ') ?? '';
  const single = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? undefined : value;
  };
  const many = <K extends string>(name: string, labels: Record<K, string>, what: string): K[] => {
    const values = params.getAll(name);
    const known = values.filter((value): value is K => oneOf(labels, value) !== undefined);
    if (known.length < values.length) ignored.push(`nezināma ${what}`);
    return [...new Set(known)];
  };
  const enumeration = <K extends string>(name: string, labels: Record<K, string>, what: string): K | undefined => {
    const value = single(name);
    const known = oneOf(labels, value);
    if (value !== undefined && known === undefined) ignored.push(`nezināms ${what}`);
    return known;
  };
  const day = (name: string, what: string) => {
    const value = single(name);
    const valid = validDay(value);
    if (value !== undefined && valid === undefined) ignored.push(`${what} nav datums`);
    return valid;
  };

  let search = text(PARAM.search);
  if (search.length > SEARCH_MAX_LENGTH) {
    search = search.slice(0, SEARCH_MAX_LENGTH);
    ignored.push(`meklējamais teksts saīsināts līdz ${SEARCH_MAX_LENGTH} zīmēm`);
  }
  const placesText = single(PARAM.minFreePlaces);
  const places = placesText === undefined ? undefined : Number(placesText);
  const minFreePlaces = places !== undefined && Number.isSafeInteger(places) && places >= 1 && places <= 2000 ? places : undefined;
  if (placesText !== undefined && minFreePlaces === undefined) ignored.push('brīvo vietu skaitam jābūt veselam skaitlim no 1 līdz 2000');

  return {
    query: {
      search,
      fields: many(PARAM.fields, FIELD_LABELS, 'joma'),
      gradeBands: many(PARAM.gradeBands, GRADE_BAND_LABELS, 'klašu grupa'),
      region: enumeration(PARAM.region, REGION_LABELS, 'plānošanas reģions'),
      municipality: text(PARAM.municipality).slice(0, 100),
      format: enumeration(PARAM.format, FORMAT_LABELS, 'formāts'),
      from: day(PARAM.from, 'sākuma datums'),
      to: day(PARAM.to, 'beigu datums'),
      minFreePlaces,
      sort: enumeration(PARAM.sort, SORT_LABELS, 'kārtojums') ?? 'TITLE',
      after: single(PARAM.after),
    },
    ignored,
  };
}

/** The query as URL parameters (empty values left out); `changes` replace parts of it, e.g. the cursor. */
export function catalogueSearchParams(query: CatalogueQuery, changes: Partial<CatalogueQuery> = {}): URLSearchParams {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.append(name, String(value));
  };
  set(PARAM.search, merged.search);
  for (const field of merged.fields) set(PARAM.fields, field);
  for (const band of merged.gradeBands) set(PARAM.gradeBands, band);
  set(PARAM.region, merged.region);
  set(PARAM.municipality, merged.municipality);
  set(PARAM.format, merged.format);
  set(PARAM.from, merged.from);
  set(PARAM.to, merged.to);
  set(PARAM.minFreePlaces, merged.minFreePlaces);
  if (merged.sort !== 'TITLE') set(PARAM.sort, merged.sort);
  set(PARAM.after, merged.after);
  return params;
}

/** The gateway's `ActivityFilter` for the query; dates are whole days in Riga. */
export function activityFilter(query: CatalogueQuery): ActivityFilter {
  const filter: ActivityFilter = {};
  if (query.search) filter.search = query.search;
  if (query.fields.length) filter.fields = query.fields;
  if (query.gradeBands.length) filter.gradeBands = query.gradeBands;
  if (query.region) filter.planningRegion = query.region;
  if (query.municipality) filter.municipality = query.municipality;
  if (query.format) filter.format = query.format;
  if (query.from) filter.sessionsFrom = startOfRigaDay(query.from);
  if (query.to) filter.sessionsTo = endOfRigaDay(query.to);
  if (query.minFreePlaces !== undefined) filter.minFreePlaces = query.minFreePlaces;
  return filter;
}

/** Whether the visitor narrowed the catalogue at all (the page then offers to clear it). */
export function isFiltered(query: CatalogueQuery): boolean {
  return Object.keys(activityFilter(query)).length > 0;
}
