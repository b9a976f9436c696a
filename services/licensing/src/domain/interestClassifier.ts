import { notFound, validationFailed } from '@eq/shared/errors';

/**
 * The classifier of interest-education programme areas and sub-areas
 * (`docs/reference/interest-education-classifier.json`), copied here as data because the
 * service must run without the reference folder beside it; a unit test checks the copy against
 * the reference file whenever that file is present. Entry codes are this service's identifiers
 * (the reference gives labels only); `labelLv` is the official label.
 */
export const INTEREST_AREAS = [
  { code: 'AK', labelLv: 'Kultūrizglītība', labelEn: 'Cultural education (music, dance, theatre, art, folklore)' },
  {
    code: 'AT',
    labelLv: 'STEM (zinātne, tehnoloģijas, inženierzinātne, matemātika)',
    labelEn: 'STEM (science, technology, engineering, mathematics)',
  },
  { code: 'AS', labelLv: 'Sports un fiziskās aktivitātes', labelEn: 'Sport and physical activity' },
  { code: 'AP', labelLv: 'Sociālā un pilsoniskā joma', labelEn: 'Social and civic area' },
  { code: 'AM', labelLv: 'Mazākumtautību valodas un kultūrvēsture', labelEn: 'Minority languages and cultural history' },
] as const;

export type InterestAreaCode = (typeof INTEREST_AREAS)[number]['code'];

/** The STEM area, whose share of the targeted subsidy has a minimum. */
export const STEM_AREA: InterestAreaCode = 'AT';

export interface ClassifierEntry {
  code: string;
  /** Null for an entry of the retired classifier's own area ("Citas programmas"), which has no code in the current one. */
  area: InterestAreaCode | null;
  labelLv: string;
  labelEn: string;
  /** First day it may be chosen; null when the source gives none. */
  validFrom: string | null;
  /** Last day it may be chosen; null while it is in use. */
  validTo: string | null;
}

const current = (code: string, area: InterestAreaCode, labelLv: string, labelEn: string, validFrom: string): ClassifierEntry => ({
  code,
  area,
  labelLv,
  labelEn,
  validFrom,
  validTo: null,
});

/** The last day of the earlier classifier (`retired.validTo` in the reference). */
export const RETIRED_CLASSIFIER_VALID_TO = '2024-08-31';

