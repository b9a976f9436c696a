import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startGatewayUnderTest, type GatewayUnderTest } from './support/gatewayUnderTest';
import { startTestStack, type TestStack } from './support/testStack';
import { REGISTER as REGISTER_PSYCHOLOGIST, registerInput } from '../services/practitioners/test/fixtures';
import { createCatalogue, DEFAULT_CATALOGUE_OPTIONS } from '@eq/catalogue';
import {
  activityInput,
  CREATE_ACTIVITY,
  futureWednesday,
  REGISTER_PROVIDER,
  REVIEW_ACTIVITY,
  SCHEDULE_SESSION,
  SUBMIT_ACTIVITY,
} from '../services/catalogue/test/catalogueOperations';

const INSTITUTION = /* GraphQL */ `
  query GatewayResponseCacheInstitution($id: ID!) {
    institution(id: $id) {
      id
      name
      registrationNumber
      founder {
        kind
        name
      }
      implementationPlaces {
        address
      }
    }
  }
`;
const WITH_LICENCES = /* GraphQL */ `
  query WithLicences($id: ID!) {
    institution(id: $id) {
      name
      licences {
        id
      }
    }
  }
`;
const ACTIVITIES = /* GraphQL */ `
  query Listing {
    activities(first: 5) {
      totalCount
      edges {
        node {
          title
          provider {
            name
          }
        }
      }
    }
  }
`;
const PSYCHOLOGIST = /* GraphQL */ `
  query GatewayResponseCacheVerify($n: String!) {
    psychologist(registrationNumber: $n) {
      name
      status
      registrationDecision {
        number
      }
      certificates {
        number
      }
    }
  }
`;
/** The catalogue page as the site asks for it: activities with their next sessions' availability. */
const LISTING_WITH_SESSIONS = /* GraphQL */ `
  query ListingWithSessions {
    activities(first: 5) {
      edges {
        node {
          title
          sessions {
            startsAt
            freePlaces
            waitingBookings
          }
        }
      }
    }
  }
`;
/** Availability may be this many seconds old for PUBLIC visitors (CATALOGUE_AVAILABILITY_MAX_AGE; 5 s by default). */
const AVAILABILITY_MAX_AGE = 30;
const AMEND = /* GraphQL */ `
  mutation GatewayResponseCacheAmend($input: AmendInstitutionInput!) {
    amendInstitution(input: $input) {
      applied
    }
  }
`;

