import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { childMinderInput } from '../services/practitioners/test/fixtures';
import { startTestStack, type TestStack } from './support/testStack';

/* Issue 16, child-minders: refusal and exclusion reasons are codes with Latvian labels plus free text, through the gateway. */

const REGISTER = /* GraphQL */ `
  mutation E2eRegisterChildMinder($input: RegisterChildcareProviderInput!) {
    registerChildcareProvider(input: $input) {
      childcareProvider {
        id
      }
    }
  }
`;
const EXCLUDE = /* GraphQL */ `
  mutation E2eExcludeChildMinder($input: ExcludeChildcareProviderInput!) {
    excludeChildcareProvider(input: $input) {
      childcareProvider {
        status
      }
    }
  }
`;
const REFUSE = /* GraphQL */ `
  mutation E2eRefuseChildMinder($input: RefuseChildcareProviderInput!) {
    refuseChildcareProvider(input: $input) {
      childcareProvider {
        refusalReasonCode
        refusalReasonLabelLv
        refusalReason
      }
    }
  }
`;
const ENTRY = /* GraphQL */ `
  query E2eChildMinderReasons($n: String!) {
    childcareProvider(registrationNumber: $n) {
      status
      exclusionReasonCode
      exclusionReasonLabelLv
      exclusionReason
      refusalReasonCode
      refusalReasonLabelLv
      refusalReason
    }
  }
`;

describe('child-minders: coded refusal and exclusion reasons with Latvian labels', () => {
  let stack: TestStack;
  let officer: string;
  const number = (prefix: string) => `${prefix}-${randomInt(1_000_000, 9_999_999)}`;

  beforeAll(async () => {
    stack = await startTestStack('childminderreasons');
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-childminders' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('excludes a legal person whose founder was liquidated, showing the code and its Latvian label to the public', async () => {
    const registrationNumber = number('BU');
    const input = childMinderInput({
      registrationNumber,
      kind: 'LEGAL_PERSON',
      name: 'SIA Auklītes',
      personalCode: null,
      companyNumber: '40003123456',
    });
    const { id } = (await stack.client.data(REGISTER, { input }, officer)).registerChildcareProvider.childcareProvider;
    await stack.client.data(
      EXCLUDE,
      { input: { id, reasonCode: 'FOUNDER_LIQUIDATED', decision: { number: 'BU-X/9', date: '2024-09-01' } } },
      officer,
    );
    expect((await stack.client.data(ENTRY, { n: registrationNumber })).childcareProvider).toStrictEqual({
      status: 'EXCLUDED',
      exclusionReasonCode: 'FOUNDER_LIQUIDATED',
      exclusionReasonLabelLv: 'Dibinātājs likvidēts',
      exclusionReason: null,
      refusalReasonCode: null,
      refusalReasonLabelLv: null,
      refusalReason: null,
    });
  });

  it('refuses OTHER without its text, storing nothing, and keeps a refusal’s reason to OFFICERs', async () => {
    const applicationNumber = number('PIET');
    const input = { ...childMinderInput(), applicationNumber, reasonCode: 'OTHER' };
    const refused = await stack.client.request(REFUSE, { input }, officer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reasonText' });
    expect((await stack.client.data(ENTRY, { n: applicationNumber }, officer)).childcareProvider).toBeNull();

    const recorded = await stack.client.data(REFUSE, { input: { ...input, reasonText: 'Iesniegums nav parakstīts' } }, officer);
    expect(recorded.refuseChildcareProvider.childcareProvider).toStrictEqual({
      refusalReasonCode: 'OTHER',
      refusalReasonLabelLv: 'Cits iemesls',
      refusalReason: 'Iesniegums nav parakstīts',
    });
    expect((await stack.client.data(ENTRY, { n: applicationNumber })).childcareProvider).toBeNull();
  });
});
