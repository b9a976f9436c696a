import type { GatewayError } from './gatewayClient';

/**
 * What the visitor reads when the gateway refuses or fails: Latvian, and about what they can do.
 * A known `reason` explains itself; otherwise the error's code does. The gateway's own message is
 * English and for developers: it goes to the log, never to the page.
 */
const BY_REASON: Record<string, string> = {
  OUTSIDE_FUND_PERIOD: 'Pasākums apmaksā tikai nodarbības tā darbības laikā (2025–2028).',
};

/** Refusals of one input field, when they need no reason to explain them. */
const BY_FIELD: Record<string, string> = {
  after: 'Saite uz šo lapu vairs nav derīga. Sāciet no kataloga sākuma.',
  'filter.search': 'Meklējamais teksts ir pārāk garš.',
};

const BY_CODE: Record<string, { status: 400 | 403 | 404 | 429 | 502 | 503; message: string }> = {
  VALIDATION_FAILED: { status: 400, message: 'Meklēšanas nosacījumi nav derīgi. Pārbaudiet ievadīto un mēģiniet vēlreiz.' },
  BAD_USER_INPUT: { status: 400, message: 'Meklēšanas nosacījumi nav derīgi. Pārbaudiet ievadīto un mēģiniet vēlreiz.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, message: 'Pieprasījums nav derīgs.' },
  QUERY_TOO_COMPLEX: { status: 400, message: 'Pieprasījums ir pārāk sarežģīts. Sašauriniet meklēšanu.' },
  FORBIDDEN: { status: 403, message: 'Jums nav tiesību to redzēt.' },
  UNAUTHENTICATED: { status: 403, message: 'Lai to redzētu, jāpiesakās.' },
  NOT_FOUND: { status: 404, message: 'Šāda norise katalogā nav atrodama.' },
  RATE_LIMITED: { status: 429, message: 'Pārāk daudz pieprasījumu. Lūdzu, pagaidiet brīdi un mēģiniet vēlreiz.' },
  UNAVAILABLE: { status: 503, message: 'Katalogs pašlaik nav pieejams. Lūdzu, mēģiniet vēlāk.' },
};

const OTHERWISE = { status: 502 as const, message: 'Kataloga serverī radās kļūda. Lūdzu, mēģiniet vēlāk.' };

/** The HTTP status of the page and the Latvian sentence it shows for the error. */
export function explainRefusal(error: Pick<GatewayError, 'code' | 'reason' | 'field'>): {
  status: 400 | 403 | 404 | 429 | 502 | 503;
  message: string;
} {
  const byCode = BY_CODE[error.code] ?? OTHERWISE;
  const specific = (error.reason && BY_REASON[error.reason]) || (error.field && BY_FIELD[error.field]);
  return { status: byCode.status, message: specific || byCode.message };
}
