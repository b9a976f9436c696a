import { ACTIVITY_FIELDS as FIELDS, PLANNING_REGIONS as REGIONS } from '../../services/catalogue/src/domain/activityDraft';
import { GRADE_BANDS } from '../../services/catalogue/src/domain/gradeBands';
import { isLatvianPublicHoliday } from '../../services/catalogue/src/domain/latvianHolidays';
import { rigaOffset } from '../../site/src/rigaTime';
import { seededRandom } from '../fuzz/operations';

/**
 * The demo catalogue, planned without touching the gateway: a few hundred fictitious activities
 * spread over every field, grade band, planning region and format, each with sessions on
 * working days (Monday to Friday, not a Latvian public holiday) through the current and the
 * next semester. Deterministic (a seeded generator), so every first start builds the same
 * catalogue relative to its day.
 */
export { ACTIVITY_FIELDS as FIELDS, PLANNING_REGIONS as REGIONS } from '../../services/catalogue/src/domain/activityDraft';
export { GRADE_BANDS } from '../../services/catalogue/src/domain/gradeBands';
const FORMATS = ['AT_PROVIDER', 'AT_PROVIDER', 'AT_SCHOOL', 'ONLINE'] as const;

/** A few municipalities of each planning region (administrative-territorial reform of 2021). */
const MUNICIPALITIES: Record<(typeof REGIONS)[number], string[]> = {
  RIGA: ['Rīga', 'Jūrmala', 'Mārupes novads', 'Ķekavas novads', 'Salaspils novads', 'Olaines novads'],
  VIDZEME: ['Valmieras novads', 'Cēsu novads', 'Madonas novads', 'Gulbenes novads', 'Smiltenes novads', 'Alūksnes novads'],
  KURZEME: ['Liepāja', 'Ventspils', 'Kuldīgas novads', 'Talsu novads', 'Saldus novads', 'Dienvidkurzemes novads'],
  ZEMGALE: ['Jelgava', 'Bauskas novads', 'Dobeles novads', 'Jēkabpils novads', 'Aizkraukles novads'],
  LATGALE: ['Daugavpils', 'Rēzekne', 'Ludzas novads', 'Balvu novads', 'Krāslavas novads', 'Preiļu novads'],
};

/** Activity subjects by field; the curriculum links name the learning areas of the national standard. */
const TOPICS: Record<(typeof FIELDS)[number], { titles: string[]; area: string }> = {
  MATHEMATICS: {
    area: 'matemātikas mācību jomas',
    titles: [
      'Matemātikas mīklu istaba',
      'Ģeometrija ap mums',
      'Statistika sporta spēlēs',
      'Skaitļu detektīvi',
      'Loģikas turnīrs',
      'Finanšu matemātika ikdienā',
    ],
  },
  PHYSICS: {
    area: 'dabaszinātņu mācību jomas (fizika)',
    titles: [
      'Elektrības laboratorija',
      'Skaņa un viļņi',
      'Gaismas optika',
      'Kustība un spēks',
      'Enerģija mājās',
      'Magnētisma eksperimenti',
    ],
  },
  CHEMISTRY: {
    area: 'dabaszinātņu mācību jomas (ķīmija)',
    titles: [
      'Ķīmijas eksperimenti virtuvē',
      'Krāsu ķīmija',
      'Ūdens analīze',
      'Polimēri un plastmasa',
      'Kristālu audzēšana',
      'Skābes un bāzes',
    ],
  },
  BIOLOGY: {
    area: 'dabaszinātņu mācību jomas (bioloģija)',
    titles: ['Mikroskopa pasaule', 'Meža ekosistēma', 'Purva pārgājiens', 'Ģenētika un DNS', 'Putnu vērošana', 'Augu laboratorija'],
  },
  GEOGRAPHY: {
    area: 'dabaszinātņu un sociālās mācību jomas (ģeogrāfija)',
    titles: [
      'Kartes un orientēšanās',
      'Klimats un laikapstākļi',
      'Latvijas upes',
      'Ģeoloģijas ekspedīcija',
      'Jūras krasta pētījums',
      'Ainavu ģeogrāfija',
    ],
  },
  COMPUTING: {
    area: 'tehnoloģiju mācību jomas (datorika)',
    titles: [
      'Robotikas darbnīca',
      'Programmēšana ar Scratch',
      'Mākslīgā intelekta pamati',
      'Drošība internetā',
      'Spēļu izstrāde',
      'Datu vizualizācija',
    ],
  },
  ENGINEERING: {
    area: 'tehnoloģiju mācību jomas (inženierzinības)',
    titles: [
      'Tiltu būvēšanas izaicinājums',
      'Vēja turbīnas modelis',
      'Elektronikas shēmas',
      'Raķešu palaišana',
      'Ūdens filtra konstruēšana',
      'Mehānismi un sviras',
    ],
  },
  DESIGN_AND_TECHNOLOGY: {
    area: 'tehnoloģiju mācību jomas (dizains un tehnoloģijas)',
    titles: [
      '3D drukas darbnīca',
      'Koka izstrādājumu dizains',
      'Tekstila tehnoloģijas',
      'Produkta prototips',
      'Lāzergriešanas darbnīca',
      'Ilgtspējīgs dizains',
    ],
  },
  CIVIC_PARTICIPATION: {
    area: 'sociālās un pilsoniskās mācību jomas',
    titles: [
      'Skolēnu pašpārvalde darbībā',
      'Saeimas apmeklējums',
      'Pašvaldības budžeta spēle',
      'Mediju pratība',
      'Brīvprātīgais darbs kopienā',
      'Debašu klubs',
    ],
  },
};

