/**
 * Composes `schema/supergraph.graphql` from the subgraph SDLs with @apollo/composition.
 * `--check` fails (exit 1) when composition fails or the committed file is stale; CI runs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { readSubgraphSdl } from '@eq/shared';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

const root = new URL('../schema/', import.meta.url);
const check = process.argv.includes('--check');

const available = SUBGRAPHS.filter(({ name }) => existsSync(new URL(`${name}.graphql`, root)));
const result = composeServices(
  available.map(({ name, url }) => ({ name, url, typeDefs: parse(readSubgraphSdl(name)) })),
);

if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? []) console.warn(`composition hint: ${hint.definition.code}: ${hint.message}`);

const target = new URL('supergraph.graphql', root);
const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
if (check) {
  const committed = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result');
    process.exit(1);
  }
  console.log(`supergraph is current (${available.length} subgraphs)`);
} else {
  writeFileSync(target, supergraph);
  console.log(`composed ${available.map((s) => s.name).join(', ')} into schema/supergraph.graphql`);
}
