import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CALLER_HEADER, encodeCaller, GATEWAY_SECRET_HEADER, Role, signCallerToken } from '@eq/shared';
import { institutionInput, LIQUIDATE, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';

describe('authorisation at the gateway and the subgraphs', () => {
  let stack: TestStack;
  let institutionId: string;

  beforeAll(async () => {
    stack = await startTestStack('auth');
    const officer = await stack.client.token({ role: Role.OFFICER });
    const { registerInstitution } = await stack.client.data(REGISTER, { input: institutionInput() }, officer);
    institutionId = registerInstitution.institution.id;
  });
  afterAll(async () => stack?.close());

  const liquidation = () => ({ input: { id: institutionId, decision: { number: 'D-1', date: '2024-10-01' } } });

  it('refuses a PUBLIC caller liquidating an institution with FORBIDDEN and changes nothing', async () => {
    const response = await stack.client.request(LIQUIDATE, liquidation());
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { institution } = await stack.client.data('query($id: ID!) { institution(id: $id) { status } }', { id: institutionId });
    expect(institution.status).toBe('ACTIVE');
  });

  it('refuses a SCHOOL caller registering an institution', async () => {
    const school = await stack.client.token({ role: Role.SCHOOL, institutionId });
    const response = await stack.client.request(REGISTER, { input: institutionInput() }, school);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers 401 UNAUTHENTICATED to a token signed with another secret, instead of serving it as PUBLIC', async () => {
    const forged = await signCallerToken({ role: Role.OFFICER }, 'some-other-secret-that-is-also-long-enough');
    const response = await stack.client.request(LIQUIDATE, liquidation(), forged);
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has every subgraph refuse a request that lacks the gateway secret, even with a forged OFFICER caller', async () => {
    for (const service of Object.values(stack.services)) {
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CALLER_HEADER]: encodeCaller({ role: Role.OFFICER }) },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('has a subgraph refuse a wrong gateway secret', async () => {
    const response = await fetch(stack.services.registry!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: 'not-the-gateway-secret' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('answers an out-of-range page size with VALIDATION_FAILED and no stack trace', async () => {
    const response = await stack.client.request('query { institutions(first: 1000) { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(response).includes('stacktrace')).toBe(false);
  });
});
