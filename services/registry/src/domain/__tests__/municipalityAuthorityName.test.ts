import { describe, expect, it } from '@jest/globals';
import { LATVIAN_MUNICIPALITIES, municipalityAuthorityName } from '../municipalities';

describe('municipalityAuthorityName', () => {
  it('names a novads authority in the genitive', () => {
    expect(municipalityAuthorityName('Cēsu novads')).toBe('Cēsu novada pašvaldība');
  });

  it('names a state city authority with the city in the genitive', () => {
    expect(['Rīga', 'Rēzekne', 'Daugavpils'].map(municipalityAuthorityName)).toStrictEqual([
      'Rīgas valstspilsētas pašvaldība',
      'Rēzeknes valstspilsētas pašvaldība',
      'Daugavpils valstspilsētas pašvaldība',
    ]);
  });

  it('gives every municipality of the register a Latvian authority name', () => {
    for (const name of LATVIAN_MUNICIPALITIES) expect(municipalityAuthorityName(name)).toMatch(/ (novada|valstspilsētas) pašvaldība$/);
  });
});
