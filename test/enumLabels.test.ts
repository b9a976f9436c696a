import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, type TestStack } from './support/testStack';

/*
 * Issue 16, Latvian labels: every enum value reachable from the public schema has a non-empty
 * Latvian label, served as data by the subgraph that declares the enum. The enums are read by
 * introspecting the gateway's API schema, so an enum or value added anywhere without its label
 * fails here.
 */

const ENUMS = `
  query E2eApiEnums {
    __schema {
      types {
        name
        kind
        enumValues(includeDeprecated: true) {
          name
        }
      }
    }
  }
`;

const LABELS = /* GraphQL */ `
  fragment E2eEnumLabel on EnumLabel {
    enum
    value
    labelLv
    labelEn
  }
  query E2eEnumLabels {
    registryEnumLabels {
      ...E2eEnumLabel
    }
    licensingEnumLabels {
      ...E2eEnumLabel
    }
    accreditationEnumLabels {
      ...E2eEnumLabel
    }
    practitionersEnumLabels {
      ...E2eEnumLabel
    }
    catalogueEnumLabels {
      ...E2eEnumLabel
    }
  }
`;

interface IntrospectedType {
  name: string;
  kind: string;
  enumValues: { name: string }[] | null;
}

interface EnumLabel {
  enum: string;
  value: string;
  labelLv: string;
  labelEn: string | null;
}

describe('Latvian labels for every public enum value', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('enumlabels');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('serves a non-empty labelLv, to anyone, for every value of every enum in the API schema', async () => {
    const { __schema } = (await stack.client.data(ENUMS)) as { __schema: { types: IntrospectedType[] } };
    const publicValues = __schema.types
      .filter(({ kind, name }) => kind === 'ENUM' && !name.startsWith('__'))
      .flatMap(({ name, enumValues }) => (enumValues ?? []).map((value) => `${name}.${value.name}`));
    expect(publicValues.length).toBeGreaterThan(200);

    const served = Object.values((await stack.client.data(LABELS)) as Record<string, EnumLabel[]>).flat();
    const labelLv = new Map<string, Set<string>>();
    for (const label of served) {
      const key = `${label.enum}.${label.value}`;
      labelLv.set(key, (labelLv.get(key) ?? new Set()).add(label.labelLv));
    }

    expect(publicValues.filter((key) => ![...(labelLv.get(key) ?? [])].some((lv) => lv.trim() !== ''))).toEqual([]);
    // An enum two subgraphs declare (PlanningRegion) gets one label, whichever subgraph serves it.
    expect([...labelLv].filter(([, labels]) => labels.size > 1).map(([key]) => key)).toEqual([]);
    // Labels name only values the API has.
    expect([...labelLv.keys()].filter((key) => !publicValues.includes(key))).toEqual([]);
  });

  it('gives the special-needs categories the wording of the 2024 annual report', async () => {
    const { licensingEnumLabels } = (await stack.client.data(LABELS)) as { licensingEnumLabels: EnumLabel[] };
    const specialNeeds = new Map(
      licensingEnumLabels.filter((label) => label.enum === 'SpecialNeedsCategory').map((l) => [l.value, l.labelLv]),
    );
    expect(specialNeeds.get('LANGUAGE_DISORDERS')).toBe('Ar valodas traucējumiem');
    expect(specialNeeds.get('LEARNING_DISORDERS')).toBe('Ar mācīšanās traucējumiem');
  });
});