export const CLASSIFIER_ENTRIES: readonly ClassifierEntry[] = [
  current('AK_MUSIC', 'AK', 'Kultūrizglītība, Mūzika', 'Music', '2012-01-01'),
  current('AK_DANCE', 'AK', 'Kultūrizglītība, Deja', 'Dance', '2012-01-01'),
  current('AK_FOLKLORE', 'AK', 'Kultūrizglītība, Folklora', 'Folklore', '2012-01-01'),
  current('AK_THEATRE', 'AK', 'Kultūrizglītība, Teātris', 'Theatre', '2012-01-01'),
  current('AK_VISUAL_ARTS', 'AK', 'Kultūrizglītība, Vizuālā un vizuāli plastiskā māksla', 'Visual and plastic arts', '2012-01-01'),
  current(
    'AT_MODELLING',
    'AT',
    'Inženierzinātne, Auto/moto/avio/raķešu, ūdens transporta modelisms',
    'Engineering: car, motorcycle, aircraft, rocket and watercraft modelling',
    '2024-09-01',
  ),
  current(
    'AT_CONSTRUCTION',
    'AT',
    'Inženierzinātne, Konstruēšana un tehniskā modelēšana',
    'Engineering: construction and technical modelling',
    '2024-09-01',
  ),
  current('AT_MECHATRONICS', 'AT', 'Inženierzinātne, Mehatronika', 'Engineering: mechatronics', '2024-09-01'),
  current('AT_COMPUTING', 'AT', 'Tehnoloģijas, Datorika', 'Technology: computing', '2024-09-01'),
  current('AT_DESIGN_TECHNOLOGY', 'AT', 'Tehnoloģijas, Dizains un tehnoloģijas', 'Technology: design and technology', '2024-09-01'),
  current('AT_CREATIVE_INDUSTRIES', 'AT', 'Tehnoloģijas, Radošās industrijas', 'Technology: creative industries', '2024-09-01'),
  current('AT_NATURAL_SCIENCE', 'AT', 'Zinātne, Dabaszinātne', 'Science: natural science', '2024-09-01'),
  current('AT_MATHEMATICS', 'AT', 'Matemātika', 'Mathematics', '2024-09-01'),
  current('AS_BOARD_GAMES', 'AS', 'Sports, Galda spēles', 'Sport: board games', '2024-09-01'),
  current(
    'AS_INDIVIDUAL_SPORTS',
    'AS',
    'Sports un fiziskās aktivitātes, Individuālie sporta veidi',
    'Sport: individual sports',
    '2024-09-01',
  ),
  current('AS_TEAM_GAMES', 'AS', 'Sports un fiziskās aktivitātes, Sporta spēles', 'Sport: team games', '2024-09-01'),
  current('AP_GENERAL', 'AP', 'Sociālā un pilsoniskā joma', 'Social and civic (general)', '2024-09-01'),
  current(
    'AP_OTHER_EDUCATIONAL',
    'AP',
    'Sociālā un pilsoniskā joma, Citas izglītojošas programmas',
    'Other educational programmes',
    '2024-09-01',
  ),
  current('AP_ECONOMICS', 'AP', 'Sociālā un pilsoniskā joma, Ekonomika un uzņēmējdarbība', 'Economics and entrepreneurship', '2024-09-01'),
  current('AP_YOUTH_INITIATIVES', 'AP', 'Sociālā un pilsoniskā joma, Jauniešu iniciatīvas', 'Youth initiatives', '2024-09-01'),
  current('AP_CULTURAL_STUDIES', 'AP', 'Sociālā un pilsoniskā joma, Kulturoloģija', 'Cultural studies', '2024-09-01'),
  current('AP_SAFETY', 'AP', 'Sociālā un pilsoniskā joma, Personīgā un sociālā drošība', 'Personal and social safety', '2024-09-01'),
  current('AP_MEDIA', 'AP', 'Sociālā un pilsoniskā joma, Plašsaziņas līdzekļi un komunikācija', 'Media and communication', '2024-09-01'),
  current('AP_LANGUAGE', 'AP', 'Sociālā un pilsoniskā joma, Valoda', 'Language', '2024-09-01'),
  current('AP_LANGUAGE_PRACTICE', 'AP', 'Sociālā un pilsoniskā joma, Valoddarbība', 'Language practice', '2024-09-01'),
  current('AP_HISTORY', 'AP', 'Sociālā un pilsoniskā joma, Vēsture', 'History', '2024-09-01'),
  current('AP_HEALTH', 'AP', 'Medicīna un veselība', 'Medicine and health literacy', '2024-09-01'),
  current('AM_MINORITY_LANGUAGE', 'AM', 'Mazākumtautību valoda un kultūrvēsture', 'Minority language and cultural history', '2024-09-01'),
  // The earlier classifier's area "Citas programmas", the one entry of it the reference's
  // `retired` note names. Kept so that programmes registered before 2024-09-01 still resolve
  // their entry; it cannot be chosen for anything starting later.
  {
    code: 'RETIRED_OTHER_PROGRAMMES',
    area: null,
    labelLv: 'Citas programmas',
    labelEn: 'Other programmes (earlier classifier)',
    validFrom: null,
    validTo: RETIRED_CLASSIFIER_VALID_TO,
  },
];

const entryByCode = new Map(CLASSIFIER_ENTRIES.map((entry) => [entry.code, entry]));

export function classifierEntry(code: string): ClassifierEntry | undefined {
  return entryByCode.get(code);
}

export function interestArea(code: InterestAreaCode) {
  return INTEREST_AREAS.find((area) => area.code === code)!;
}

/** True when the entry may be chosen on `date`: on or after its first day and on or before its last. */
export function isValidOn(entry: ClassifierEntry, date: string): boolean {
  return (entry.validFrom === null || entry.validFrom <= date) && (entry.validTo === null || entry.validTo >= date);
}

/** The classifier as of a date: the entries that may be chosen for a programme starting that day. */
export function classifierAsOf(date: string): ClassifierEntry[] {
  return CLASSIFIER_ENTRIES.filter((entry) => isValidOn(entry, date));
}

/**
 * The entry a programme starting on `startsOn` is classified with. An entry that ended before
 * the start (e.g. the earlier classifier, ended 2024-08-31, for a programme starting on
 * 2024-09-01) or begins after it is refused.
 */
export function assertSelectable(code: string, startsOn: string): ClassifierEntry {
  const entry = classifierEntry(code);
  if (!entry) throw notFound('Interest-education classifier entry', code);
  if (!isValidOn(entry, startsOn)) {
    const window =
      entry.validTo !== null && entry.validTo < startsOn ? `ended on ${entry.validTo}` : `applies only from ${entry.validFrom}`;
    throw validationFailed(
      `Classifier entry ${code} ("${entry.labelLv}") ${window}: it cannot be chosen for a programme starting on ${startsOn}`,
      'classifierCode',
    );
  }
  return entry;
}
