/**
 * Composes `schema/supergraph.graphql` (and `schema/api.graphql`) from the subgraph SDLs of
 * `services/subgraphs.json` with @apollo/composition, and writes the subgraphs' part of
 * `docker-compose.yml` from the same list.
 * `--check` fails (exit 1) when composition fails or the committed file is stale; CI runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { composeUrlOf, readSubgraphSdl, SUBGRAPHS } from '@eq/shared';
import { parse, printSchema } from 'graphql';
import { composeFile } from './composeFile';

const root = new URL('../schema/', import.meta.url);
const check = process.argv.includes('--check');

const available = SUBGRAPHS.filter(({ name }) => existsSync(new URL(`${name}.graphql`, root)));
const result = composeServices(
  available.map((entry) => ({ name: entry.name, url: composeUrlOf(entry), typeDefs: parse(readSubgraphSdl(entry.name)) })),
);

if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`composition hint: ${hint.definition.code}: ${hint.message}`);

// The supergraph for the gateway, and the API schema its clients see: codegen validates and
// types every client operation in the repository against the latter.
// docker-compose.yml's subgraph services follow the manifest too.
const composeYaml = new URL('../docker-compose.yml', import.meta.url);
const outputs: Array<[URL, string]> = [
  [new URL('supergraph.graphql', root), `${result.supergraphSdl.trimEnd()}\n`],
  [
    new URL('api.graphql', root),
    `# The API schema clients of the gateway see, composed from the subgraphs. Generated: do not edit.\n${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trimEnd()}\n`,
  ],
  [composeYaml, composeFile(readFileSync(composeYaml, 'utf8'), SUBGRAPHS)],
];
for (const [target, text] of outputs) {
  if (check) {
    if ((existsSync(target) ? readFileSync(target, 'utf8') : '') !== text) {
      console.error(`${target.pathname} is stale: run \`npm run compose\` and commit the result`);
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
console.log(
  check
    ? `supergraph is current (${available.length} subgraphs)`
    : `composed ${available.map((s) => s.name).join(', ')} into schema/supergraph.graphql and schema/api.graphql; docker-compose.yml follows`,
);
