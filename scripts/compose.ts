/**
 * Composes `schema/supergraph.graphql` from the subgraph SDLs with @apollo/composition.
 * `--check` fails (exit 1) when composition fails or the committed file is stale; CI runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { readSubgraphSdl } from '@eq/shared';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

const root = new URL('../schema/', import.meta.url);
const check = process.argv.includes('--check');

const available = SUBGRAPHS.filter(({ name }) => existsSync(new URL(`${name}.graphql`, root)));
const result = composeServices(available.map(({ name, url }) => ({ name, url, typeDefs: parse(readSubgraphSdl(name)) })));

if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`composition hint: ${hint.definition.code}: ${hint.message}`);

// The supergraph for the gateway, and the API schema its clients see: codegen validates and
// types every client operation in the repository against the latter.
const outputs = {
  'supergraph.graphql': `${result.supergraphSdl.trimEnd()}\n`,
  'api.graphql': `# The API schema clients of the gateway see, composed from the subgraphs. Generated: do not edit.\n${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trimEnd()}\n`,
};
for (const [file, text] of Object.entries(outputs)) {
  const target = new URL(file, root);
  if (check) {
    if ((existsSync(target) ? readFileSync(target, 'utf8') : '') !== text) {
      console.error(`schema/${file} is stale: run \`npm run compose\` and commit the result`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
console.log(
  check
    ? `supergraph is current (${available.length} subgraphs)`
    : `composed ${available.map((s) => s.name).join(', ')} into schema/supergraph.graphql and schema/api.graphql`,
);
