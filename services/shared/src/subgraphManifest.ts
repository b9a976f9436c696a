import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPOSITORY_ROOT } from './repositoryRoot';

const entrySchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9]{1,30}$/, 'a subgraph name is lower-case letters and digits'),
  port: z.number().int().min(1024).max(65535),
  passEnv: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default([]),
});

const manifestSchema = z
  .object({ subgraphs: z.array(entrySchema).min(1) })
  .refine(({ subgraphs }) => new Set(subgraphs.map((s) => s.name)).size === subgraphs.length, 'subgraph names are unique')
  .refine(({ subgraphs }) => new Set(subgraphs.map((s) => s.port)).size === subgraphs.length, 'subgraph ports are unique');

export type SubgraphEntry = z.infer<typeof entrySchema>;

export const SUBGRAPH_MANIFEST_PATH = path.join(REPOSITORY_ROOT, 'services', 'subgraphs.json');

/** Reads and checks a manifest (the repository's, or a scaffolding test's copy). */
export function readSubgraphManifest(path: URL | string = SUBGRAPH_MANIFEST_PATH): SubgraphEntry[] {
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).subgraphs;
}

/**
 * The one list of subgraphs (`services/subgraphs.json`), in start order. Everything that needs
 * "every subgraph" reads it: codegen, composition, the gateway's configuration, the stacks and
 * the compose file.
 */
export const SUBGRAPHS: readonly SubgraphEntry[] = readSubgraphManifest();

export const SUBGRAPH_NAMES: readonly string[] = SUBGRAPHS.map(({ name }) => name);

/** The subgraph's URL in the committed supergraph: its docker compose service and port. */
export const composeUrlOf = ({ name, port }: Pick<SubgraphEntry, 'name' | 'port'>) => `http://${name}:${port}/graphql`;
