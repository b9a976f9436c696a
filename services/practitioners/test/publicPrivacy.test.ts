import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { PUBLIC_CALLER, type Caller, DayClock } from '@eq/shared';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { createPractitioners } from '../src/index';
import { birthDateOf, CERTIFY, hyphenated, OFFICER, personalCode, PROVIDER, REGISTER, registerInput, surname } from './fixtures';

/**
 * The privacy rule checked against the whole public surface, not a list of fields someone
 * remembered: the test introspects the subgraph for its root fields and the gateway for their types, builds a query selecting every field reachable
 * from every root field, runs it as PUBLIC and as PROVIDER, and looks for any seeded personal code,
 * birth date or home address given without consent anywhere in the answers. A field added later
 * is walked without anyone editing this test; a root field with required arguments the test
 * cannot supply fails it, so it cannot be skipped silently.
 */

type Args = Record<string, unknown>;

/** Every field reachable from `type`, as a selection set; fields needing arguments and cycles are left out. */
function selectionOf(type: GraphQLNamedType, schema: GraphQLSchema, path: readonly string[] = []): string {
  if (isLeafType(type)) return '';
  if (isUnionType(type)) {
    return `{ __typename ${type
      .getTypes()
      .map((member) => `... on ${member.name} ${selectionOf(member, schema, path)}`)
      .join(' ')} }`;
  }
  if (!isObjectType(type)) throw new Error(`unexpected type ${type.name}`);
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (path.includes(named.name)) continue;
    parts.push(isLeafType(named) ? field.name : `${field.name} ${selectionOf(named, schema, [...path, type.name])}`);
  }
  return `{ __typename ${parts.join(' ')} }`;
}

/** Every leaf of a response, with its path and the GraphQL type that held it. */
function leaves(
  value: unknown,
  path: string,
  typename: string | undefined,
  out: Array<{ path: string; coordinate: string; value: unknown }>,
) {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, typename, out));
  else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(object)) leaves(child, `${path}.${key}`, (object.__typename as string) ?? typename, out);
  } else
    out.push({
      path,
      coordinate: `${typename}.${path
        .split('.')
        .at(-1)!
        .replace(/\[\d+\]$/, '')}`,
      value,
    });
}

const clock = new DayClock('2024-11-22');

