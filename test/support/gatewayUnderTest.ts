import { Writable } from 'node:stream';
import { createLogger, type RunningHttpServer } from '@eq/shared';
import { loadGatewayConfig, startGatewayServer } from '@eq/gateway';
import { GraphQLClient } from './graphqlClient';
import { TEST_GATEWAY_SECRET, TEST_JWT_SECRET, type TestStack } from './testStack';

/** Log lines written by a logger, parsed, for tests that assert what was (not) logged. */
export class LogLines extends Writable {
  readonly lines: Array<Record<string, any>> = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    callback();
  }

  /** Every line, as the raw JSON text, to assert that something never appears. */
  get text(): string {
    return this.lines.map((line) => JSON.stringify(line)).join('\n');
  }
}

export interface GatewayUnderTest {
  server: RunningHttpServer;
  url: string;
  client: GraphQLClient;
  log: LogLines;
  close(): Promise<void>;
}

/**
 * A second gateway in front of a test stack's subgraphs, with its own environment (e.g.
 * NODE_ENV=production, a short SUBGRAPH_TIMEOUT_MS, a subgraph URL pointing elsewhere) and
 * its log lines kept in memory.
 */
export async function startGatewayUnderTest(stack: TestStack, env: Record<string, string> = {}): Promise<GatewayUnderTest> {
  const config = loadGatewayConfig({
    PORT: '0',
    JWT_SECRET: TEST_JWT_SECRET,
    GATEWAY_SECRET: TEST_GATEWAY_SECRET,
    ...Object.fromEntries(Object.values(stack.services).map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, s.url])),
    ...env,
  });
  const log = new LogLines();
  const server = await startGatewayServer(config, createLogger('gateway', 'info', log));
  const url = `${server.url}/graphql`;
  return { server, url, client: new GraphQLClient(url, TEST_JWT_SECRET), log, close: () => server.close() };
}
