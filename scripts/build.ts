/**
 * `npm run build`: one ES module per component for production, `dist/<name>.mjs` for each
 * subgraph of the manifest, `dist/gateway.mjs` and `dist/site.mjs`, run by plain `node` (no tsx, no TypeScript,
 * no devDependencies). esbuild bundles the repository's own code (the `@eq/*` workspaces) and
 * leaves every npm package as an import that `npm ci --omit=dev` satisfies. At run time the
 * bundles read `schema/` and `services/subgraphs.json` from the repository root (repositoryRoot.ts).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SUBGRAPHS } from '@eq/shared';
import { DIST_DIR, ROOT } from './stack/paths';

/** npm packages stay imports; the workspaces' TypeScript is bundled. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
      specifier.startsWith('@eq/') ? undefined : { path: specifier, external: true },
    );
  },
};

export async function buildComponents(outdir = DIST_DIR): Promise<string[]> {
  const entries: Record<string, string> = {
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, path.join(ROOT, 'services', name, 'src', 'main.ts')])),
    gateway: path.join(ROOT, 'gateway', 'src', 'main.ts'),
    site: path.join(ROOT, 'site', 'src', 'main.ts'),
    // Development tokens inside a container: `docker compose exec gateway node dist/token.mjs --role OFFICER`.
    token: path.join(ROOT, 'scripts', 'mintToken.ts'),
  };
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // Shared modules become chunks instead of six copies of @eq/shared.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [npmPackagesExternal],
    logLevel: 'warning',
  });
  return Object.keys(entries).map((name) => path.join(outdir, `${name}.mjs`));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildComponents();
  console.log(`built ${files.map((file) => path.relative(ROOT, file)).join(', ')}`);
}
