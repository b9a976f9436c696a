import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { eventually } from './support/eventually';
import { institutionInput, REGISTER } from './support/fixtures';
import { startTestStack, type TestStack } from './support/testStack';

/*
 * Issue 16, Latvian labels: the special-needs categories are no longer closed at the six licensed
 * in 2024; programmes for learners with visual, hearing or physical development impairments or
 * somatic diseases can be licensed, and each category carries its Latvian label.
 */

const ISSUE_SPECIAL = /* GraphQL */ `
  mutation E2eIssueSpecialNeedsLicence($input: IssueLicenceInput!) {
    issueLicence(input: $input) {
      licence {
        kind
        specialNeedsCategory
      }
    }
  }
`;
const CATEGORY_LABELS = /* GraphQL */ `
  query E2eSpecialNeedsLabels {
    licensingEnumLabels {
      enum
      value
      labelLv
    }
  }
`;

describe('special-needs programmes for every public category', () => {
  let stack: TestStack;
  let officer: string;

  beforeAll(async () => {
    stack = await startTestStack('specialneeds');
    officer = await stack.client.token({ role: Role.OFFICER, subject: 'officer-special-needs' });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('licenses programmes for visual, hearing, physical and somatic needs, each with its Latvian label', async () => {
    const school = (await stack.client.data(REGISTER, { input: institutionInput() }, officer)).registerInstitution.institution;
    const categories = ['VISUAL_IMPAIRMENTS', 'HEARING_IMPAIRMENTS', 'PHYSICAL_DEVELOPMENT_DISORDERS', 'SOMATIC_DISEASES'];
    const issued = [];
    for (const [i, specialNeedsCategory] of categories.entries()) {
      const input = {
        institutionId: school.id,
        implementationPlaceId: school.implementationPlaces[0].id,
        programmeCode: `2101561${i}`,
        programmeName: `Speciālā pamatizglītības programma ${i}`,
        level: 'BASIC',
        kind: 'SPECIAL',
        specialNeedsCategory,
        decisionNumber: `L-SN-${i}`,
        issuedOn: '2025-01-10',
      };
      const response = await eventually(
        () => stack.client.request(ISSUE_SPECIAL, { input }, officer),
        (r) => !r.errors,
        { what: 'licensing to know the institution' },
      );
      issued.push(response.data.issueLicence.licence);
    }
    expect(issued).toStrictEqual(categories.map((specialNeedsCategory) => ({ kind: 'SPECIAL', specialNeedsCategory })));

    const labels = (await stack.client.data(CATEGORY_LABELS)).licensingEnumLabels.filter(
      (label: { enum: string }) => label.enum === 'SpecialNeedsCategory',
    );
    expect(Object.fromEntries(labels.map((label: { value: string; labelLv: string }) => [label.value, label.labelLv]))).toMatchObject({
      VISUAL_IMPAIRMENTS: 'Ar redzes traucējumiem',
      HEARING_IMPAIRMENTS: 'Ar dzirdes traucējumiem',
      PHYSICAL_DEVELOPMENT_DISORDERS: 'Ar fiziskās attīstības traucējumiem',
      SOMATIC_DISEASES: 'Ar somatiskām saslimšanām',
    });
  });
});
