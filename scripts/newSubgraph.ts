/**
 * `npm run new:subgraph <name>`: scaffolds a subgraph in the common shape (scaffold/), links its
 * workspace, and regenerates the supergraph, docker-compose.yml and the resolver types, so that
 * `npm start` runs it beside the others and `npm test` runs its unit test.
 */
import { execFileSync } from 'node:child_process';
import { scaffoldSubgraph } from './scaffold/scaffoldSubgraph';
import { ROOT } from './stack/paths';

const name = process.argv[2];
if (!name) {
  console.error('usage: npm run new:subgraph <name>   (lower-case letters and digits, e.g. noticeboard)');
  process.exit(2);
}
try {
  const { files, port } = scaffoldSubgraph(ROOT, name);
  console.log(`wrote ${files.length} files; ${name} listens on ${port} in docker compose`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const run = (args: string[]) => execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
run(['install', '--no-audit', '--no-fund']);
run(['run', 'generate']);
run(['run', 'format', '--', '--log-level', 'warn']);
console.log(`done: services/${name} and schema/${name}.graphql are yours to shape; README "Adding a subgraph" says what else to touch.`);