const ACCESSIBILITY = [
  'Telpas pieejamas ratiņkrēslā; ir pielāgota tualete.',
  'Pieejams indukcijas cilpas aprīkojums; materiāli arī lielā drukā.',
  'Norise notiek pirmajā stāvā; iespējams pielāgot tempu skolēniem ar mācīšanās traucējumiem.',
  null,
];

export interface PlannedActivity {
  /** Index into the providers the seed registers. */
  provider: number;
  input: {
    title: string;
    description: string;
    fields: string[];
    gradeBands: string[];
    curriculumLink: string;
    format: string;
    durationMinutes: number;
    language: string;
    municipality: string | null;
    planningRegion: string | null;
    maxGroupSize: number;
    accessibility: string | null;
  };
  /** SUBMITTED ones wait for the fund's review; the rest are published. */
  status: 'PUBLISHED' | 'SUBMITTED';
  sessions: Array<{ startsAt: string; capacity: number; place: string }>;
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * School days from a week after `today` to the end of the next semester (autumn: September to
 * December; spring: January to August), without July and August (summer holidays) and within
 * the measure's period (to 2028-12-31).
 */
export function demoSessionDays(today: string): string[] {
  const month = Number(today.slice(5, 7));
  const year = Number(today.slice(0, 4));
  // Current autumn semester: the next is spring, to the end of May; current spring: the next is autumn, to December.
  const end = month >= 9 ? `${year + 1}-05-31` : `${year}-12-22`;
  const last = end < '2028-12-31' ? end : '2028-12-31';
  const days: string[] = [];
  for (let day = addDays(today, 7); day <= last; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const summer = day.slice(5, 7) === '07' || day.slice(5, 7) === '08';
    if (weekday !== 0 && weekday !== 6 && !summer && !isLatvianPublicHoliday(day) && day >= '2025-01-01') days.push(day);
  }
  return days;
}

/** `count` activities over `providers` providers, planned for a start on `today` (YYYY-MM-DD in Riga). */
export function planCatalogueDemo(today: string, providers: number, count = 300): PlannedActivity[] {
  const random = seededRandom(4221);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const days = demoSessionDays(today);
  const plan: PlannedActivity[] = [];
  for (let index = 0; index < count; index += 1) {
    const field = FIELDS[index % FIELDS.length]!;
    const topic = TOPICS[field];
    const title = topic.titles[Math.floor(index / FIELDS.length) % topic.titles.length]!;
    // Consecutive bands, one or two: every band and every field meet within the first 45 activities.
    const firstBand = Math.floor(index / FIELDS.length) % GRADE_BANDS.length;
    const bands = GRADE_BANDS.slice(firstBand, firstBand + 1 + (index % 2));
    const format = FORMATS[index % FORMATS.length]!;
    const region = REGIONS[(index * 3 + Math.floor(index / 15)) % REGIONS.length]!;
    const municipality = pick(MUNICIPALITIES[region]);
    const secondField = index % 5 === 0 ? FIELDS[(index + 4) % FIELDS.length]! : undefined;
    const maxGroupSize = pick([15, 20, 25, 30, 30, 40]);
    const sessionCount = days.length === 0 ? 0 : 2 + Math.floor(random() * 4);
    const sessionDays = [...new Set(Array.from({ length: sessionCount }, () => pick(days)))].sort();
    const hour = pick(['09:00', '10:00', '11:30', '13:00']);
    const place =
      format === 'ONLINE' ? 'Tiešsaistē (saite tiek nosūtīta pēc pieteikšanās)' : `${municipality}, demo adrese ${1 + (index % 40)}`;
    plan.push({
      provider: index % providers,
      input: {
        title: `${title} (demo)`,
        description: `Izdomāta demonstrācijas norise: ${title.toLowerCase()} ${bands.length > 1 ? 'skolēniem' : 'klasei'} ar praktiskiem uzdevumiem grupās un pārrunām noslēgumā.`,
        fields: secondField && secondField !== field ? [field, secondField] : [field],
        gradeBands: [...bands],
        curriculumLink: `Atbalsta ${topic.area} sasniedzamos rezultātus (demo).`,
        format,
        durationMinutes: pick([45, 60, 90, 120]),
        language: 'lv',
        municipality: format === 'ONLINE' ? null : municipality,
        planningRegion: format === 'ONLINE' ? null : region,
        maxGroupSize,
        accessibility: pick(ACCESSIBILITY),
      },
      status: index % 60 === 7 ? 'SUBMITTED' : 'PUBLISHED',
      sessions: sessionDays.map((day, i) => ({
        startsAt: `${day}T${hour}:00${rigaOffset(day)}`,
        // Every seventh activity has small groups: its sessions fill up first.
        capacity: index % 7 === 3 ? maxGroupSize : maxGroupSize * (1 + ((index + i) % 3)),
        place,
      })),
    });
  }
  return plan;
}
