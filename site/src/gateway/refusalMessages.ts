import type { GatewayError } from './gatewayClient';

/**
 * What the visitor reads when the gateway refuses or fails: Latvian, and about what they can do.
 * A known `reason` explains itself; otherwise the error's code does. The gateway's own message is
 * English and for developers: it goes to the log, never to the page.
 */
const BY_REASON: Record<string, string> = {
  OUTSIDE_FUND_PERIOD: 'Pasākums apmaksā tikai nodarbības tā darbības laikā (2025–2028).',
  // Booking refusals (services/catalogue/src/domain/bookingRules.ts, fundQuota.ts): what the school can change.
  BOOKING_CLOSED: 'Pieteikšanās šai nodarbībai ir slēgta: termiņš ir pagājis vai nodarbība vairs nenotiek. Izvēlieties citu nodarbību.',
  GROUP_TOO_LARGE: 'Grupa ir lielāka, nekā šajā norisē drīkst būt. Piesakiet mazāku grupu vai sadaliet to vairākās nodarbībās.',
  GROUP_LARGER_THAN_GRADE:
    'Grupā ir vairāk skolēnu, nekā skolas fiksētajos skolēnu skaita datos ir šajā klasē. Pārbaudiet klasi un skolēnu skaitu.',
  GRADE_BAND_MISMATCH: 'Šī norise nav paredzēta izvēlētās klases skolēniem. Izvēlieties citu klasi vai citu norisi.',
  PUPIL_QUOTA_EXCEEDED:
    'Šīs klases skolēniem šajā pusgadā vairs nepietiek apmaksātu apmeklējumu. Piesakiet mazāku grupu vai nodarbību nākamajā pusgadā.',
  SCHOOL_ALLOCATION_EXCEEDED:
    'Skolas šā pusgada finansējums šim pieteikumam nepietiek. Piesakiet mazāku grupu vai atceliet kādu citu pieteikumu.',
  SEMESTER_BUDGET_EXCEEDED: 'Pasākuma šā pusgada budžets ir izlietots. Izvēlieties nodarbību nākamajā pusgadā.',
  NO_LOCKED_LEARNER_COUNTS:
    'Skolai šim mācību gadam nav apstiprinātu un fiksētu skolēnu skaita datu, tāpēc nodarbības pieteikt nevar. Sazinieties ar dibinātāju.',
  BOOKING_NOT_ACTIVE: 'Šo pieteikumu vairs nevar atcelt: tas jau ir atcelts vai nodarbība ir notikusi.',
};

/** Refusals of one input field, when they need no reason to explain them. */
const BY_FIELD: Record<string, string> = {
  after: 'Saite uz šo lapu vairs nav derīga. Sāciet no kataloga sākuma.',
  'filter.search': 'Meklējamais teksts ir pārāk garš.',
  grade: 'Klasei jābūt no 0 (pirmsskolas grupa) līdz 12.',
  pupils: 'Skolēnu skaitam jābūt veselam skaitlim, vismaz 1.',
};

const BY_CODE: Record<string, { status: 400 | 403 | 404 | 409 | 429 | 502 | 503; message: string }> = {
  VALIDATION_FAILED: { status: 400, message: 'Meklēšanas nosacījumi nav derīgi. Pārbaudiet ievadīto un mēģiniet vēlreiz.' },
  BAD_USER_INPUT: { status: 400, message: 'Meklēšanas nosacījumi nav derīgi. Pārbaudiet ievadīto un mēģiniet vēlreiz.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: 'Pieprasījums nav derīgs.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'Pieprasījums ir pārāk sarežģīts. Sašauriniet meklēšanu.' },
  FORBIDDEN: { status: 403, message: 'Jums nav tiesību to redzēt.' },
  UNAUTHENTICATED: { status: 403, message: 'Lai to redzētu, jāpiesakās.' },
  NOT_FOUND: { status: 404, message: 'Šāda norise katalogā nav atrodama.' },
  CONFLICT: {
    status: 409,
    message: 'To pašlaik nevar izdarīt: to neļauj noteikumi vai dati ir mainījušies. Atjaunojiet lapu un mēģiniet vēlreiz.',
  },
  QUOTA_EXCEEDED: { status: 409, message: 'Pieteikums pārsniedz pieejamo apjomu.' },
  RATE_LIMITED: { status: 429, message: 'Pārāk daudz pieprasījumu. Lūdzu, pagaidiet brīdi un mēģiniet vēlreiz.' },
  UNAVAILABLE: { status: 503, message: 'Katalogs pašlaik nav pieejams. Lūdzu, mēģiniet vēlāk.' },
};

const OTHERWISE = { status: 502 as const, message: 'Kataloga serverī radās kļūda. Lūdzu, mēģiniet vēlāk.' };

/** The HTTP status of the page and the Latvian sentence it shows for the error. */
export function explainRefusal(error: Pick<GatewayError, 'code' | 'reason' | 'field'>): {
  status: 400 | 403 | 404 | 409 | 429 | 502 | 503;
  message: string;
} {
  const byCode = BY_CODE[error.code] ?? OTHERWISE;
  const specific = (error.reason && BY_REASON[error.reason]) || (error.field && BY_FIELD[error.field]);
  return { status: byCode.status, message: specific || byCode.message };
}
