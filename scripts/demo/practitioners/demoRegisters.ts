import { personalCodeCheckDigit } from '@eq/shared/personalCode';
import { FIELDS_OF_PRACTICE, type FieldOfPracticeCode } from '@eq/practitioners';
import { DEMO_SIZES } from './demoSizes';

/**
 * Generated demo registers: clearly fictitious (every name ends in "(demo)", decision numbers
 * start with DEMO-, personal codes use the undated 32… format so none encodes a birth date),
 * deterministic (a seeded generator), sized from the 2024 figures (demoSizes.ts). Pure data:
 * `seedPractitionersDemo` enters it through the API.
 */

const FIRST_NAMES = [
  'Anna',
  'Līga',
  'Ilze',
  'Kristīne',
  'Inese',
  'Dace',
  'Marta',
  'Elīna',
  'Jānis',
  'Andris',
  'Pēteris',
  'Mārtiņš',
  'Edgars',
  'Rūta',
  'Zane',
  'Agnese',
];
const SURNAMES = [
  'Bērziņa',
  'Kalniņa',
  'Ozoliņa',
  'Liepiņa',
  'Krūmiņa',
  'Vītola',
  'Jansone',
  'Zariņa',
  'Kalējs',
  'Ozols',
  'Bērziņš',
  'Liepa',
  'Krastiņš',
  'Siliņš',
  'Ābele',
  'Ērgle',
];
const MUNICIPALITIES = [
  'Rīga',
  'Daugavpils',
  'Jelgava',
  'Liepāja',
  'Valmieras novads',
  'Cēsu novads',
  'Ogres novads',
  'Tukuma novads',
  'Kuldīgas novads',
  'Rēzeknes novads',
];
const FIELDS = Object.keys(FIELDS_OF_PRACTICE) as FieldOfPracticeCode[];

/** mulberry32: a small seeded generator, so every run produces the same registers. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An undated-format personal code (32…), unique per serial, with a check digit (harmless when not checked). */
function demoPersonalCode(serial: number): string {
  const first10 = `32${String(serial).padStart(8, '0')}`;
  return `${first10.slice(0, 6)}-${first10.slice(6)}${personalCodeCheckDigit(first10)}`;
}

export interface DemoPsychologist {
  registrationNumber: string;
  name: string;
  personalCode: string;
  education: string;
  practiceMunicipality: string;
  decision: { number: string; date: string };
  certificate: { certificateNumber: string; fieldOfPractice: FieldOfPracticeCode; decision: { number: string; date: string } } | null;
  supervisorDecision: { number: string; date: string } | null;
  /** A recognition that creates the entry (MK 827): the entry's registration decision is the recognition's. */
  foreignQualification: {
    country: string;
    qualification: string;
    decision: { number: string; date: string };
    recognitionCertificate: { number: string; date: string };
  } | null;
}

export interface DemoChildMinder {
  registrationNumber: string;
  kind: 'NATURAL_PERSON' | 'LEGAL_PERSON';
  name: string;
  personalCode: string | null;
  companyNumber: string | null;
  homeAddress: string;
  homeAddressPublic: boolean;
  serviceAddress: string;
  municipality: string;
  decision: { number: string; date: string };
  /** Set for refused applications (entered with refuseChildcareProvider). */
  refusalReasonCode: 'INCOMPLETE_DOCUMENTS' | 'REQUIREMENTS_NOT_MET' | null;
  /** Source 004: of the providers excluded in 2024, the legal persons' founder was liquidated or the service stopped. */
  exclusion: {
    reasonCode: 'FOUNDER_LIQUIDATED' | 'SERVICE_DISCONTINUED';
    decision: { number: string; date: string };
  } | null;
}

export interface DemoPrivatePractice {
  number: string;
  teacherName: string;
  personalCode: string;
  programmeKind: 'INTEREST_EDUCATION' | 'NON_FORMAL_EDUCATION';
  programmeName: string;
  municipality: string;
  validUntil: string;
  decision: { number: string; date: string };
  extension: { validUntil: string; decision: { number: string; date: string } } | null;
  revocation: { reason: string; decision: { number: string; date: string } } | null;
}

export interface DemoRegisters {
  psychologists: DemoPsychologist[];
  childMinders: DemoChildMinder[];
  privatePractice: DemoPrivatePractice[];
}

/**
 * The demo registers as of `today` (decisions are dated within six years up to 60 days before
 * it, so none lies in the future and every certificate is current). Supervisors are certified psychologists whose certificate is still
 * valid 30 days after it was issued, when the rights are granted.
 */
