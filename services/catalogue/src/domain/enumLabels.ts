import { type EnumLabelText, PLANNING_REGION_LABELS } from '@eq/shared/enumLabels';
import type {
  ActivityField,
  ActivityFormat,
  ActivitySort,
  ActivityStatus,
  AreaLevel,
  BookingStatus,
  GradeBand,
  ProviderKind,
  ReviewDecision,
  SessionStatus,
} from '../generated/resolvers';
import { MEASURE_4221_FINANCING } from './fundPolicy';

/**
 * The catalogue's Latvian (and English) labels for every enum value of its schema, served as
 * data by `catalogueEnumLabels`. Funding sources reuse the labels of source 003 kept in
 * fundPolicy.ts; "001" and "003" are the slides on interest education and ESF+ measure
 * 4.2.2.1 (STEM fields, pre-school to secondary); labels marked "ours" have no source wording.
 */
export const CATALOGUE_ENUM_LABELS = Object.freeze({
  // Ours.
  SessionStatus: {
    SCHEDULED: { lv: 'Ieplānota', en: 'Scheduled' },
    CANCELLED: { lv: 'Atcelta', en: 'Cancelled' },
  },
  // Ours.
  BookingStatus: {
    CONFIRMED: { lv: 'Apstiprināta', en: 'Confirmed' },
    WAITING: { lv: 'Gaidīšanas sarakstā', en: 'Waiting list' },
    CANCELLED: { lv: 'Atcelta', en: 'Cancelled' },
    ATTENDED: { lv: 'Apmeklēta', en: 'Attended' },
    NO_SHOW: { lv: 'Neieradās', en: 'No show' },
  },
  // Ours (administratīvās teritorijas: skola, pašvaldība, plānošanas reģions, valsts).
  AreaLevel: {
    SCHOOL: { lv: 'Izglītības iestāde', en: 'School' },
    MUNICIPALITY: { lv: 'Pašvaldība', en: 'Municipality' },
    PLANNING_REGION: { lv: 'Plānošanas reģions', en: 'Planning region' },
    COUNTRY: { lv: 'Latvija', en: 'Latvia' },
  },
  FundingSource: Object.fromEntries(MEASURE_4221_FINANCING.sources.map(({ source, labelLv }) => [source, { lv: labelLv }])),
  // Ours.
  ProviderKind: {
    INSTITUTION: { lv: 'Izglītības iestāde', en: 'Education institution' },
    MUSEUM: { lv: 'Muzejs', en: 'Museum' },
    COMPANY: { lv: 'Komersants', en: 'Company' },
    ASSOCIATION: { lv: 'Biedrība vai nodibinājums', en: 'Association' },
    UNIVERSITY: { lv: 'Augstskola', en: 'University' },
    OTHER: { lv: 'Cits', en: 'Other' },
  },
  // 001: STEM ("zinātne, tehnoloģijas, inženierzinātne, matemātika") and the school subjects' names; ours.
  ActivityField: {
    MATHEMATICS: { lv: 'Matemātika', en: 'Mathematics' },
    PHYSICS: { lv: 'Fizika', en: 'Physics' },
    CHEMISTRY: { lv: 'Ķīmija', en: 'Chemistry' },
    BIOLOGY: { lv: 'Bioloģija', en: 'Biology' },
    GEOGRAPHY: { lv: 'Ģeogrāfija', en: 'Geography' },
    COMPUTING: { lv: 'Datorika', en: 'Computing' },
    ENGINEERING: { lv: 'Inženierzinātnes', en: 'Engineering' },
    DESIGN_AND_TECHNOLOGY: { lv: 'Dizains un tehnoloģijas', en: 'Design and technology' },
    CIVIC_PARTICIPATION: { lv: 'Pilsoniskā līdzdalība', en: 'Civic participation' },
  },
  // 003: "no pirmsskolas līdz vidusskolai"; band wording ours.
  GradeBand: {
    PRESCHOOL_5_6: { lv: 'Pirmsskola (5–6 gadi)', en: 'Pre-school (5-6)' },
    GRADES_1_3: { lv: '1.–3. klase', en: 'Grades 1-3' },
    GRADES_4_6: { lv: '4.–6. klase', en: 'Grades 4-6' },
    GRADES_7_9: { lv: '7.–9. klase', en: 'Grades 7-9' },
    GRADES_10_12: { lv: '10.–12. klase', en: 'Grades 10-12' },
  },
  // Ours.
  ActivityFormat: {
    AT_PROVIDER: { lv: 'Pie nodrošinātāja', en: 'At the provider' },
    AT_SCHOOL: { lv: 'Skolā', en: 'At school' },
    ONLINE: { lv: 'Tiešsaistē', en: 'Online' },
  },
  // Ours.
  ActivityStatus: {
    DRAFT: { lv: 'Melnraksts', en: 'Draft' },
    SUBMITTED: { lv: 'Iesniegta izvērtēšanai', en: 'Submitted' },
    PUBLISHED: { lv: 'Publicēta', en: 'Published' },
    RETURNED: { lv: 'Atgriezta labošanai', en: 'Returned' },
    WITHDRAWN: { lv: 'Atsaukta', en: 'Withdrawn' },
  },
  PlanningRegion: PLANNING_REGION_LABELS,
  // Ours.
  ReviewDecision: {
    PUBLISH: { lv: 'Publicēt', en: 'Publish' },
    RETURN: { lv: 'Atgriezt labošanai', en: 'Return' },
  },
  // Ours.
  ActivitySort: {
    TITLE: { lv: 'Pēc nosaukuma', en: 'By title' },
    NEWEST: { lv: 'Jaunākās', en: 'Newest' },
    NEXT_SESSION: { lv: 'Pēc tuvākās nodarbības', en: 'By next session' },
  },
} satisfies {
  SessionStatus: Record<SessionStatus, EnumLabelText>;
  BookingStatus: Record<BookingStatus, EnumLabelText>;
  AreaLevel: Record<AreaLevel, EnumLabelText>;
  FundingSource: Record<string, EnumLabelText>;
  ProviderKind: Record<ProviderKind, EnumLabelText>;
  ActivityField: Record<ActivityField, EnumLabelText>;
  GradeBand: Record<GradeBand, EnumLabelText>;
  ActivityFormat: Record<ActivityFormat, EnumLabelText>;
  ActivityStatus: Record<ActivityStatus, EnumLabelText>;
  PlanningRegion: Record<string, EnumLabelText>;
  ReviewDecision: Record<ReviewDecision, EnumLabelText>;
  ActivitySort: Record<ActivitySort, EnumLabelText>;
});
