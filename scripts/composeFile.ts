import type { SubgraphEntry } from '@eq/shared';

/**
 * The subgraphs' part of `docker-compose.yml`, from the manifest: each subgraph's service, and
 * the gateway's subgraph URLs and dependencies. The rest of the file (PostgreSQL, Kafka, the
 * gateway's own settings) is written by hand; the generated parts sit between marker comments.
 */
const regions = {
  services: (subgraphs: readonly SubgraphEntry[]) =>
    subgraphs.flatMap(({ name, port, passEnv }, index) => [
      ...(index > 0 ? [''] : []),
      `  ${name}:`,
      '    <<: *app',
      `    command: ['node', '--enable-source-maps', 'dist/${name}.mjs']`,
      '    environment:',
      '      <<: *subgraph-env',
      `      PORT: '${port}'`,
      ...passEnv.map((variable) => `      ${variable}:`),
      '    depends_on: *subgraph-depends',
    ]),
  'gateway subgraph URLs': (subgraphs: readonly SubgraphEntry[]) =>
    subgraphs.map(({ name, port }) => `      SUBGRAPH_${name.toUpperCase()}_URL: http://${name}:${port}/graphql`),
  'gateway dependencies': (subgraphs: readonly SubgraphEntry[]) =>
    subgraphs.flatMap(({ name }) => [`      ${name}:`, '        condition: service_healthy']),
};

/** Replaces each generated region of `text` (between `# BEGIN <region>` and `# END <region>` lines). */
export function composeFile(text: string, subgraphs: readonly SubgraphEntry[]): string {
  let result = text;
  for (const [region, render] of Object.entries(regions)) {
    const pattern = new RegExp(`(^[ \\t]*# BEGIN ${region}\\b[^\\n]*\\n)[^]*?(^[ \\t]*# END ${region}\\b)`, 'm');
    if (!pattern.test(result)) throw new Error(`docker-compose.yml has no "# BEGIN ${region}" … "# END ${region}" region`);
    result = result.replace(pattern, (_match, begin: string, end: string) => `${begin}${render(subgraphs).join('\n')}\n${end}`);
  }
  return result;
}
