/**
 * The quality assessment scale of Cabinet Regulation No. 325 (2024-06-04), as listed in
 * `docs/reference/quality-assessment.json`: four categories, five levels. Copied here as
 * data because the service must run without the reference folder beside it; a unit test
 * checks the copy against the reference file whenever that file is present.
 */
export const QUALITY_CATEGORIES = [
  { code: 'FITNESS_FOR_PURPOSE', labelLv: 'Atbilstība mērķiem' },
  { code: 'QUALITY_TEACHING', labelLv: 'Kvalitatīvas mācības' },
  { code: 'INCLUSIVE_ENVIRONMENT', labelLv: 'Iekļaujoša vide' },
  { code: 'GOOD_GOVERNANCE', labelLv: 'Laba pārvaldība' },
] as const;

/** Levels lowest first; `rank` orders them (1 = insufficient, 5 = excellent). */
export const QUALITY_LEVELS = [
  { code: 'INSUFFICIENT', labelLv: 'Nepietiekami', rank: 1 },
  { code: 'NEEDS_IMPROVEMENT', labelLv: 'Jāpilnveido', rank: 2 },
  { code: 'GOOD', labelLv: 'Labi', rank: 3 },
  { code: 'VERY_GOOD', labelLv: 'Ļoti labi', rank: 4 },
  { code: 'EXCELLENT', labelLv: 'Izcili', rank: 5 },
] as const;

export type QualityCategory = (typeof QUALITY_CATEGORIES)[number]['code'];
export type QualityLevel = (typeof QUALITY_LEVELS)[number]['code'];

export interface QualityResult {
  category: QualityCategory;
  level: QualityLevel;
}

const categoryByCode = new Map<string, (typeof QUALITY_CATEGORIES)[number]>(QUALITY_CATEGORIES.map((c) => [c.code, c]));
const levelByCode = new Map<string, (typeof QUALITY_LEVELS)[number]>(QUALITY_LEVELS.map((l) => [l.code, l]));

export const isQualityCategory = (code: string): code is QualityCategory => categoryByCode.has(code);
export const isQualityLevel = (code: string): code is QualityLevel => levelByCode.has(code);

export function categoryLabelLv(category: QualityCategory): string {
  return categoryByCode.get(category)!.labelLv;
}

export function levelLabelLv(level: QualityLevel): string {
  return levelByCode.get(level)!.labelLv;
}

export function levelRank(level: QualityLevel): number {
  return levelByCode.get(level)!.rank;
}

/** The levels ranked under `level`, lowest first. */
export function levelsBelow(level: QualityLevel): QualityLevel[] {
  return QUALITY_LEVELS.filter((candidate) => candidate.rank < levelRank(level)).map(({ code }) => code);
}

/** The lowest level among the results (the one a term policy looks at). */
export function lowestLevel(results: readonly QualityResult[]): QualityLevel {
  if (results.length === 0) throw new RangeError('lowestLevel needs at least one result');
  return results.reduce((lowest, result) => (levelRank(result.level) < levelRank(lowest) ? result.level : lowest), results[0]!.level);
}
