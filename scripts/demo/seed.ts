import { readFileSync } from 'node:fs';
import { Role, signCallerToken, todayInLatvia, type Caller } from '@eq/shared';
import { municipalityAuthorityName } from '@eq/registry';
import { seedPractitionersDemo } from './practitioners/seedPractitionersDemo';
import { seedCatalogueDemo } from './catalogueDemo';
import { seedLicensingAccreditationDemo, type DemoApi } from './licensingAccreditationDemo';

/**
 * Demo data, entered through the gateway like any client would, so every record also travels
 * as an event: the seven interest-education centres holding state-significance status
 * (reference data), a psychologist, a catalogue of a few hundred activities with sessions
 * (catalogueDemo.ts); and
 * schools with licences, accreditations, heads' evaluations and interest-education programmes
 * sized from the 2024 figures (licensingAccreditationDemo.ts).
 * Registration numbers, addresses and decision numbers are made up and marked as demo.
 * Idempotent: institutions already present (by name) are left alone, and the rest is only
 * added on the first run.
 */
interface Centre {
  name: string;
  city: string;
  planningRegion: string;
}

const centres: Centre[] = JSON.parse(readFileSync(new URL('./stateSignificanceCentres.json', import.meta.url), 'utf8')).institutions;

/** The municipality of each centre's city: state cities are their own municipality. */
const MUNICIPALITY_OF_CITY: Record<string, string> = { Cēsis: 'Cēsu novads', Kuldīga: 'Kuldīgas novads' };
const municipalityOf = (city: string) => MUNICIPALITY_OF_CITY[city] ?? city;

async function call(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`demo seed: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** Retries while a service has not yet seen the registry's event (eventual consistency). */
async function whenKnown<T>(attempt: () => Promise<T>, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline || !/does not exist|not known/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function seedDemoData(gatewayUrl: string, jwtSecret: string): Promise<{ created: number }> {
  const officer = await signCallerToken({ role: Role.OFFICER, subject: 'demo-seed' }, jwtSecret);
  // The centres are the register's only state-significant institutions: other demo institutions never hide them past the first page.
  const existing = await call(
    gatewayUrl,
    undefined,
    '{ institutions(filter: { stateSignificance: true }, first: 100) { totalCount edges { node { id name } } } }',
  );
  const known = new Set(existing.institutions.edges.map((edge: any) => edge.node.name));
  const firstRun = existing.institutions.totalCount === 0;

  const created: Array<{ id: string; placeId: string }> = [];
  for (const [index, centre] of centres.entries()) {
    if (known.has(centre.name)) continue;
    const data = await call(
      gatewayUrl,
      officer,
      `mutation($input: RegisterInstitutionInput!) {
      registerInstitution(input: $input) { institution { id implementationPlaces { id } } } }`,
      {
        input: {
          registrationNumber: String(9_000_000_001 + index),
          name: centre.name,
          type: 'INTEREST_EDUCATION',
          founder: {
            kind: 'MUNICIPALITY',
            name: municipalityAuthorityName(municipalityOf(centre.city)),
            municipality: municipalityOf(centre.city),
          },
          planningRegion: centre.planningRegion,
          implementationPlaces: [
            {
              address: `${centre.city} (demonstrācijas adrese)`,
              municipality: municipalityOf(centre.city),
              planningRegion: centre.planningRegion,
            },
          ],
          decision: { number: `DEMO-${index + 1}`, date: '2024-09-01' },
        },
      },
    );
    const id = data.registerInstitution.institution.id;
    // The reference data lists these seven as holding state-significance status on 2024-09-01.
    await call(gatewayUrl, officer, 'mutation($input: StateSignificanceInput!) { grantStateSignificance(input: $input) { applied } }', {
      input: { id, decision: { number: `DEMO-S-${index + 1}`, date: '2024-09-01' } },
    });
    created.push({ id, placeId: data.registerInstitution.institution.implementationPlaces[0].id });
  }
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) tokens.set(key, signCallerToken(caller, jwtSecret));
    return tokens.get(key)!;
  };
  // A minute for Kafka to bring licensing and accreditation up to date: with a broker shared by
  // earlier runs, a fresh consumer group first reads the topics' history.
  const api: DemoApi = {
    call: async (caller, query, variables) => call(gatewayUrl, await tokenFor(caller), query, variables),
    whenKnown: (attempt) => whenKnown(attempt, 60_000),
  };
  const sized = await seedLicensingAccreditationDemo(api);
  if (sized.institutions > 0)
    console.log(
      `Demo data: ${sized.institutions} schools, ${sized.licences} licences, ${sized.accreditations} accreditations, ${sized.headEvaluations} heads evaluated, ${sized.interestProgrammes} interest-education programmes (2024 figures).`,
    );
  const catalogueStarted = Date.now();
  const catalogue = await seedCatalogueDemo(
    api,
    [...existing.institutions.edges.map((edge: any) => edge.node.id), ...created.map((centre) => centre.id)],
    todayInLatvia(),
  );
  if (catalogue.published > 0)
    console.log(
      `Demo data: ${catalogue.providers} activity providers, ${catalogue.published} published activities (${catalogue.underReview} more under review), ${catalogue.sessions} sessions, ${catalogue.bookings.confirmed} bookings by ${catalogue.bookings.schools} demo schools (${catalogue.bookings.waiting} waiting, ${catalogue.bookings.refused} refused), in ${((Date.now() - catalogueStarted) / 1000).toFixed(1)} s.`,
    );
  if (!firstRun || created.length === 0) return { created: created.length };

  // The centres are interest-education institutions: the service neither licenses nor
  // accredits them (source 004); their programmes are registered above, and they offer
  // catalogue activities (catalogueDemo.ts).
  const psychologist = await call(
    gatewayUrl,
    officer,
    `mutation($input: RegisterPsychologistInput!) { registerPsychologist(input: $input) { psychologist { id } } }`,
    {
      input: {
        registrationNumber: '9001',
        name: 'Anna Bērziņa (demo)',
        personalCode: '321234-56789',
        education: 'Master of Psychology (demo)',
        decision: { number: 'DEMO-P-1', date: '2024-09-02' },
      },
    },
  );
  await call(
    gatewayUrl,
    officer,
    `mutation($input: CertifyPsychologistInput!) { certifyPsychologist(input: $input) { psychologist { id } } }`,
    {
      input: {
        psychologistId: psychologist.registerPsychologist.psychologist.id,
        certificateNumber: 'DEMO-C-1',
        fieldOfPractice: 'EDUCATION_AND_SCHOOL',
        decision: { number: 'DEMO-P-2', date: '2024-09-05' },
      },
    },
  );
  return { created: created.length };
}

/**
 * The practitioners' registers sized from the 2024 figures (about 1,400 psychologists, 400 of
 * them supervisors, a few hundred child-minders and private-practice teachers), through the
 * gateway. About 3,600 mutations: tens of seconds on the first run, nothing afterwards.
 */
export async function seedPractitionersRegisters(gatewayUrl: string, jwtSecret: string, today: string): Promise<{ created: number }> {
  const officer = await signCallerToken({ role: Role.OFFICER, subject: 'demo-seed' }, jwtSecret);
  return seedPractitionersDemo((query, variables) => call(gatewayUrl, officer, query, variables), today);
}
