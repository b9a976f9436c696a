import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CACHE_CONTROL_SDL } from './cacheControl';
import { REPOSITORY_ROOT } from './repositoryRoot';

/** The repository's `schema/` folder, where every subgraph's SDL lives. */
export const SCHEMA_DIR = path.join(REPOSITORY_ROOT, 'schema');

/**
 * A subgraph's SDL files: `schema/<name>.graphql` first, then its module parts
 * `schema/<name>.<module>.graphql` in name order (a big subgraph splits its schema by module;
 * parts use `extend type Query` / `extend type Mutation`).
 */
export function subgraphSdlFiles(name: string, dir = SCHEMA_DIR): string[] {
  const parts = readdirSync(dir)
    .filter((file) => file.startsWith(`${name}.`) && file.endsWith('.graphql') && file !== `${name}.graphql`)
    .sort();
  return [`${name}.graphql`, ...parts].map((file) => path.join(dir, file));
}

/** The subgraph's whole SDL, its files joined in order, with the `@cacheControl` definitions its hints use. */
export function readSubgraphSdl(name: string, dir = SCHEMA_DIR): string {
  return [...subgraphSdlFiles(name, dir).map((file) => readFileSync(file, 'utf8')), CACHE_CONTROL_SDL].join('\n');
}