interface Answer {
  body: { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
  cacheControl: string | null;
  /** Set only on an answer served from the response cache: seconds since it was stored. */
  age: string | null;
}

describe('gateway response cache: public, hinted answers only', () => {
  let stack: TestStack;
  /** Keeps answers as long as the hints allow (60 s), so hits do not depend on the machine's speed. */
  let gateway: GatewayUnderTest;
  /** Caps every entry at one second, to watch one expire. */
  let shortLived: GatewayUnderTest;
  let officer: string;
  let institutionId: string;
  let psychologistNumber: string;

  beforeAll(async () => {
    stack = await startTestStack('gatewaycache', {
      definitions: { catalogue: createCatalogue({ ...DEFAULT_CATALOGUE_OPTIONS, availabilityMaxAgeSeconds: AVAILABILITY_MAX_AGE }) },
    });
    gateway = await startGatewayUnderTest(stack, { GATEWAY_RESPONSE_CACHE_MAX_AGE: '3600' });
    shortLived = await startGatewayUnderTest(stack, { GATEWAY_RESPONSE_CACHE_MAX_AGE: '1' });
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-cache' });
    institutionId = (await stack.client.data(REGISTER, { input: institutionInput({ name: 'Kešatmiņas skola' }) }, officer))
      .registerInstitution.institution.id;
    const psychologist = registerInput();
    await stack.client.data(REGISTER_PSYCHOLOGIST, { input: psychologist }, officer);
    psychologistNumber = psychologist.registrationNumber;
  });
  afterAll(async () => {
    await shortLived?.close();
    await gateway?.close();
    await stack?.close();
  });

  async function ask(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      body: (await response.json()) as Answer['body'],
      cacheControl: response.headers.get('cache-control'),
      age: response.headers.get('age'),
    };
  }

  /** GraphQL requests a subgraph has answered, from its own Prometheus counter. */
  async function served(subgraph: string): Promise<number> {
    const text = await (await fetch(stack.services[subgraph]!.url.replace(/\/graphql$/, '/metrics'))).text();
    return [...text.matchAll(/^subgraph_requests_total\{[^}]*\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  }

  it('answers a repeated public register lookup from the cache: the registry is not asked again', async () => {
    const before = await served('registry');
    const first = await ask(gateway.url, INSTITUTION, { id: institutionId });
    expect(first.body.errors).toBe(undefined);
    expect(first.body.data.institution.name).toBe('Kešatmiņas skola');
    expect(first.cacheControl).toBe('max-age=60, public');
    expect(first.age).toBe(null);
    expect(await served('registry')).toBe(before + 1);

    const second = await ask(gateway.url, INSTITUTION, { id: institutionId });
    expect(second.body).toStrictEqual(first.body);
    expect(second.age).not.toBe(null);
    expect(await served('registry')).toBe(before + 1);

    const metrics = await (await fetch(gateway.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/^gateway_response_cache_total\{result="hit"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^gateway_response_cache_total\{result="miss"\} [1-9]\d*$/m);

    // Other variables are another entry.
    await ask(gateway.url, INSTITUTION, { id: crypto.randomUUID() });
    expect(await served('registry')).toBe(before + 2);
  });

  it('caches the catalogue listing and the psychologist lookup the same way', async () => {
    for (const [subgraph, query, variables] of [
      ['catalogue', ACTIVITIES, {}],
      ['practitioners', PSYCHOLOGIST, { n: psychologistNumber }],
    ] as const) {
      const before = await served(subgraph);
      const first = await ask(gateway.url, query, variables);
      expect(first.body.errors).toBe(undefined);
      assert.ok(first.body.data.activities ?? first.body.data.psychologist, subgraph);
      const second = await ask(gateway.url, query, variables);
      expect(second.body).toStrictEqual(first.body);
      expect(second.age).not.toBe(null);
      expect(await served(subgraph)).toBe(before + 1);
    }
  });

  it('caches the catalogue page with sessions for the availability hint, and never for a school', async () => {
    const fundAdmin = await stack.client.token({ role: Role.FUND_ADMIN, subject: 'fund-cache' });
    const providerId = (await stack.client.data(REGISTER_PROVIDER, { input: { kind: 'MUSEUM', name: 'Kešatmiņas muzejs' } }, fundAdmin))
      .registerProvider.provider.id;
    const provider = await stack.client.token({ role: Role.PROVIDER, providerId, subject: 'provider-cache' });
    const activityId = (await stack.client.data(CREATE_ACTIVITY, { input: activityInput() }, provider)).createActivity.activity.id;
    await stack.client.data(SUBMIT_ACTIVITY, { input: { id: activityId } }, provider);
    await stack.client.data(REVIEW_ACTIVITY, { input: { id: activityId, decision: 'PUBLISH' } }, fundAdmin);
    const input = { activityId, startsAt: futureWednesday().toISOString(), place: 'Rīga, Muzeja iela 1', capacity: 30 };
    await stack.client.data(SCHEDULE_SESSION, { input }, provider);

    const before = await served('catalogue');
    const first = await ask(gateway.url, LISTING_WITH_SESSIONS);
    expect(first.body.errors).toBe(undefined);
    assert.ok(first.body.data.activities.edges.some((edge: any) => edge.node.sessions.some((s: any) => s.freePlaces === 30)));
    // The availability hint is the shortest in the answer: it sets the policy.
    expect(first.cacheControl).toBe(`max-age=${AVAILABILITY_MAX_AGE}, public`);
    const second = await ask(gateway.url, LISTING_WITH_SESSIONS);
    expect(second.body).toStrictEqual(first.body);
    expect(second.age).not.toBe(null);
    expect(await served('catalogue')).toBe(before + 1);

    const school = await stack.client.token({ role: Role.SCHOOL, institutionId, subject: 'school-cache' });
    const private_ = await ask(gateway.url, LISTING_WITH_SESSIONS, {}, school);
    expect([private_.cacheControl, private_.age]).toStrictEqual(['no-store', null]);
  });

  it('never caches for a caller with a token, nor serves one a public entry', async () => {
    await ask(gateway.url, INSTITUTION, { id: institutionId }); // cached for PUBLIC by now
    const before = await served('registry');
    for (let i = 0; i < 2; i += 1) {
      const answer = await ask(gateway.url, INSTITUTION, { id: institutionId }, officer);
      expect(answer.body.errors).toBe(undefined);
      expect(answer.age).toBe(null);
      // The registry marks an answer to a role uncacheable, so no proxy keeps it either.
      expect(answer.cacheControl).toBe('no-store');
    }
    expect(await served('registry')).toBe(before + 2);
  });

  it('does not cache an answer that needs an unhinted subgraph (licences), nor one with errors', async () => {
    const before = await served('registry');
    for (let i = 0; i < 2; i += 1) {
      const answer = await ask(gateway.url, WITH_LICENCES, { id: institutionId });
      expect(answer.body.errors).toBe(undefined);
      expect(answer.cacheControl).toBe('no-store');
      expect(answer.age).toBe(null);
    }
    const failed = [await ask(gateway.url, INSTITUTION, { id: 'not-an-id' }), await ask(gateway.url, INSTITUTION, { id: 'not-an-id' })];
    assert.ok(
      failed.every((answer) => answer.body.errors?.length && answer.age === null),
      JSON.stringify(failed.map((a) => a.body)),
    );
    expect(await served('registry')).toBe(before + 4);
  });

  it('clears the cache on a mutation through the gateway: the next public read is fresh', async () => {
    expect((await ask(gateway.url, INSTITUTION, { id: institutionId })).body.data.institution.name).toBe('Kešatmiņas skola');
    const amended = await ask(
      gateway.url,
      AMEND,
      { input: { id: institutionId, name: 'Kešatmiņas pamatskola', decision: { number: 'K-1', date: '2024-09-10' } } },
      officer,
    );
    expect(amended.body.errors).toBe(undefined);
    const after = await ask(gateway.url, INSTITUTION, { id: institutionId });
    expect(after.age).toBe(null);
    expect(after.body.data.institution.name).toBe('Kešatmiņas pamatskola');
  });

  it('lets an entry live no longer than GATEWAY_RESPONSE_CACHE_MAX_AGE, whatever the hint says', async () => {
    const before = await served('registry');
    await ask(shortLived.url, INSTITUTION, { id: institutionId });
    expect(await served('registry')).toBe(before + 1);
    // Served from the cache until the one-second cap ends, then fetched again.
    const refetched = await eventually(
      async () => ({ answer: await ask(shortLived.url, INSTITUTION, { id: institutionId }), count: await served('registry') }),
      ({ count }) => count === before + 2,
      { what: 'the entry to expire and the registry to be asked again' },
    );
    expect(refetched.answer.age).toBe(null);
  });
});
