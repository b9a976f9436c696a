import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { composeServices } from '@apollo/composition';
import { composeUrlOf, readSubgraphManifest, readSubgraphSdl, SCHEMA_DIR } from '@eq/shared';
import { parse } from 'graphql';
import { ROOT } from '../../stack/paths';
import { scaffoldSubgraph } from '../scaffoldSubgraph';

/** A copy of what scaffolding reads and writes: the schemas, the manifest and the root package.json. */
function repositoryCopy(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'eq-scaffold-'));
  cpSync(SCHEMA_DIR, path.join(root, 'schema'), { recursive: true });
  mkdirSync(path.join(root, 'services'));
  cpSync(path.join(ROOT, 'services/subgraphs.json'), path.join(root, 'services/subgraphs.json'));
  cpSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  return root;
}

describe('npm run new:subgraph', () => {
  const root = repositoryCopy();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('scaffolds a subgraph that composes with the others into one supergraph', () => {
    const before = readSubgraphManifest(path.join(root, 'services/subgraphs.json'));
    const { port, files } = scaffoldSubgraph(root, 'noticeboard', 1_900_000_000_000);

    const manifest = readSubgraphManifest(path.join(root, 'services/subgraphs.json'));
    expect(manifest.at(-1)).toStrictEqual({ name: 'noticeboard', port, passEnv: [] });
    expect(port).toBe(Math.max(...before.map((entry) => entry.port)) + 1);
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces).toContain('services/noticeboard');
    expect(files).toContain('services/noticeboard/src/migrations/1900000000000-CreateNoticeboardItems.ts');

    const schemaDir = path.join(root, 'schema');
    const result = composeServices(
      manifest.map((entry) => ({ name: entry.name, url: composeUrlOf(entry), typeDefs: parse(readSubgraphSdl(entry.name, schemaDir)) })),
    );
    expect(result.errors ?? []).toStrictEqual([]);
    expect(result.supergraphSdl).toContain('NOTICEBOARD @join__graph(name: "noticeboard", url: "http://noticeboard:');
    expect(result.schema!.toAPISchema().toGraphQLJSSchema().getQueryType()!.getFields()).toHaveProperty('noticeboardItems');
  });

  it('refuses a name that is taken or malformed, and changes nothing then', () => {
    const manifest = readFileSync(path.join(root, 'services/subgraphs.json'), 'utf8');
    expect(() => scaffoldSubgraph(root, 'registry')).toThrow(/exists already/);
    expect(() => scaffoldSubgraph(root, 'Notice-Board')).toThrow(/not a subgraph name/);
    expect(readFileSync(path.join(root, 'services/subgraphs.json'), 'utf8')).toBe(manifest);
  });
});
