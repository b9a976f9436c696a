import { foldForSearch } from '@eq/shared/searchText';
import { validationFailed } from '@eq/shared/errors';

/**
 * Latvia's 43 municipalities since the 2021 administrative-territorial reform: 7 state cities
 * and 36 municipalities (novadi). The count matches the 43 municipalities that found schools
 * in measure 4.2.2.1's partner list. A founder or implementation place outside this list is
 * unknown to the register. Configurable: pass another list to `createMunicipalityClassifier`.
 */
export const LATVIAN_MUNICIPALITIES: readonly string[] = [
  'Daugavpils',
  'Jelgava',
  'Jūrmala',
  'Liepāja',
  'Rēzekne',
  'Rīga',
  'Ventspils',
  'Aizkraukles novads',
  'Alūksnes novads',
  'Augšdaugavas novads',
  'Ādažu novads',
  'Balvu novads',
  'Bauskas novads',
  'Cēsu novads',
  'Dienvidkurzemes novads',
  'Dobeles novads',
  'Gulbenes novads',
  'Jelgavas novads',
  'Jēkabpils novads',
  'Krāslavas novads',
  'Kuldīgas novads',
  'Ķekavas novads',
  'Limbažu novads',
  'Līvānu novads',
  'Ludzas novads',
  'Madonas novads',
  'Mārupes novads',
  'Ogres novads',
  'Olaines novads',
  'Preiļu novads',
  'Rēzeknes novads',
  'Ropažu novads',
  'Salaspils novads',
  'Saldus novads',
  'Saulkrastu novads',
  'Siguldas novads',
  'Smiltenes novads',
  'Talsu novads',
  'Tukuma novads',
  'Valkas novads',
  'Valmieras novads',
  'Varakļānu novads',
  'Ventspils novads',
];

/**
 * The name of a municipality's authority, the founder of its schools, as the register writes it:
 * "Cēsu novada pašvaldība", "Rīgas valstspilsētas pašvaldība". The genitive of a state city is
 * formed as Latvian declension does for these seven (-a, -e take -s; -pils stays); our rule, for
 * the names of `LATVIAN_MUNICIPALITIES`.
 */
export function municipalityAuthorityName(municipality: string): string {
  if (municipality.endsWith(' novads')) return `${municipality.slice(0, -' novads'.length)} novada pašvaldība`;
  const genitive = /[ae]$/.test(municipality) ? `${municipality}s` : municipality;
  return `${genitive} valstspilsētas pašvaldība`;
}

export interface MunicipalityClassifier {
  /** The official spelling of a municipality, matched ignoring case and diacritics; throws VALIDATION_FAILED when unknown. */
  canonical(name: string, field: string): string;
}

export function createMunicipalityClassifier(names: readonly string[] = LATVIAN_MUNICIPALITIES): MunicipalityClassifier {
  const byFolded = new Map(names.map((name) => [foldForSearch(name), name]));
  return {
    canonical(name, field) {
      const found = byFolded.get(foldForSearch(name));
      if (!found)
        throw validationFailed(
          `Unknown municipality "${name}": use one of Latvia's ${names.length} municipalities, e.g. "Rīga" or "Cēsu novads"`,
          field,
        );
      return found;
    },
  };
}
