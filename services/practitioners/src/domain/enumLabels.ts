import { type EnumLabelText, latvianOnly } from '@eq/shared/enumLabels';
import type {
  CertificateStatus,
  ChildcareProviderKind,
  ChildcareProviderStatus,
  PrivatePracticeCertificateStatus,
  PrivatePracticeProgrammeKind,
  PsychologistStatus,
} from '../generated/resolvers';
import { CHILDCARE_EXCLUSION_REASONS, CHILDCARE_REFUSAL_REASONS } from './childcareReasons';
import { FIELDS_OF_PRACTICE } from './fieldsOfPractice';

/**
 * The practitioners' Latvian (and English) labels for every enum value of its schema, served as
 * data by `practitionersEnumLabels`. Fields of practice and childcare reasons reuse the labels
 * already kept beside their rules; "004" is the quality service's public annual report 2024
 * (its registers of psychologists, private-practice certificates and child-supervision
 * providers); labels marked "ours" have no source wording.
 */
export const PRACTITIONERS_ENUM_LABELS = Object.freeze({
  // 004: "juridiskās personas", "fiziskās personas".
  ChildcareProviderKind: {
    NATURAL_PERSON: { lv: 'Fiziskā persona', en: 'Natural person' },
    LEGAL_PERSON: { lv: 'Juridiskā persona', en: 'Legal person' },
  },
  ChildcareRefusalReason: latvianOnly(CHILDCARE_REFUSAL_REASONS),
  ChildcareExclusionReason: latvianOnly(CHILDCARE_EXCLUSION_REASONS),
  // 004: "Reģistrēti", "Atteikums reģistrēt", "Izslēgti".
  ChildcareProviderStatus: {
    REGISTERED: { lv: 'Reģistrēts', en: 'Registered' },
    REFUSED: { lv: 'Atteikts reģistrēt', en: 'Refused' },
    EXCLUDED: { lv: 'Izslēgts no reģistra', en: 'Excluded' },
  },
  // The psychologists' register (Psihologu likums) speaks of "reģistrēts", "sertificēts",
  // "profesionālās darbības apturēšana / izbeigšana / atjaunošana"; wording ours.
  PsychologistStatus: {
    REGISTERED: { lv: 'Reģistrēts', en: 'Registered' },
    CERTIFIED: { lv: 'Sertificēts', en: 'Certified' },
    SUSPENDED: { lv: 'Profesionālā darbība apturēta', en: 'Activity suspended' },
    TERMINATED: { lv: 'Profesionālā darbība izbeigta', en: 'Activity terminated' },
    EXCLUDED: { lv: 'Izslēgts no reģistra', en: 'Excluded' },
    RESTORED: { lv: 'Profesionālā darbība atjaunota', en: 'Activity restored' },
  },
  // The register's certificate decisions ("sertifikāta darbības apturēšana", "anulēšana"); ours.
  CertificateStatus: {
    ACTIVE: { lv: 'Derīgs', en: 'Valid' },
    SUSPENDED: { lv: 'Apturēts', en: 'Suspended' },
    ANNULLED: { lv: 'Anulēts', en: 'Annulled' },
  },
  FieldOfPractice: latvianOnly(FIELDS_OF_PRACTICE),
  // 004: private-practice certificates for "interešu izglītības programmas" and "neformālās izglītības programmas".
  PrivatePracticeProgrammeKind: {
    INTEREST_EDUCATION: { lv: 'Interešu izglītības programma', en: 'Interest education programme' },
    NON_FORMAL_EDUCATION: { lv: 'Neformālās izglītības programma', en: 'Non-formal education programme' },
  },
  // 004: "izsniegtas … apliecības"; REVOKED ours.
  PrivatePracticeCertificateStatus: {
    ISSUED: { lv: 'Izsniegta', en: 'Issued' },
    REVOKED: { lv: 'Anulēta', en: 'Revoked' },
  },
} satisfies {
  ChildcareProviderKind: Record<ChildcareProviderKind, EnumLabelText>;
  ChildcareRefusalReason: Record<string, EnumLabelText>;
  ChildcareExclusionReason: Record<string, EnumLabelText>;
  ChildcareProviderStatus: Record<ChildcareProviderStatus, EnumLabelText>;
  PsychologistStatus: Record<PsychologistStatus, EnumLabelText>;
  CertificateStatus: Record<CertificateStatus, EnumLabelText>;
  FieldOfPractice: Record<string, EnumLabelText>;
  PrivatePracticeProgrammeKind: Record<PrivatePracticeProgrammeKind, EnumLabelText>;
  PrivatePracticeCertificateStatus: Record<PrivatePracticeCertificateStatus, EnumLabelText>;
});
