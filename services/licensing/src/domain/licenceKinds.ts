import { validationFailed } from '@eq/shared/errors';
import { isIsoDate } from '@eq/shared/scalars';

/**
 * The kinds of licence the programme register records (`registers-2024.json`, licensing2024):
 * general programmes, their special-needs variants, international (IB) programmes, distance
 * learning, the vocational kinds, modular programmes and derived registrations.
 */
export const LICENCE_KINDS = [
  'GENERAL',
  'SPECIAL',
  'INTERNATIONAL',
  'DISTANCE_LEARNING',
  'VOCATIONAL_INITIAL',
  'VOCATIONAL_CONTINUING',
  'PROFESSIONAL_DEVELOPMENT',
  'PROFESSIONAL_ORIENTATION',
  'MODULAR',
  'DERIVED',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export type ProgrammeLevel = 'PRESCHOOL' | 'BASIC' | 'SECONDARY' | 'VOCATIONAL';

/** The disorder categories of the special-needs programmes licensed in 2024, in the order `registers-2024.json` lists them. */
export const SPECIAL_NEEDS_CATEGORIES_2024 = [
  { code: 'LANGUAGE_DISORDERS', en: 'language disorders' },
  { code: 'LEARNING_DISORDERS', en: 'learning disorders' },
  { code: 'MENTAL_HEALTH_DISORDERS', en: 'mental health disorders' },
  { code: 'INTELLECTUAL_DEVELOPMENT_DISORDERS', en: 'intellectual development disorders' },
  {
    code: 'SEVERE_OR_SEVERAL_DEVELOPMENTAL_DISORDERS',
    en: 'severe intellectual development disorders or several severe developmental disorders',
  },
  { code: 'MIXED_DEVELOPMENTAL_DISORDERS', en: 'mixed developmental disorders' },
] as const;

/**
 * Every category a special-needs programme may be licensed for: the 2024 six, and the public
 * programme-code families of special education for learners with visual, hearing or physical
 * development impairments or somatic diseases, which no programme licensed in 2024 used (issue 16:
 * the list was closed at the 2024 six). Stored as text without a CHECK, so no migration.
 */
export const SPECIAL_NEEDS_CATEGORIES = [
  { code: 'VISUAL_IMPAIRMENTS', en: 'visual impairments' },
  { code: 'HEARING_IMPAIRMENTS', en: 'hearing impairments' },
  { code: 'PHYSICAL_DEVELOPMENT_DISORDERS', en: 'physical development disorders' },
  { code: 'SOMATIC_DISEASES', en: 'somatic diseases' },
  ...SPECIAL_NEEDS_CATEGORIES_2024,
] as const;
export type SpecialNeedsCategory = (typeof SPECIAL_NEEDS_CATEGORIES)[number]['code'];

/** IB programmes (`registers-2024.json` internationalProgrammes) and the level each is taught at. */
export const INTERNATIONAL_PROGRAMMES = [
  { code: 'IB_PYP', en: 'IB Primary Years Programme (grades 1-6)', level: 'BASIC' },
  { code: 'IB_MYP', en: 'IB Middle Years Programme (grades 7-9)', level: 'BASIC' },
  { code: 'IB_DP', en: 'IB Diploma Programme', level: 'SECONDARY' },
] as const;
export type InternationalProgramme = (typeof INTERNATIONAL_PROGRAMMES)[number]['code'];

/** Professional orientation programmes are in music, art, dance or sport. */
export const PROFESSIONAL_ORIENTATION_FIELDS = ['MUSIC', 'ART', 'DANCE', 'SPORT'] as const;
export type ProfessionalOrientationField = (typeof PROFESSIONAL_ORIENTATION_FIELDS)[number];

/** A document a licence relies on: the 'Latvijas mācība' permit, or proof of accreditation. */
export interface LicenceDocument {
  number: string;
  issuedOn: string;
}

/** The kind-specific attributes of a licence, as given and as stored. */
export interface LicenceAttributes {
  kind: LicenceKind;
  level: ProgrammeLevel;
  specialNeedsCategory?: SpecialNeedsCategory | null;
  internationalProgramme?: InternationalProgramme | null;
  latvianStudiesPermit?: LicenceDocument | null;
  accreditationProof?: LicenceDocument | null;
  professionalOrientationField?: ProfessionalOrientationField | null;
  derivedFromId?: string | null;
}

export type NormalisedAttributes = Required<LicenceAttributes>;

const VOCATIONAL_KINDS: ReadonlySet<LicenceKind> = new Set([
  'VOCATIONAL_INITIAL',
  'VOCATIONAL_CONTINUING',
  'PROFESSIONAL_DEVELOPMENT',
  'PROFESSIONAL_ORIENTATION',
  'MODULAR',
  'DERIVED',
]);

export const isVocationalKind = (kind: LicenceKind): boolean => VOCATIONAL_KINDS.has(kind);

/**
 * The kind of a licence issued without one: licences were issued before kinds were recorded,
 * and callers from then still give only the level. A vocational programme without a named kind
 * is initial vocational education, the base vocational kind; any other is a general programme.
 */
export const defaultKind = (level: ProgrammeLevel): LicenceKind => (level === 'VOCATIONAL' ? 'VOCATIONAL_INITIAL' : 'GENERAL');

function assertDocument(document: LicenceDocument | null | undefined, field: string, what: string): LicenceDocument {
  if (!document) throw validationFailed(`${what} is required`, field);
  const number = document.number.trim();
  if (number.length === 0 || number.length > 100) throw validationFailed(`${what}: number must be 1-100 characters`, field);
  if (!isIsoDate(document.issuedOn)) throw validationFailed(`${what}: issuedOn must be YYYY-MM-DD`, field);
  return { number, issuedOn: document.issuedOn };
}

/**
 * The rules tying a licence's kind to its level and attributes. Each attribute belongs to one
 * kind and is refused on any other, so a stored licence never carries a stray permit or category.
 * - SPECIAL needs its disorder category and is a general programme (pre-school, basic, secondary).
 * - INTERNATIONAL needs the IB programme, which fixes the level (PYP and MYP basic, DP secondary),
 *   a permit for 'Latvijas mācība' and proof of the programme's accreditation.
 * - DISTANCE_LEARNING is for basic or secondary programmes (policy: pre-school education is not
 *   taught at a distance; the 2024 register has distance learning only at basic level).
 * - Vocational kinds are at the VOCATIONAL level; PROFESSIONAL_ORIENTATION names its field
 *   (music, art, dance, sport); DERIVED names the licence it is derived from.
 * - GENERAL is a general programme at any non-vocational level.
 */
export function assertLicenceAttributes(attributes: LicenceAttributes): NormalisedAttributes {
  const { kind, level } = attributes;
  const only = (present: unknown, owner: LicenceKind, field: string) => {
    if (present != null && kind !== owner) throw validationFailed(`${field} applies only to ${owner} licences`, field);
  };
  only(attributes.specialNeedsCategory, 'SPECIAL', 'specialNeedsCategory');
  only(attributes.internationalProgramme, 'INTERNATIONAL', 'internationalProgramme');
  only(attributes.latvianStudiesPermit, 'INTERNATIONAL', 'latvianStudiesPermit');
  only(attributes.accreditationProof, 'INTERNATIONAL', 'accreditationProof');
  only(attributes.professionalOrientationField, 'PROFESSIONAL_ORIENTATION', 'professionalOrientationField');
  only(attributes.derivedFromId, 'DERIVED', 'derivedFromId');

  if (isVocationalKind(kind) && level !== 'VOCATIONAL')
    throw validationFailed(`A ${kind} licence is for a vocational programme (level VOCATIONAL)`, 'level');
  if (!isVocationalKind(kind) && level === 'VOCATIONAL')
    throw validationFailed(`A ${kind} licence is for a general programme, not level VOCATIONAL`, 'level');

  const normalised: NormalisedAttributes = {
    kind,
    level,
    specialNeedsCategory: null,
    internationalProgramme: null,
    latvianStudiesPermit: null,
    accreditationProof: null,
    professionalOrientationField: null,
    derivedFromId: null,
  };
  switch (kind) {
    case 'SPECIAL':
      if (!attributes.specialNeedsCategory)
        throw validationFailed('A special-needs programme needs its disorder category', 'specialNeedsCategory');
      normalised.specialNeedsCategory = attributes.specialNeedsCategory;
      break;
    case 'INTERNATIONAL': {
      const programme = INTERNATIONAL_PROGRAMMES.find((candidate) => candidate.code === attributes.internationalProgramme);
      if (!programme)
        throw validationFailed('An international programme names its IB programme (IB_PYP, IB_MYP or IB_DP)', 'internationalProgramme');
      if (programme.level !== level)
        throw validationFailed(`${programme.code} is a ${programme.level.toLowerCase()} programme, not ${level.toLowerCase()}`, 'level');
      normalised.internationalProgramme = programme.code;
      normalised.latvianStudiesPermit = assertDocument(
        attributes.latvianStudiesPermit,
        'latvianStudiesPermit',
        "The permit for the subject 'Latvijas mācība'",
      );
      normalised.accreditationProof = assertDocument(
        attributes.accreditationProof,
        'accreditationProof',
        "Proof of the programme's accreditation",
      );
      break;
    }
    case 'DISTANCE_LEARNING':
      if (level === 'PRESCHOOL') throw validationFailed('Distance learning is for basic or secondary programmes', 'level');
      break;
    case 'PROFESSIONAL_ORIENTATION':
      if (!attributes.professionalOrientationField)
        throw validationFailed(
          'A professional orientation programme names its field (music, art, dance or sport)',
          'professionalOrientationField',
        );
      normalised.professionalOrientationField = attributes.professionalOrientationField;
      break;
    case 'DERIVED':
      if (!attributes.derivedFromId) throw validationFailed('A derived registration names the licence it is derived from', 'derivedFromId');
      normalised.derivedFromId = attributes.derivedFromId;
      break;
    default:
      break;
  }
  return normalised;
}
