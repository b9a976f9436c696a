import type { EnumLabelText } from '@eq/shared/enumLabels';
import type {
  AccreditationApplicationStatus,
  AccreditationDecisionOutcome,
  AccreditationEndReason,
  AccreditationKind,
  AccreditationStatus,
  ApplicationCloseReason,
  ExtensionReason,
  HeadEvaluationOutcome,
  HeadInstitutionCategory,
  TaskProgressLevel,
  TaskStatus,
} from '../generated/resolvers';
import { QUALITY_CATEGORIES, QUALITY_LEVELS } from './qualityScale';

const byCode = (entries: readonly { code: string; labelLv: string }[]): Record<string, EnumLabelText> =>
  Object.fromEntries(entries.map(({ code, labelLv }) => [code, { lv: labelLv }]));

/**
 * Accreditation's Latvian (and English) labels for every enum value of its schema, served as
 * data by `accreditationEnumLabels`. The quality scale's labels are those of Cabinet Regulation
 * No. 325 already kept in qualityScale.ts; "004" is the quality service's public annual report
 * 2024; labels marked "ours" have no source wording.
 */
export const ACCREDITATION_ENUM_LABELS = Object.freeze({
  // Ours.
  AccreditationApplicationStatus: {
    SUBMITTED: { lv: 'Iesniegts', en: 'Submitted' },
    EVALUATED: { lv: 'Novērtēts', en: 'Evaluated' },
    ACCREDITED: { lv: 'Akreditēts', en: 'Accredited' },
    REFUSED: { lv: 'Atteikts akreditēt', en: 'Refused' },
    CLOSED: { lv: 'Slēgts bez lēmuma', en: 'Closed' },
  },
  // Ours (004: "likvidētas vai svītrotas no Izglītības iestāžu reģistra").
  ApplicationCloseReason: {
    INSTITUTION_LIQUIDATED: { lv: 'Iestāde likvidēta vai svītrota no reģistra', en: 'Institution liquidated' },
    LICENCE_ENDED: { lv: 'Licence anulēta vai zaudējusi spēku', en: 'Licence ended' },
  },
  // Ours.
  AccreditationDecisionOutcome: {
    ACCREDITED: { lv: 'Akreditēt', en: 'Accredit' },
    REFUSED: { lv: 'Atteikt akreditāciju', en: 'Refuse' },
  },
  // 004: "izglītības iestāžu akreditācija", "izglītības programmu akreditācija".
  AccreditationKind: {
    INSTITUTION: { lv: 'Izglītības iestādes akreditācija', en: 'Institution' },
    PROGRAMME: { lv: 'Izglītības programmas akreditācija', en: 'Programme' },
  },
  // Ours.
  AccreditationStatus: {
    ACTIVE: { lv: 'Spēkā', en: 'In force' },
    ENDED: { lv: 'Izbeigta pirms termiņa', en: 'Ended' },
    EXPIRED: { lv: 'Termiņš beidzies', en: 'Expired' },
  },
  // Ours.
  AccreditationEndReason: {
    INSTITUTION_LIQUIDATED: { lv: 'Iestāde likvidēta vai svītrota no reģistra', en: 'Institution liquidated' },
    LICENCE_REVOKED: { lv: 'Licence anulēta', en: 'Licence revoked' },
    LICENCE_LAPSED: { lv: 'Licence zaudējusi spēku', en: 'Licence lapsed' },
    LICENCE_TRANSFERRED: { lv: 'Licence nodota tiesību pārņēmējam', en: 'Licence transferred' },
  },
  QualityCategory: byCode(QUALITY_CATEGORIES),
  QualityLevel: byCode(QUALITY_LEVELS),
  // 004: heads of "vispārējās izglītības", "profesionālās izglītības", "pirmsskolas izglītības iestādes".
  HeadInstitutionCategory: {
    GENERAL: { lv: 'Vispārējās izglītības iestāde', en: 'General education' },
    VOCATIONAL: { lv: 'Profesionālās izglītības iestāde', en: 'Vocational education' },
    PRESCHOOL: { lv: 'Pirmsskolas izglītības iestāde', en: 'Pre-school education' },
  },
  // Ours, after the quality scale's wording ("Jāpilnveido", "Nepietiekami").
  HeadEvaluationOutcome: {
    MEETS_REQUIREMENTS: { lv: 'Atbilst prasībām', en: 'Meets the requirements' },
    MUST_IMPROVE: { lv: 'Būtiski jāpilnveido profesionālā darbība', en: 'Must improve' },
    DOES_NOT_MEET: { lv: 'Neatbilst prasībām', en: 'Does not meet the requirements' },
  },
  // Ours.
  TaskStatus: {
    OPEN: { lv: 'Atvērts', en: 'Open' },
    COMPLETED: { lv: 'Izpildīts', en: 'Completed' },
  },
  // Ours.
  TaskProgressLevel: {
    NOT_STARTED: { lv: 'Nav uzsākts', en: 'Not started' },
    IN_PROGRESS: { lv: 'Tiek izpildīts', en: 'In progress' },
    COMPLETED: { lv: 'Izpildīts', en: 'Completed' },
  },
  // Ours (004 speaks of "reorganizācija" and "likvidācija").
  ExtensionReason: {
    REORGANISATION: { lv: 'Reorganizācija', en: 'Reorganisation' },
    BUILDING_WORKS: { lv: 'Būvdarbi', en: 'Building works' },
    LIQUIDATION: { lv: 'Likvidācija', en: 'Liquidation' },
  },
} satisfies {
  AccreditationApplicationStatus: Record<AccreditationApplicationStatus, EnumLabelText>;
  ApplicationCloseReason: Record<ApplicationCloseReason, EnumLabelText>;
  AccreditationDecisionOutcome: Record<AccreditationDecisionOutcome, EnumLabelText>;
  AccreditationKind: Record<AccreditationKind, EnumLabelText>;
  AccreditationStatus: Record<AccreditationStatus, EnumLabelText>;
  AccreditationEndReason: Record<AccreditationEndReason, EnumLabelText>;
  QualityCategory: Record<string, EnumLabelText>;
  QualityLevel: Record<string, EnumLabelText>;
  HeadInstitutionCategory: Record<HeadInstitutionCategory, EnumLabelText>;
  HeadEvaluationOutcome: Record<HeadEvaluationOutcome, EnumLabelText>;
  TaskStatus: Record<TaskStatus, EnumLabelText>;
  TaskProgressLevel: Record<TaskProgressLevel, EnumLabelText>;
  ExtensionReason: Record<ExtensionReason, EnumLabelText>;
});
