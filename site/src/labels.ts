import type {
  ActivityField,
  ActivityFormat,
  ActivitySort,
  BookingStatus,
  GradeBand,
  PlanningRegion,
  ProviderKind,
} from './generated/operations';

/**
 * The Latvian words the site shows for the API's enums. The API's names stay English
 * identifiers; these labels are data for people (a `satisfies` record fails the typecheck when
 * the schema gains a value the site cannot name).
 */
export const FIELD_LABELS = {
  MATHEMATICS: 'Matemātika',
  PHYSICS: 'Fizika',
  CHEMISTRY: 'Ķīmija',
  BIOLOGY: 'Bioloģija',
  GEOGRAPHY: 'Ģeogrāfija',
  COMPUTING: 'Datorika',
  ENGINEERING: 'Inženierzinātnes',
  DESIGN_AND_TECHNOLOGY: 'Dizains un tehnoloģijas',
  CIVIC_PARTICIPATION: 'Pilsoniskā līdzdalība',
} satisfies Record<ActivityField, string>;

export const GRADE_BAND_LABELS = {
  PRESCHOOL_5_6: 'Pirmsskola (5–6 gadi)',
  GRADES_1_3: '1.–3. klase',
  GRADES_4_6: '4.–6. klase',
  GRADES_7_9: '7.–9. klase',
  GRADES_10_12: '10.–12. klase',
} satisfies Record<GradeBand, string>;

export const REGION_LABELS = {
  RIGA: 'Rīgas reģions',
  VIDZEME: 'Vidzeme',
  KURZEME: 'Kurzeme',
  ZEMGALE: 'Zemgale',
  LATGALE: 'Latgale',
} satisfies Record<PlanningRegion, string>;

export const FORMAT_LABELS = {
  AT_PROVIDER: 'Pie piedāvātāja',
  AT_SCHOOL: 'Skolā',
  ONLINE: 'Tiešsaistē',
} satisfies Record<ActivityFormat, string>;

export const SORT_LABELS = {
  TITLE: 'Pēc nosaukuma (A–Ž)',
  NEWEST: 'Jaunākās vispirms',
  NEXT_SESSION: 'Tuvākā nodarbība vispirms',
} satisfies Record<ActivitySort, string>;

export const PROVIDER_KIND_LABELS = {
  INSTITUTION: 'Izglītības iestāde',
  MUSEUM: 'Muzejs',
  COMPANY: 'Uzņēmums',
  ASSOCIATION: 'Biedrība',
  UNIVERSITY: 'Augstskola',
  OTHER: 'Cita organizācija',
} satisfies Record<ProviderKind, string>;

/** The values of a label record, in the order written above (the order the site lists them). */
export const valuesOf = <K extends string>(labels: Record<K, string>): K[] => Object.keys(labels) as K[];

export const BOOKING_STATUS_LABELS = {
  CONFIRMED: 'apstiprināts',
  WAITING: 'rindā',
  CANCELLED: 'atcelts',
  ATTENDED: 'apmeklēts',
  NO_SHOW: 'neieradās',
} satisfies Record<BookingStatus, string>;

/** Grade 0 is the compulsory pre-school group (age 5–6); 1–12 are school grades. */
export const gradeLabel = (grade: number): string => (grade === 0 ? 'pirmsskolas grupa (5–6 gadi)' : `${grade}. klase`);

const euro = new Intl.NumberFormat('lv-LV', { style: 'currency', currency: 'EUR' });

/** Euro cents as Latvians write money, e.g. `1 234,50 €`. */
export const formatEuroCents = (cents: number): string => euro.format(cents / 100);

/** `2026/2027-1` as `2026/2027 m. g., 1. pusgads` (1: autumn, 2: spring). */
export const semesterLabel = (semester: string): string => {
  const [year, half] = semester.split('-');
  return half ? `${year} m. g., ${half}. pusgads` : semester;
};
