import { type EnumLabelText, latvianOnly, PLANNING_REGION_LABELS } from '@eq/shared/enumLabels';
import type {
  DecisionKind,
  FounderKind,
  HigherEducationAmendedField,
  HigherEducationBranchStatus,
  HigherEducationInstitutionStatus,
  InstitutionStatus,
  InstitutionType,
  LearnerCountOverviewStatus,
  LearnerCountStatus,
  LearnerCountSubmissionStatus,
  LiquidationKind,
  PlanningRegion,
  ReorganisationKind,
} from '../generated/resolvers';
import { HIGHER_EDUCATION_KINDS } from './higherEducationKinds';

/**
 * The registry's Latvian (and English) labels for every enum value of its schema, served as
 * data by `registryEnumLabels`: a front end shows these, never the codes. Sources cited per
 * enum: "004" is the quality service's public annual report 2024 (its register tables), "002"
 * the 2023 seminar on learner counts, "Izglītības likums" the Education Law's terms; labels
 * marked "ours" have no source wording and are plain Latvian of our choosing.
 */
export const REGISTRY_ENUM_LABELS = Object.freeze({
  // 004: "reorganizācijas" (apvienošana, sadalīšana, pievienošana — Izglītības likums / Komerclikums terms).
  ReorganisationKind: {
    MERGER: { lv: 'Apvienošana', en: 'Merger' },
    DIVISION: { lv: 'Sadalīšana', en: 'Division' },
    ATTACHMENT: { lv: 'Pievienošana', en: 'Attachment' },
  },
  // 004: "Likvidētas/svītrotas izglītības iestādes, tai skaitā reorganizācijas un tipa maiņas".
  LiquidationKind: {
    LIQUIDATION: { lv: 'Likvidēšana', en: 'Liquidation' },
    STRIKING_OFF: { lv: 'Svītrošana no reģistra', en: 'Striking off the register' },
    REORGANISATION: { lv: 'Reorganizācija', en: 'Reorganisation' },
  },
  // Izglītības likums and the public register's type names (Izglītības iestāžu reģistrs);
  // EVENING_OR_DISTANCE_SCHOOL and INTERNATIONAL_SCHOOL wording ours.
  InstitutionType: {
    PRESCHOOL: { lv: 'Pirmsskolas izglītības iestāde', en: 'Pre-school' },
    PRIMARY_SCHOOL: { lv: 'Sākumskola', en: 'Primary school' },
    BASIC_SCHOOL: { lv: 'Pamatskola', en: 'Basic school' },
    SECONDARY_SCHOOL: { lv: 'Vidusskola', en: 'Secondary school' },
    GYMNASIUM: { lv: 'Ģimnāzija', en: 'Gymnasium' },
    STATE_GYMNASIUM: { lv: 'Valsts ģimnāzija', en: 'State gymnasium' },
    SPECIAL_SCHOOL: { lv: 'Speciālās izglītības iestāde', en: 'Special school' },
    VOCATIONAL_SCHOOL: { lv: 'Profesionālās izglītības iestāde', en: 'Vocational school' },
    INTEREST_EDUCATION: { lv: 'Interešu izglītības iestāde', en: 'Interest-education institution' },
    PROFESSIONAL_ORIENTATION_MUSIC: { lv: 'Profesionālās ievirzes mūzikas izglītības iestāde', en: 'Music school' },
    PROFESSIONAL_ORIENTATION_ART: { lv: 'Profesionālās ievirzes mākslas izglītības iestāde', en: 'Art school' },
    PROFESSIONAL_ORIENTATION_DANCE: { lv: 'Profesionālās ievirzes dejas izglītības iestāde', en: 'Dance school' },
    PROFESSIONAL_ORIENTATION_SPORT: { lv: 'Profesionālās ievirzes sporta izglītības iestāde', en: 'Sports school' },
    INTERNATIONAL_SCHOOL: { lv: 'Starptautiskā skola', en: 'International school' },
    EVENING_OR_DISTANCE_SCHOOL: { lv: 'Vakara (maiņu) vai tālmācības skola', en: 'Evening or distance school' },
  },
  // Ours (004 uses "reģistrēta", "atteikums reģistrēt", "likvidēta").
  InstitutionStatus: {
    PENDING: { lv: 'Iesniegts pieteikums', en: 'Application pending' },
    ACTIVE: { lv: 'Reģistrēta', en: 'Registered' },
    REFUSED: { lv: 'Atteikts reģistrēt', en: 'Registration refused' },
    LIQUIDATED: { lv: 'Likvidēta', en: 'Liquidated' },
  },
  PlanningRegion: PLANNING_REGION_LABELS,
  // Dibinātājs (Izglītības likums, 17.–23. pants): valsts, pašvaldība, juridiskā vai fiziskā persona.
  FounderKind: {
    STATE: { lv: 'Valsts', en: 'State' },
    MUNICIPALITY: { lv: 'Pašvaldība', en: 'Municipality' },
    LEGAL_PERSON: { lv: 'Juridiskā persona', en: 'Legal person' },
    NATURAL_PERSON: { lv: 'Fiziskā persona', en: 'Natural person' },
  },
  // 004, the register's decision table: "Reģistrēti", "Atteikums reģistrēt", "Atlikts reģistrēt …
  // /izdarīt grozījumus", "Likvidētas/svītrotas", "Atcelts lēmums"; the others ours.
  DecisionKind: {
    APPLICATION: { lv: 'Iesniegums', en: 'Application' },
    POSTPONEMENT: { lv: 'Atlikts reģistrēt', en: 'Registration postponed' },
    REFUSAL: { lv: 'Atteikums reģistrēt', en: 'Registration refused' },
    REVOCATION: { lv: 'Atcelts lēmums', en: 'Decision revoked' },
    REGISTRATION: { lv: 'Reģistrēta', en: 'Registered' },
    AMENDMENT: { lv: 'Izdarīti grozījumi', en: 'Amended' },
    LIQUIDATION: { lv: 'Likvidēta', en: 'Liquidated' },
    STRIKING_OFF: { lv: 'Svītrota no reģistra', en: 'Struck off' },
    REORGANISATION: { lv: 'Reorganizēta', en: 'Reorganised' },
    STATE_SIGNIFICANCE_GRANTED: { lv: 'Piešķirts valsts nozīmes statuss', en: 'State significance granted' },
    STATE_SIGNIFICANCE_REVOKED: { lv: 'Atņemts valsts nozīmes statuss', en: 'State significance revoked' },
  },
  // The Latvian names already kept in higherEducationKinds.ts.
  HigherEducationKind: latvianOnly(HIGHER_EDUCATION_KINDS),
  // 004: "Lēmums par augstskolas filiāles izslēgšanu", "izslēgti".
  HigherEducationInstitutionStatus: {
    ACTIVE: { lv: 'Reģistrēta', en: 'Registered' },
    EXCLUDED: { lv: 'Izslēgta no reģistra', en: 'Excluded' },
  },
  HigherEducationBranchStatus: {
    OPEN: { lv: 'Darbojas', en: 'Open' },
    EXCLUDED: { lv: 'Izslēgta no reģistra', en: 'Excluded' },
  },
  // 004: "Grozījumu izdarīšana Augstskolu reģistrā"; field names ours.
  HigherEducationAmendedField: {
    NAME: { lv: 'Nosaukums', en: 'Name' },
    FOUNDER_KIND: { lv: 'Dibinātāja veids', en: 'Founder kind' },
    FOUNDER_NAME: { lv: 'Dibinātājs', en: 'Founder' },
  },
  // 002: the institution "apstiprina", the founder "apstiprina", the ministry closes the year; wording ours.
  LearnerCountSubmissionStatus: {
    SENT: { lv: 'Nosūtīts ministrijai', en: 'Sent' },
    ACCEPTED: { lv: 'Pieņemts', en: 'Accepted' },
    RETURNED: { lv: 'Atgriezts labošanai', en: 'Returned' },
  },
  LearnerCountOverviewStatus: {
    MISSING: { lv: 'Nav sagatavots', en: 'Missing' },
    DRAFT: { lv: 'Melnraksts', en: 'Draft' },
    CONFIRMED: { lv: 'Apstiprināts iestādē', en: 'Confirmed' },
    APPROVED: { lv: 'Apstiprināts dibinātājā', en: 'Approved' },
    LOCKED: { lv: 'Slēgts', en: 'Locked' },
  },
  LearnerCountStatus: {
    DRAFT: { lv: 'Melnraksts', en: 'Draft' },
    CONFIRMED: { lv: 'Apstiprināts iestādē', en: 'Confirmed' },
    APPROVED: { lv: 'Apstiprināts dibinātājā', en: 'Approved' },
    LOCKED: { lv: 'Slēgts', en: 'Locked' },
  },
} satisfies {
  ReorganisationKind: Record<ReorganisationKind, EnumLabelText>;
  LiquidationKind: Record<LiquidationKind, EnumLabelText>;
  InstitutionType: Record<InstitutionType, EnumLabelText>;
  InstitutionStatus: Record<InstitutionStatus, EnumLabelText>;
  PlanningRegion: Record<PlanningRegion, EnumLabelText>;
  FounderKind: Record<FounderKind, EnumLabelText>;
  DecisionKind: Record<DecisionKind, EnumLabelText>;
  HigherEducationKind: Record<keyof typeof HIGHER_EDUCATION_KINDS, EnumLabelText>;
  HigherEducationInstitutionStatus: Record<HigherEducationInstitutionStatus, EnumLabelText>;
  HigherEducationBranchStatus: Record<HigherEducationBranchStatus, EnumLabelText>;
  HigherEducationAmendedField: Record<HigherEducationAmendedField, EnumLabelText>;
  LearnerCountSubmissionStatus: Record<LearnerCountSubmissionStatus, EnumLabelText>;
  LearnerCountOverviewStatus: Record<LearnerCountOverviewStatus, EnumLabelText>;
  LearnerCountStatus: Record<LearnerCountStatus, EnumLabelText>;
});
