import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldForSearch, likePattern } from '../searchText';

describe('foldForSearch', () => {
  it('folds Latvian diacritics and case so that "Rīgas Ķengaraga" matches "rigas kengaraga"', () => {
    assert.equal(foldForSearch('Rīgas Ķengaraga'), 'rigas kengaraga');
    assert.equal(foldForSearch('rigas kengaraga'), 'rigas kengaraga');
  });

  it('folds every Latvian letter with a diacritic to its base letter', () => {
    assert.equal(foldForSearch('ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž'), 'acegiklnsuz acegiklnsuz');
  });

  it('collapses and trims white space', () => {
    assert.equal(foldForSearch('  Rīgas \t Ķengaraga\n vidusskola  '), 'rigas kengaraga vidusskola');
  });

  it('is idempotent', () => {
    const once = foldForSearch('Daugavpils Valsts ģimnāzija');
    assert.equal(foldForSearch(once), once);
  });
});

describe('likePattern', () => {
  it('wraps the folded fragment in % for a contains match', () => {
    assert.equal(likePattern(' Rīga '), '%riga%');
  });

  it('escapes %, _ and backslash so that they match themselves', () => {
    assert.equal(likePattern('50%_off'), '%50\\%\\_off%');
    assert.equal(likePattern('a\\b'), '%a\\\\b%');
  });
});
