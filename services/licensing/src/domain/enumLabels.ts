import type { EnumLabelText } from '@eq/shared/enumLabels';
import type {
  InterestProgrammeDecisionKind,
  InternationalProgramme,
  LicenceDecisionKind,
  LicenceKind,
  LicenceStatus,
  ProfessionalOrientationField,
  ProgrammeLevel,
  SpecialNeedsCategory,
} from '../generated/resolvers';

/**
 * Licensing's Latvian (and English) labels for every enum value of its schema, served as data
 * by `licensingEnumLabels`. "004" is the quality service's public annual report 2024 (its
 * licensing chapter and table 8); labels marked "ours" have no source wording.
 */
export const LICENSING_ENUM_LABELS = Object.freeze({
  // Ours ("licence spēkā", "anulēta", "apturēta" as the register says of licences).
  LicenceStatus: {
    ACTIVE: { lv: 'Spēkā', en: 'In force' },
    SUSPENDED: { lv: 'Apturēta', en: 'Suspended' },
    REVOKED: { lv: 'Anulēta', en: 'Revoked' },
    RELICENSED: { lv: 'Pārlicencēta', en: 'Relicensed' },
    LAPSED: { lv: 'Zaudējusi spēku', en: 'Lapsed' },
    TRANSFERRED: { lv: 'Nodota reorganizācijā', en: 'Transferred' },
  },
  // 004 speaks of licences issued, amended and "pārlicencēšana"; the rest ours.
  LicenceDecisionKind: {
    ISSUED: { lv: 'Izsniegta licence', en: 'Issued' },
    AMENDED: { lv: 'Izdarīti grozījumi', en: 'Amended' },
    PLACE_ADDED: { lv: 'Pievienota īstenošanas vieta', en: 'Place added' },
    PLACE_REMOVED: { lv: 'Izslēgta īstenošanas vieta', en: 'Place removed' },
    SUSPENDED: { lv: 'Licence apturēta', en: 'Suspended' },
    REVOKED: { lv: 'Licence anulēta', en: 'Revoked' },
    RIGHTS_RESTORED: { lv: 'Atjaunotas tiesības īstenot programmu', en: 'Rights restored' },
    RELICENSED: { lv: 'Pārlicencēta', en: 'Relicensed' },
    LAPSED: { lv: 'Licence zaudējusi spēku', en: 'Lapsed' },
    TRANSFERRED: { lv: 'Licence nodota tiesību pārņēmējam', en: 'Transferred' },
    TAKEN_OVER: { lv: 'Licence pārņemta reorganizācijā', en: 'Taken over' },
  },
  // 004: "pirmsskolas", "pamatizglītības", "vidējās izglītības", "profesionālās izglītības programmas".
  ProgrammeLevel: {
    PRESCHOOL: { lv: 'Pirmsskolas izglītība', en: 'Pre-school' },
    BASIC: { lv: 'Pamatizglītība', en: 'Basic' },
    SECONDARY: { lv: 'Vidējā izglītība', en: 'Secondary' },
    VOCATIONAL: { lv: 'Profesionālā izglītība', en: 'Vocational' },
  },
  // 004, licensing chapter and table 8 ("speciālās … programmas", "starptautiskās izglītības
  // programmas", "tālmācības izglītības formā", "Sākotnējā profesionālā izglītība", "Profesionālās
  // tālākizglītības programmas", "profesionālās pilnveides", "profesionālās ievirzes", "modulārās");
  // DERIVED ours.
  LicenceKind: {
    GENERAL: { lv: 'Vispārējās izglītības programma', en: 'General education' },
    SPECIAL: { lv: 'Speciālās izglītības programma', en: 'Special education' },
    INTERNATIONAL: { lv: 'Starptautiskās izglītības programma', en: 'International (IB)' },
    DISTANCE_LEARNING: { lv: 'Programma tālmācības izglītības formā', en: 'Distance learning' },
    VOCATIONAL_INITIAL: { lv: 'Sākotnējā profesionālā izglītība', en: 'Initial vocational' },
    VOCATIONAL_CONTINUING: { lv: 'Profesionālās tālākizglītības programma', en: 'Continuing vocational' },
    PROFESSIONAL_DEVELOPMENT: { lv: 'Profesionālās pilnveides izglītības programma', en: 'Professional development' },
    PROFESSIONAL_ORIENTATION: { lv: 'Profesionālās ievirzes izglītības programma', en: 'Professional orientation' },
    MODULAR: { lv: 'Modulārā izglītības programma', en: 'Modular' },
    DERIVED: { lv: 'Atvasināta programmas reģistrācija', en: 'Derived registration' },
  },
  // 004, licensing chapter: "ar valodas traucējumiem", "ar mācīšanās traucējumiem", "ar garīgās
  // veselības traucējumiem", "ar garīgās attīstības traucējumiem", "ar smagiem garīgās attīstības
  // traucējumiem vai vairākiem smagiem attīstības traucējumiem", "ar jauktiem attīstības traucējumiem".
  // VISUAL_IMPAIRMENTS … SOMATIC_DISEASES: the wording of the public classification of special-
  // education programmes ("izglītojamajiem ar redzes traucējumiem", "ar dzirdes traucējumiem", "ar
  // fiziskās attīstības traucējumiem", "ar somatiskām saslimšanām"); not in the sources here.
  SpecialNeedsCategory: {
    VISUAL_IMPAIRMENTS: { lv: 'Ar redzes traucējumiem', en: 'Visual impairments' },
    HEARING_IMPAIRMENTS: { lv: 'Ar dzirdes traucējumiem', en: 'Hearing impairments' },
    PHYSICAL_DEVELOPMENT_DISORDERS: { lv: 'Ar fiziskās attīstības traucējumiem', en: 'Physical development disorders' },
    SOMATIC_DISEASES: { lv: 'Ar somatiskām saslimšanām', en: 'Somatic diseases' },
    LANGUAGE_DISORDERS: { lv: 'Ar valodas traucējumiem', en: 'Language disorders' },
    LEARNING_DISORDERS: { lv: 'Ar mācīšanās traucējumiem', en: 'Learning disorders' },
    MENTAL_HEALTH_DISORDERS: { lv: 'Ar garīgās veselības traucējumiem', en: 'Mental health disorders' },
    INTELLECTUAL_DEVELOPMENT_DISORDERS: { lv: 'Ar garīgās attīstības traucējumiem', en: 'Intellectual development disorders' },
    SEVERE_OR_SEVERAL_DEVELOPMENTAL_DISORDERS: {
      lv: 'Ar smagiem garīgās attīstības traucējumiem vai vairākiem smagiem attīstības traucējumiem',
      en: 'Severe or several developmental disorders',
    },
    MIXED_DEVELOPMENTAL_DISORDERS: { lv: 'Ar jauktiem attīstības traucējumiem', en: 'Mixed developmental disorders' },
  },
  // 004: "Starptautiskā bakalaurāta pamatizglītības pirmā posma programma", "… otrā posma
  // programma", "Starptautiskā bakalaurāta … vidējās izglītības programma (IBDP)".
  InternationalProgramme: {
    IB_PYP: { lv: 'Starptautiskā bakalaurāta pamatizglītības pirmā posma programma', en: 'IB Primary Years Programme' },
    IB_MYP: { lv: 'Starptautiskā bakalaurāta pamatizglītības otrā posma programma', en: 'IB Middle Years Programme' },
    IB_DP: { lv: 'Starptautiskā bakalaurāta vidējās izglītības programma', en: 'IB Diploma Programme' },
  },
  // 004: "profesionālās ievirzes izglītība" in music, art, dance and sport (field names ours).
  ProfessionalOrientationField: {
    MUSIC: { lv: 'Mūzika', en: 'Music' },
    ART: { lv: 'Māksla', en: 'Art' },
    DANCE: { lv: 'Deja', en: 'Dance' },
    SPORT: { lv: 'Sports', en: 'Sport' },
  },
  // Ours.
  InterestProgrammeDecisionKind: {
    REGISTERED: { lv: 'Reģistrēta', en: 'Registered' },
    AMENDED: { lv: 'Izdarīti grozījumi', en: 'Amended' },
    RECLASSIFIED: { lv: 'Mainīta klasifikācija', en: 'Reclassified' },
    ENDED: { lv: 'Īstenošana izbeigta', en: 'Ended' },
  },
} satisfies {
  LicenceStatus: Record<LicenceStatus, EnumLabelText>;
  LicenceDecisionKind: Record<LicenceDecisionKind, EnumLabelText>;
  ProgrammeLevel: Record<ProgrammeLevel, EnumLabelText>;
  LicenceKind: Record<LicenceKind, EnumLabelText>;
  SpecialNeedsCategory: Record<SpecialNeedsCategory, EnumLabelText>;
  InternationalProgramme: Record<InternationalProgramme, EnumLabelText>;
  ProfessionalOrientationField: Record<ProfessionalOrientationField, EnumLabelText>;
  InterestProgrammeDecisionKind: Record<InterestProgrammeDecisionKind, EnumLabelText>;
});
