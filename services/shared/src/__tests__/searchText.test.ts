import { describe, expect, it } from '@jest/globals';
import { foldForSearch, likePattern } from '../searchText';

describe('foldForSearch', () => {
  it('folds Latvian diacritics and case so that "Rīgas Ķengaraga" matches "rigas kengaraga"', () => {
    expect(foldForSearch('Rīgas Ķengaraga')).toBe('rigas kengaraga');
    expect(foldForSearch('rigas kengaraga')).toBe('rigas kengaraga');
  });

  it('folds every Latvian letter with a diacritic to its base letter', () => {
    expect(foldForSearch('ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž')).toBe('acegiklnsuz acegiklnsuz');
  });

  it('collapses and trims white space', () => {
    expect(foldForSearch('  Rīgas \t Ķengaraga\n vidusskola  ')).toBe('rigas kengaraga vidusskola');
  });

  it('is idempotent', () => {
    const once = foldForSearch('Daugavpils Valsts ģimnāzija');
    expect(foldForSearch(once)).toBe(once);
  });
});

describe('likePattern', () => {
  it('wraps the folded fragment in % for a contains match', () => {
    expect(likePattern(' Rīga ')).toBe('%riga%');
  });

  it('escapes %, _ and backslash so that they match themselves', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%');
    expect(likePattern('a\\b')).toBe('%a\\\\b%');
  });
});
