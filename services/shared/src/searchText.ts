/**
 * Folds a name for search: lower case, Latvian (and other) diacritics removed, white space
 * collapsed. "Rīgas Ķengaraga" and "rigas kengaraga" fold to the same text. Stored beside the
 * name so that search is a plain indexed LIKE, with no database extension needed.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes LIKE wildcards in user input so that `%` and `_` match themselves. */
export function likePattern(fragment: string): string {
  return `%${foldForSearch(fragment).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
