import { validationFailed } from '@eq/shared/errors';
import { GRADE_BANDS, type GradeBand } from './gradeBands';

/** The measure's fields: mathematics; natural sciences; technologies; civic participation. */
export const ACTIVITY_FIELDS = [
  'MATHEMATICS',
  'PHYSICS',
  'CHEMISTRY',
  'BIOLOGY',
  'GEOGRAPHY',
  'COMPUTING',
  'ENGINEERING',
  'DESIGN_AND_TECHNOLOGY',
  'CIVIC_PARTICIPATION',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export const ACTIVITY_FORMATS = ['AT_PROVIDER', 'AT_SCHOOL', 'ONLINE'] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

export const PLANNING_REGIONS = ['RIGA', 'VIDZEME', 'KURZEME', 'ZEMGALE', 'LATGALE'] as const;
export type PlanningRegion = (typeof PLANNING_REGIONS)[number];

/**
 * Bounds on what a provider may enter. The regulation sets none; these are sanity limits of
 * this service (a lesson-length workshop up to a full-day excursion, a class up to a school
 * hall), chosen to catch typing mistakes, not to decide what is fundable.
 */
export const ACTIVITY_LIMITS = {
  titleLength: { min: 3, max: 200 },
  descriptionLength: { min: 1, max: 5000 },
  textLength: { max: 2000 },
  municipalityLength: { max: 100 },
  durationMinutes: { min: 15, max: 720 },
  maxGroupSize: { min: 1, max: 1000 },
} as const;

export interface ActivityDraftInput {
  title: string;
  description: string;
  fields: readonly string[];
  gradeBands: readonly string[];
  curriculumLink?: string | null;
  format: string;
  durationMinutes: number;
  language: string;
  municipality?: string | null;
  planningRegion?: string | null;
  maxGroupSize: number;
  accessibility?: string | null;
}

export interface ValidActivityDraft {
  title: string;
  description: string;
  fields: ActivityField[];
  gradeBands: GradeBand[];
  curriculumLink: string | null;
  format: ActivityFormat;
  durationMinutes: number;
  language: string;
  municipality: string | null;
  planningRegion: PlanningRegion | null;
  maxGroupSize: number;
  accessibility: string | null;
}

/** One-line text: white space collapsed. */
function text(value: string, field: string, { min, max }: { min: number; max: number }): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (trimmed.length < min || trimmed.length > max) throw validationFailed(`${field} must be ${min}-${max} characters`, field);
  return trimmed;
}

/** Prose: trimmed, paragraphs kept. */
function prose(value: string, field: string, { min, max }: { min: number; max: number }): string {
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max) throw validationFailed(`${field} must be ${min}-${max} characters`, field);
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const trimmed = value?.trim() || null;
  if (trimmed && trimmed.length > max) throw validationFailed(`${field} is limited to ${max} characters`, field);
  return trimmed;
}

function wholeNumber(value: number, field: string, { min, max }: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw validationFailed(`${field} must be a whole number from ${min} to ${max}`, field);
  return value;
}

/** A non-empty set of known values, in the canonical order (so equal sets compare equal). */
function subsetOf<T extends string>(values: readonly string[], known: readonly T[], field: string, what: string): T[] {
  if (values.length === 0) throw validationFailed(`An activity needs at least one ${what}`, field);
  const unknown = values.filter((value) => !(known as readonly string[]).includes(value));
  if (unknown.length > 0) throw validationFailed(`Unknown ${what}: ${unknown.join(', ')}`, field);
  return known.filter((value) => values.includes(value));
}

function oneOf<T extends string>(value: string, known: readonly T[], field: string): T {
  if (!(known as readonly string[]).includes(value)) throw validationFailed(`${field} must be one of ${known.join(', ')}`, field);
  return value as T;
}

/** Languages are ISO 639-1 codes (`lv`, `en`, `ru`, ...), stored in lower case. */
const LANGUAGE_CODE = /^[a-z]{2}$/;

/**
 * Checks and normalises a provider's description of an activity. An activity met in person
 * (at the provider or at the school) must say where, so that schools can filter by place;
 * an online one may leave the place empty.
 */
export function validateActivityDraft(input: ActivityDraftInput): ValidActivityDraft {
  const title = text(input.title, 'title', ACTIVITY_LIMITS.titleLength);
  const description = prose(input.description, 'description', ACTIVITY_LIMITS.descriptionLength);
  const fields = subsetOf(input.fields, ACTIVITY_FIELDS, 'fields', 'field');
  const gradeBands = subsetOf(input.gradeBands, GRADE_BANDS, 'gradeBands', 'grade band');
  const curriculumLink = optionalText(input.curriculumLink, 'curriculumLink', ACTIVITY_LIMITS.textLength.max);
  const format = oneOf(input.format, ACTIVITY_FORMATS, 'format');
  const durationMinutes = wholeNumber(input.durationMinutes, 'durationMinutes', ACTIVITY_LIMITS.durationMinutes);
  const language = input.language.trim().toLowerCase();
  if (!LANGUAGE_CODE.test(language)) throw validationFailed('language must be an ISO 639-1 code such as lv or en', 'language');
  const municipality = optionalText(input.municipality, 'municipality', ACTIVITY_LIMITS.municipalityLength.max);
  const planningRegion = input.planningRegion ? oneOf(input.planningRegion, PLANNING_REGIONS, 'planningRegion') : null;
  if (format !== 'ONLINE') {
    if (!municipality) throw validationFailed('An activity held in person needs its municipality', 'municipality');
    if (!planningRegion) throw validationFailed('An activity held in person needs its planning region', 'planningRegion');
  }
  const maxGroupSize = wholeNumber(input.maxGroupSize, 'maxGroupSize', ACTIVITY_LIMITS.maxGroupSize);
  const accessibility = optionalText(input.accessibility, 'accessibility', ACTIVITY_LIMITS.textLength.max);
  return {
    title,
    description,
    fields,
    gradeBands,
    curriculumLink,
    format,
    durationMinutes,
    language,
    municipality,
    planningRegion,
    maxGroupSize,
    accessibility,
  };
}