export function generateDemoRegisters(today: string, seed = 2024): DemoRegisters {
  const random = generator(seed);
  const latest = addDays(today, -60);
  // Within the last six years, so every demo certificate (7 years) is still current.
  const dayIn = () => addDays(latest, -random.int(0, 6 * 365));
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)} (demo)`;
  let serial = 0;

  const psychologists: DemoPsychologist[] = [];
  const certified = Math.round(DEMO_SIZES.psychologists * DEMO_SIZES.certifiedShare);
  for (let i = 0; i < DEMO_SIZES.psychologists; i += 1) {
    const registered = dayIn();
    const certifiedOn = addDays(registered, random.int(0, 20));
    const isCertified = i < certified;
    const isSupervisor = i < DEMO_SIZES.supervisors;
    psychologists.push({
      registrationNumber: String(9_000_001 + i),
      name: person(),
      personalCode: demoPersonalCode((serial += 1)),
      education: 'Profesionālais maģistra grāds psiholoģijā (demo)',
      practiceMunicipality: random.pick(MUNICIPALITIES),
      decision: { number: `DEMO-PS-${i + 1}`, date: registered },
      certificate: isCertified
        ? {
            certificateNumber: `DEMO-SERT-${i + 1}`,
            fieldOfPractice: random.pick(FIELDS),
            decision: { number: `DEMO-PSP-${i + 1}`, date: certifiedOn },
          }
        : null,
      supervisorDecision:
        isCertified && isSupervisor && addDays(certifiedOn, 30) <= today
          ? { number: `DEMO-PR-${i + 1}`, date: addDays(certifiedOn, 30) }
          : null,
      foreignQualification:
        i >= DEMO_SIZES.psychologists - DEMO_SIZES.foreignQualificationsRecognised
          ? {
              country: random.pick(['LT', 'EE', 'DE', 'SE', 'FI']),
              qualification: 'Psychologist (demo)',
              decision: { number: `DEMO-AK-${i + 1}`, date: registered },
              recognitionCertificate: { number: `DEMO-AA-${i + 1}`, date: registered },
            }
          : null,
    });
  }

  const childMinders: DemoChildMinder[] = [];
  const kinds = [
    ...Array.from({ length: DEMO_SIZES.childMindersNaturalPersons }, () => 'NATURAL_PERSON' as const),
    ...Array.from({ length: DEMO_SIZES.childMindersLegalPersons }, () => 'LEGAL_PERSON' as const),
    ...Array.from({ length: DEMO_SIZES.childMindersRefused }, () => 'NATURAL_PERSON' as const),
  ];
  kinds.forEach((kind, i) => {
    const refused = i >= DEMO_SIZES.childMindersNaturalPersons + DEMO_SIZES.childMindersLegalPersons;
    const municipality = random.pick(MUNICIPALITIES);
    const decided = dayIn();
    childMinders.push({
      registrationNumber: `DEMO-BU-${i + 1}`,
      kind,
      name: kind === 'LEGAL_PERSON' ? `SIA Bērnu pieskatīšana ${i + 1} (demo)` : person(),
      personalCode: kind === 'NATURAL_PERSON' ? demoPersonalCode((serial += 1)) : null,
      companyNumber: kind === 'LEGAL_PERSON' ? `4000${String(9_000_000 + i).padStart(7, '0')}` : null,
      homeAddress: `Demo iela ${i + 1}, ${municipality}`,
      homeAddressPublic: kind === 'NATURAL_PERSON' && random.next() < 0.3,
      serviceAddress: `Demo iela ${i + 1}, ${municipality}`,
      municipality,
      decision: { number: `DEMO-BU-L-${i + 1}`, date: decided },
      refusalReasonCode: refused ? (i % 2 === 0 ? 'INCOMPLETE_DOCUMENTS' : 'REQUIREMENTS_NOT_MET') : null,
      exclusion:
        i >= DEMO_SIZES.childMindersNaturalPersons - DEMO_SIZES.childMindersExcluded && i < DEMO_SIZES.childMindersNaturalPersons
          ? { reasonCode: 'SERVICE_DISCONTINUED', decision: { number: `DEMO-BU-X-${i + 1}`, date: latest } }
          : null,
    });
  });

  const privatePractice: DemoPrivatePractice[] = [];
  const certificates = DEMO_SIZES.privatePracticeInterestEducation + DEMO_SIZES.privatePracticeNonFormal;
  for (let i = 0; i < certificates; i += 1) {
    const issued = dayIn();
    const validUntil = addDays(issued, 365 * 3);
    privatePractice.push({
      number: `DEMO-PP-${i + 1}`,
      teacherName: person(),
      personalCode: demoPersonalCode((serial += 1)),
      programmeKind: i < DEMO_SIZES.privatePracticeInterestEducation ? 'INTEREST_EDUCATION' : 'NON_FORMAL_EDUCATION',
      programmeName: random.pick(['Robotika', 'Keramika', 'Šahs', 'Vokālais ansamblis', 'Programmēšana', 'Svešvalodu kursi']) + ' (demo)',
      municipality: random.pick(MUNICIPALITIES),
      validUntil,
      decision: { number: `DEMO-PP-L-${i + 1}`, date: issued },
      extension:
        i < DEMO_SIZES.privatePracticeExtended
          ? {
              validUntil: addDays(validUntil, 365 * 2),
              decision: { number: `DEMO-PP-E-${i + 1}`, date: latest > issued ? latest : issued },
            }
          : null,
      revocation:
        i >= certificates - DEMO_SIZES.privatePracticeRevoked
          ? {
              reason: 'Nepietiekamas valsts valodas zināšanas (demo)',
              decision: { number: `DEMO-PP-R-${i + 1}`, date: latest > issued ? latest : issued },
            }
          : null,
    });
  }
  return { psychologists, childMinders, privatePractice };
}