describe('the public surface never shows personal codes, birth dates or home addresses without consent', () => {
  let harness: GatewayHarness;
  let schema: GraphQLSchema;
  let ownRootFields: string[];
  /** Arguments for each root field that needs them: the field is queried once per entry. */
  const rootArguments: Record<string, Args[]> = {};
  /** Strings that must never reach a PUBLIC or PROVIDER caller. */
  const secrets: string[] = [];
  /** Strings the walk must find, proving it reached the seeded entries. */
  const expected: string[] = [];

  const ok = async (query: string, variables: Args) => {
    const response = await harness.request(query, variables, OFFICER);
    expect(response.errors).toBe(undefined);
    return response.data;
  };
  const keepSecret = (code: string) => secrets.push(code, hyphenated(code), birthDateOf(code));

  beforeAll(async () => {
    harness = await startGatewayHarness(createPractitioners({ clock }));
    // Selections come from the supergraph clients see; the root fields walked are the ones this subgraph owns.
    schema = buildClientSchema((await harness.request<IntrospectionQuery>(getIntrospectionQuery())).data!);
    const own = buildClientSchema((await harness.direct<IntrospectionQuery>(getIntrospectionQuery())).data!);
    ownRootFields = Object.keys(own.getQueryType()!.getFields()).filter((name) => !name.startsWith('_'));

    const psychologist = registerInput({ decision: { number: 'R-1', date: '2020-01-10' } });
    keepSecret(psychologist.personalCode);
    const { id } = (await ok(REGISTER, { input: psychologist })).registerPsychologist.psychologist;
    await ok(CERTIFY, {
      input: {
        psychologistId: id,
        certificateNumber: `P-${id}`,
        fieldOfPractice: 'LEGAL',
        decision: { number: 'S-1', date: '2020-02-01' },
      },
    });
    await ok('mutation($i: GrantSupervisorRightsInput!) { grantSupervisorRights(input: $i) { psychologist { id } } }', {
      i: { psychologistId: id, fieldOfPractice: 'LEGAL', decision: { number: 'PR-1', date: '2020-03-01' } },
    });
    await ok('mutation($i: RecogniseForeignQualificationInput!) { recogniseForeignQualification(input: $i) { psychologist { id } } }', {
      i: {
        psychologistId: id,
        country: 'EE',
        qualification: 'Psühholoog',
        decision: { number: 'AK-1', date: '2020-04-01' },
        recognitionCertificate: { number: 'AA-1', date: '2020-04-02' },
      },
    });
    for (const m of ['suspendPsychologist', 'restorePsychologist']) {
      await ok(`mutation($i: PsychologistStatusDecisionInput!) { ${m}(input: $i) { psychologist { id } } }`, {
        i: { psychologistId: id, decision: { number: m, date: '2021-01-01' } },
      });
    }
    rootArguments.psychologist = [{ registrationNumber: psychologist.registrationNumber }];
    expected.push(psychologist.registrationNumber, 'Psühholoog', 'PR-1');

    const providerNumbers: string[] = [];
    const provider = async (kind: 'private' | 'consenting' | 'legal' | 'refused' | 'excluded') => {
      const code = personalCode();
      const tag = surname();
      const input: Args = {
        registrationNumber: `BU-${tag}`,
        kind: kind === 'legal' ? 'LEGAL_PERSON' : 'NATURAL_PERSON',
        name: `Aukle ${tag}`,
        personalCode: kind === 'legal' ? null : code,
        companyNumber: kind === 'legal' ? `4000${tag.length}123456`.slice(0, 11) : null,
        homeAddress: `Mājas iela ${tag}, Cēsis`,
        homeAddressPublic: kind === 'consenting',
        serviceAddress: `Darba iela ${tag}, Cēsis`,
        municipality: 'Cēsu novads',
        decision: { number: `BU-${kind}`, date: '2022-01-01' },
      };
      if (kind !== 'legal') keepSecret(code);
      if (kind === 'private' || kind === 'refused' || kind === 'excluded') secrets.push(input.homeAddress as string);
      else expected.push(input.homeAddress as string);
      if (kind === 'refused') {
        const { registrationNumber, homeAddressPublic: _consent, ...rest } = input;
        await ok('mutation($i: RefuseChildcareProviderInput!) { refuseChildcareProvider(input: $i) { childcareProvider { id } } }', {
          i: { ...rest, applicationNumber: registrationNumber, reasonCode: 'OTHER', reasonText: `Atteikts ${tag}` },
        });
        secrets.push(`Atteikts ${tag}`, input.name as string);
      } else {
        const { id: providerId } = (
          await ok('mutation($i: RegisterChildcareProviderInput!) { registerChildcareProvider(input: $i) { childcareProvider { id } } }', {
            i: input,
          })
        ).registerChildcareProvider.childcareProvider;
        expected.push(input.serviceAddress as string);
        if (kind === 'excluded') {
          await ok('mutation($i: ExcludeChildcareProviderInput!) { excludeChildcareProvider(input: $i) { childcareProvider { id } } }', {
            i: { id: providerId, reasonCode: 'SERVICE_DISCONTINUED', decision: { number: 'BU-X', date: '2023-01-01' } },
          });
        }
      }
      providerNumbers.push(input.registrationNumber as string);
    };
    for (const kind of ['private', 'consenting', 'legal', 'refused', 'excluded'] as const) await provider(kind);
    rootArguments.childcareProvider = providerNumbers.map((registrationNumber) => ({ registrationNumber }));

    const teacherCode = personalCode();
    keepSecret(teacherCode);
    const certificate = (
      await ok(
        'mutation($i: IssuePrivatePracticeCertificateInput!) { issuePrivatePracticeCertificate(input: $i) { certificate { id number } } }',
        {
          i: {
            number: `PP-${surname()}`,
            teacherName: 'Jānis Skolotājs',
            personalCode: teacherCode,
            programmeKind: 'INTEREST_EDUCATION',
            programmeName: 'Šahs',
            municipality: 'Rīga',
            validUntil: '2027-01-01',
            decision: { number: 'PP-1', date: '2024-01-02' },
          },
        },
      )
    ).issuePrivatePracticeCertificate.certificate;
    await ok(
      'mutation($i: ExtendPrivatePracticeCertificateInput!) { extendPrivatePracticeCertificate(input: $i) { certificate { id } } }',
      {
        i: { id: certificate.id, validUntil: '2029-01-01', decision: { number: 'PP-E', date: '2024-02-02' } },
      },
    );
    rootArguments.privatePracticeCertificate = [{ number: certificate.number }];
    expected.push(certificate.number, 'PP-E');
    rootArguments.certificatesExpiring = [{ withinDays: 366 }];
    rootArguments.practitionersAnnualReport = [{ year: 2024 }];
  });
  afterAll(async () => {
    await harness?.close();
  });

  for (const [label, caller] of [
    ['PUBLIC', PUBLIC_CALLER],
    ['PROVIDER', PROVIDER],
  ] as Array<[string, Caller]>) {
    it(`walks every field of every root field as ${label} and finds no personal data`, async () => {
      const seen: Array<{ path: string; coordinate: string; value: unknown }> = [];
      const rootFields = schema.getQueryType()!.getFields();
      assert.ok(ownRootFields.length > 5, 'the subgraph has root fields to walk');
      for (const field of ownRootFields.map((name) => rootFields[name]!)) {
        assert.ok(field, 'every root field of the subgraph is in the supergraph');
        const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
        const argumentSets = rootArguments[field.name] ?? (required.length === 0 ? [{}] : undefined);
        assert.ok(argumentSets, `the walk has no arguments for Query.${field.name}: add them to rootArguments`);
        for (const args of argumentSets) {
          const used = field.args.filter((arg) => arg.name in args);
          const declaration = used.length ? `(${used.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
          const call = used.length ? `(${used.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
          const query = `query Walk${declaration} { ${field.name}${call} ${selectionOf(getNamedType(field.type), schema)} }`;
          const response = await harness.request(query, args, caller);
          for (const error of response.errors ?? []) {
            expect(error.extensions?.code).toBe('FORBIDDEN');
          }
          leaves(response.data, 'Query', 'Query', seen);
        }
      }

      for (const { path, coordinate, value } of seen) {
        if (/personalCode|birthDate/i.test(coordinate)) expect(value).toBe(null);
        if (typeof value !== 'string') continue;
        for (const secret of secrets) assert.ok(!value.includes(secret), `${path} (${coordinate}) shows personal data to ${label}`);
      }
      const strings = seen.map((leaf) => leaf.value).filter((v): v is string => typeof v === 'string');
      for (const wanted of expected)
        assert.ok(
          strings.some((s) => s.includes(wanted)),
          `the walk never reached ${wanted}`,
        );
      const coordinates = new Set(seen.map((leaf) => leaf.coordinate));
      for (const coordinate of [
        'Psychologist.personalCode',
        'ChildcareProvider.personalCode',
        'ChildcareProvider.homeAddress',
        'PrivatePracticeCertificate.personalCode',
        'SupervisorRight.validUntil',
      ]) {
        assert.ok(coordinates.has(coordinate), `the walk never read ${coordinate}`);
      }
    });
  }
});
