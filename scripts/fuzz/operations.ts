import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One generated request: its JSON body for the gateway (text: some nest too deep for JSON.stringify), and what it exercises. */
export interface FuzzOperation {
  label: string;
  body: string;
}

/** Real ids the generator mixes with made-up ones, so that some operations get past "not found". */
export interface FuzzSeeds {
  ids: string[];
  cursors: string[];
}

/** mulberry32: a small seeded generator, so that a run can be repeated exactly (FUZZ_SEED). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Values per scalar: plausible ones (so that operations get past the first check and reach
 * the rules and the database), boundary and hostile ones (what a careless or malicious client
 * sends), and values of the wrong JSON type. Every one of them must be answered with data or a
 * client error, never an internal one.
 */
const PLAUSIBLE: Record<string, unknown[]> = {
  String: [
    'Rīga',
    'Valmieras novads',
    'Anna Bērziņa',
    'IKVD-2024/1',
    '4313900123',
    'skola@example.lv',
    '+37120000000',
    '21011111',
    'Braslas iela 16, Rīga',
  ],
  ID: ['00000000-0000-0000-0000-000000000000', '8D0F1C2E-3B4A-4C5D-9E6F-7A8B9C0D1E2F'],
  Int: [0, 1, 5, 20, 100, 2024],
  Float: [0, 1.5, 100],
  Boolean: [true, false],
  Date: ['2024-02-29', '2024-09-01', '2025-01-31', '0001-01-01', '9999-12-31'],
  DateTime: ['2024-01-01T00:00:00Z', '2024-09-01T10:00:00+03:00'],
};
const HOSTILE: Record<string, unknown[]> = {
  String: [
    '',
    ' ',
    'x'.repeat(5_000),
    'a\u0000b',
    'Skola \ud800',
    "'; DROP TABLE institution; --",
    '%_\\',
    '120385-11234',
    '😀'.repeat(50),
  ],
  ID: ['not-a-uuid', '', 'a\u0000b'],
  Int: [-1, 101, 2_147_483_647, -2_147_483_648],
  Float: [-1, 1e308, -1e308],
  Boolean: [],
  Date: ['2023-02-29', '0000-01-01', '2024-13-01', '2024-09-01T00:00:00Z', ''],
  DateTime: ['9999-12-31T23:59:59-12:00', '0001-01-01T00:00:00+01:00', '2024-02-30T00:00:00Z', 'yesterday', '2024-01-01'],
  after: ['WyJ4Iiwibm90LWEtdXVpZCJd', 'not a cursor!', '', 'A'.repeat(5_000)],
};
const WRONG_TYPE: unknown[] = [42, 1.5, '1', 'true', true, null, {}, []];

export class OperationGenerator {
  private readonly random: () => number;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly seeds: FuzzSeeds,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A value for an argument or input field: mostly well-typed, often at a boundary, sometimes hostile. */
  private value(type: GraphQLInputType, name: string, depth: number): unknown {
    if (isNonNullType(type)) return this.value(type.ofType, name, depth);
    if (!isNonNullType(type) && this.chance(0.05)) return null;
    if (isListType(type)) {
      const length = this.pick([0, 1, 1, 2, 3]);
      return Array.from({ length }, () => this.value(type.ofType, name, depth + 1));
    }
    if (isEnumType(type)) return this.chance(0.97) ? this.pick(type.getValues()).name : 'NOT_A_VALUE';
    if (isInputObjectType(type)) {
      if (depth > 5) return {};
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        if (isNonNullType(field.type) || this.chance(0.5)) object[field.name] = this.value(field.type, field.name, depth + 1);
      }
      return object;
    }
    if (name === 'after') return this.pick([...HOSTILE.after!, ...this.seeds.cursors]);
    const scalar = getNamedType(type).name;
    if (this.chance(0.02)) return this.pick(WRONG_TYPE);
    if ((scalar === 'ID' || /Id$/.test(name)) && this.seeds.ids.length > 0 && this.chance(0.6)) return this.pick(this.seeds.ids);
    const hostile = HOSTILE[scalar] ?? HOSTILE.String!;
    return hostile.length > 0 && this.chance(0.15) ? this.pick(hostile) : this.pick(PLAUSIBLE[scalar] ?? PLAUSIBLE.String!);
  }

  /** A small selection of a result type: its leaves without required arguments, and one level of objects. */
  private selection(type: GraphQLOutputType, depth: number): string {
    const named = getNamedType(type);
    if (isLeafType(named)) return '';
    const objects = isObjectType(named) ? [named] : this.schema.getPossibleTypes(named as never);
    const parts = ['__typename'];
    for (const object of objects.slice(0, 2)) {
      const fields = Object.values((object as GraphQLObjectType).getFields()).filter((field) =>
        field.args.every((arg) => !isNonNullType(arg.type)),
      );
      const inner: string[] = [];
      for (const field of fields.slice(0, 12)) {
        const leaf = isLeafType(getNamedType(field.type));
        if (leaf) inner.push(field.name);
        else if (depth < 2 && this.chance(0.3)) inner.push(`${field.name} ${this.selection(field.type, depth + 1)}`);
      }
      parts.push(objects.length > 1 || !isObjectType(named) ? `... on ${object.name} { __typename ${inner.join(' ')} }` : inner.join(' '));
    }
    return `{ ${parts.join(' ')} }`;
  }

  private fieldOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): FuzzOperation {
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const args: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type) && this.chance(0.4)) continue;
      definitions.push(`$${arg.name}: ${arg.type.toString()}`);
      args.push(`${arg.name}: $${arg.name}`);
      variables[arg.name] = this.value(arg.type, arg.name, 0);
    }
    const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''} ${this.selection(field.type, 0)}`;
    const name = `Fuzz_${field.name}`;
    const query = `${kind} ${name}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${call} }`;
    return { label: `${kind} ${field.name}`, body: JSON.stringify({ query, variables, operationName: name }) };
  }

  /** Requests that are wrong at the HTTP or document level rather than in an argument. */
  private malformed(): FuzzOperation {
    const depth = 2_000 + Math.floor(this.random() * 8_000);
    const deep = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const json = (label: string, body: Record<string, unknown>): FuzzOperation => ({ label, body: JSON.stringify(body) });
    return this.pick<FuzzOperation>([
      json('subscription', { query: 'subscription { __typename }' }),
      json('two operations without a name', { query: 'query A { __typename } query B { __typename }' }),
      json('unknown operationName', { query: 'query A { __typename }', operationName: 'B' }),
      {
        label: 'deep variables',
        body: `{"query":"query($f: InstitutionFilter) { institutions(filter: $f) { totalCount } }","variables":{"f":${deep}}}`,
      },
      json('APQ mismatch', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
      json('APQ version 2', { query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'f'.repeat(64) } } }),
      json('huge operation name', { query: `query Q${'x'.repeat(50_000)} { __typename }` }),
      json('unknown field', { query: '{ nope }' }),
      json('NUL in a literal', { query: '{ stemSubsidyShares(municipality: "a\\u0000b") { schoolYear } }' }),
    ]);
  }

  /** The next operation: one field of Query or Mutation with generated arguments, or a malformed request. */
  next(): FuzzOperation {
    if (this.chance(0.05)) return this.malformed();
    const kind = this.chance(0.5) ? 'query' : 'mutation';
    const root = kind === 'query' ? this.schema.getQueryType()! : this.schema.getMutationType()!;
    const fields = Object.values(root.getFields()).filter((field) => !field.name.startsWith('_'));
    return this.fieldOperation(kind, this.pick(fields));
  }
}
