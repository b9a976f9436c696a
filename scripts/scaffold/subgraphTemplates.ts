/**
 * The files of a new subgraph in the common shape (README "Adding a subgraph"): one entity with
 * a query and an OFFICER mutation, a pure rule with its unit test, a migration, and the wiring.
 * Everything named after the subgraph, so it composes beside the others as it is.
 */
export interface SubgraphNames {
  /** `noticeboard`: the package `@eq/noticeboard`, the folder, the schema file, the manifest entry. */
  name: string;
  /** `Noticeboard`: the prefix of its GraphQL types. */
  pascal: string;
  /** Migration timestamp (ms), so migrations sort after the ones that exist. */
  timestamp: number;
}

export function subgraphFiles({ name, pascal, timestamp }: SubgraphNames): Record<string, string> {
  const item = `${pascal}Item`;
  const migration = `Create${pascal}Items${timestamp}`;
  return {
    [`schema/${name}.graphql`]: `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

"""
A point in time, ISO 8601 with offset.
"""
scalar DateTime

type Query {
  "The ${name} subgraph's items, newest first."
  ${name}Items(first: Int = 20): [${item}!]!
}

type Mutation {
  "Records an item (OFFICER)."
  create${item}(input: Create${item}Input!): Create${item}Payload!
}

"An item of the ${name} subgraph: replace it with the subgraph's own entities."
type ${item} @key(fields: "id") {
  id: ID!
  title: String!
  createdAt: DateTime!
}

input Create${item}Input {
  "1-200 characters."
  title: String!
}

type Create${item}Payload {
  item: ${item}!
}
`,
    [`services/${name}/package.json`]: `${JSON.stringify(
      {
        name: `@eq/${name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        main: 'src/index.ts',
        codegen: { mappers: { [item]: `../entities/item#${item}Record` } },
      },
      null,
      2,
    )}\n`,
    [`services/${name}/src/main.ts`]: `import { runServiceMain } from '@eq/shared';
import { ${name} } from './definition';

await runServiceMain(${name});
`,
    [`services/${name}/src/index.ts`]: `export { ${name} } from './definition';
`,
    [`services/${name}/src/context.ts`]: `import type { RequestContext } from '@eq/shared';
import type { DataSource } from 'typeorm';

export interface Context extends RequestContext {
  db: DataSource;
}

export const buildContext = (base: RequestContext, { db }: { db: DataSource }): Context => ({ ...base, db });
`,
    [`services/${name}/src/definition.ts`]: `import { readSubgraphSdl, type SubgraphDefinition } from '@eq/shared';
import { parse } from 'graphql';
import { buildContext, type Context } from './context';
import { ${item}Entity } from './entities/item';
import { ${migration} } from './migrations/${timestamp}-Create${pascal}Items';
import { resolvers } from './resolvers';

/** The ${name} subgraph. To publish events, add its topic to \`Topics\` and the subscriber kit's contracts. */
export const ${name}: SubgraphDefinition<Context> = {
  name: '${name}',
  typeDefs: parse(readSubgraphSdl('${name}')),
  resolvers,
  entities: [${item}Entity],
  migrations: [${migration}],
  publishes: [],
  buildContext,
};
`,
    [`services/${name}/src/domain/itemRules.ts`]: `import { validationFailed } from '@eq/shared/errors';

export const TITLE_MAX_LENGTH = 200;

/** An item's title: trimmed, 1-200 characters. */
export function normaliseTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > TITLE_MAX_LENGTH) {
    throw validationFailed(\`A title is 1-\${TITLE_MAX_LENGTH} characters\`, 'title');
  }
  return trimmed;
}
`,
    [`services/${name}/src/domain/__tests__/itemRules.test.ts`]: `import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@eq/shared/errors';
import { normaliseTitle, TITLE_MAX_LENGTH } from '../itemRules';

describe('normaliseTitle', () => {
  it('trims a title and refuses an empty or overlong one', () => {
    expect(normaliseTitle('  Pirmais  ')).toBe('Pirmais');
    expect(() => normaliseTitle('   ')).toThrow(DomainError);
    expect(() => normaliseTitle('x'.repeat(TITLE_MAX_LENGTH + 1))).toThrow(DomainError);
  });
});
`,
    [`services/${name}/src/entities/item.ts`]: `import { EntitySchema } from 'typeorm';

export interface ${item}Record {
  id: string;
  title: string;
  createdAt: Date;
}

export const ${item}Entity = new EntitySchema<${item}Record>({
  name: '${item}',
  tableName: '${name}_item',
  columns: {
    id: { type: 'uuid', primary: true },
    title: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
`,
    [`services/${name}/src/migrations/${timestamp}-Create${pascal}Items.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${migration} implements MigrationInterface {
  name = '${migration}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`
      CREATE TABLE ${name}_item (
        id          uuid PRIMARY KEY,
        title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        created_at  timestamptz NOT NULL DEFAULT now()
      )\`);
    await q.query('CREATE INDEX ${name}_item_newest ON ${name}_item (created_at DESC, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ${name}_item');
  }
}
`,
    [`services/${name}/src/resolvers/index.ts`]: `import { randomUUID } from 'node:crypto';
import { DateTimeScalar, forbidden, isUuid, validationFailed } from '@eq/shared';
import { normaliseTitle } from '../domain/itemRules';
import { ${item}Entity } from '../entities/item';
import type { Resolvers } from '../generated/resolvers';

const MAX_PAGE = 100;

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    ${name}Items: async (_parent, { first }, { db }) => {
      const take = first ?? 20;
      if (take < 1 || take > MAX_PAGE) throw validationFailed(\`first is 1-\${MAX_PAGE}\`, 'first');
      return db.getRepository(${item}Entity).find({ order: { createdAt: 'DESC', id: 'ASC' }, take });
    },
  },
  Mutation: {
    create${item}: async (_parent, { input }, { db, caller }) => {
      if (caller.role !== 'OFFICER') throw forbidden('Only an OFFICER records items');
      const items = db.getRepository(${item}Entity);
      const id = randomUUID();
      await items.insert({ id, title: normaliseTitle(input.title) });
      return { item: await items.findOneByOrFail({ id }) };
    },
  },
  ${item}: {
    // Ids come from other subgraphs: one that is not a UUID is no item of ours.
    __resolveReference: (reference, { db }) => (isUuid(reference.id) ? db.getRepository(${item}Entity).findOneBy({ id: reference.id }) : null),
    createdAt: (item) => item.createdAt.toISOString(),
  },
};
`,
  };
}
