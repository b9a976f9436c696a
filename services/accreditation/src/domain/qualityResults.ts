import { validationFailed } from '@eq/shared/errors';
import { isQualityCategory, isQualityLevel, QUALITY_CATEGORIES, type QualityResult } from './qualityScale';

/**
 * An accreditation decision assesses every quality category, each once: a missing category
 * would leave a result unpublished, a repeated one would be two results for one category.
 * Returns the results in the regulation's order of categories.
 */
export function assertCompleteResults(results: ReadonlyArray<{ category: string; level: string }>): QualityResult[] {
  const byCategory = new Map<string, QualityResult>();
  for (const [index, result] of results.entries()) {
    if (!isQualityCategory(result.category))
      throw validationFailed(`Unknown quality category ${result.category}`, `results.${index}.category`);
    if (!isQualityLevel(result.level)) throw validationFailed(`Unknown quality level ${result.level}`, `results.${index}.level`);
    if (byCategory.has(result.category)) throw validationFailed(`${result.category} has more than one result`, `results.${index}.category`);
    byCategory.set(result.category, { category: result.category, level: result.level });
  }
  const missing = QUALITY_CATEGORIES.filter(({ code }) => !byCategory.has(code)).map(({ code }) => code);
  if (missing.length > 0)
    throw validationFailed(`A result is required for every quality category; missing ${missing.join(', ')}`, 'results');
  return QUALITY_CATEGORIES.map(({ code }) => byCategory.get(code)!);
}
