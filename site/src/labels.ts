import type { ActivityField, ActivityFormat, ActivitySort, GradeBand, PlanningRegion, ProviderKind } from './generated/operations';

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
