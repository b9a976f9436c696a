import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { BackoffPolicy } from '@eq/subscriber-kit';
import { freePort } from '../infra/freePort';
import { SUBGRAPHS } from '@eq/shared';
import { gatewayEnvironment, serviceEnvironment, siteEnvironment, type StackNaming } from './componentEnvironment';
import type { Infrastructure } from './infrastructure';
import { DIST_DIR, ROOT } from './paths';
import { SupervisedProcess } from './processSupervisor';

export interface ProcessStackOptions extends StackNaming {
  infrastructure: Infrastructure;
  gatewaySecret: string;
  jwtSecret: string;
  /** The gateway's port; a free one when absent. */
  gatewayPort?: number;
  /** The catalogue site's port; a free one when absent (0 as well). */
  sitePort?: number;
  /** Start the site (site/) after the gateway; default true. */
  site?: boolean;
  logLevel?: string;
  /** Where each component's own log goes, as `<name>.log`. */
  logDir: string;
  /** Every component's lines in one file (JSON lines as they are, anything else prefixed with the component's name). */
  combinedLog: string;
  /** Passed on to every component, under what the stack itself must set; default this process's environment. */
  env?: Record<string, string | undefined>;
  /** Delay before restarting a crashed component (default: the supervisor's). */
  backoff?: BackoffPolicy;
  /** How long one component may take to answer `/readyz` 200 at start. Default 120 s. */
  readyTimeoutMs?: number;
  /**
   * Run the production bundles (`dist/<name>.mjs`, `npm run build`) on plain `node`, as the
   * image does, instead of the TypeScript sources under tsx.
   */
  built?: boolean;
}

/** One component of the stack: its base URL (the port stays the same across restarts) and its process. */
export interface StackComponent {
  name: string;
  /** e.g. `http://127.0.0.1:41234`; GraphQL is at `/graphql`, readiness at `/readyz`. */
  baseUrl: string;
  process: SupervisedProcess;
}

export interface ProcessStack {
  gatewayUrl: string;
  /** The catalogue site's address, when it was started. */
  siteUrl?: string;
  /** The five subgraphs, the gateway and the site, by name. */
  components: Record<string, StackComponent>;
  /** Stops the site, the gateway, then the subgraphs side by side (SIGTERM, then SIGKILL after a bounded wait). */
  stop(): Promise<void>;
}

/**
 * A variable that names one service's own resource: a single value passed to all five would make
 * them share a database or a consumer group, so the stack always chooses it.
 */
const PER_SERVICE = ['DATABASE_NAME', 'KAFKA_CONSUMER_GROUP', 'PORT'];

/**
 * Starts the five subgraphs, the gateway and the catalogue site as processes of their own (their `main.ts`), each
 * under a {@link SupervisedProcess}, one at a time and each only once its `/readyz` says ready.
 * Each subgraph's port is chosen once, here, so the gateway's `SUBGRAPH_<NAME>_URL` stay right
 * after a restart.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const logLevel = options.logLevel ?? 'info';
  const host = '127.0.0.1';
  mkdirSync(options.logDir, { recursive: true });
  const combined = createWriteStream(options.combinedLog, { flags: 'a' });
  const logs: WriteStream[] = [combined];
  const inherited = Object.fromEntries(Object.entries(options.env ?? process.env).filter(([key]) => !PER_SERVICE.includes(key)));
  const components: Record<string, StackComponent> = {};

  const entryOf = (name: string, source: string) => (options.built ? path.join(DIST_DIR, `${name}.mjs`) : source);
  const launch = async (name: string, source: string, port: number, own: Record<string, string | undefined>) => {
    const entry = entryOf(name, source);
    const file = createWriteStream(path.join(options.logDir, `${name}.log`), { flags: 'a' });
    logs.push(file);
    const env = Object.fromEntries(
      Object.entries({ ...inherited, HOST: host, ...own }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const supervised = new SupervisedProcess({
      name,
      command: process.execPath,
      args: options.built ? ['--enable-source-maps', entry] : ['--import', 'tsx', entry],
      cwd: ROOT,
      env,
      backoff: options.backoff,
      log: (line) => {
        file.write(`${line}\n`);
        combined.write(line.startsWith('{') ? `${line}\n` : `[${name}] ${line}\n`);
      },
    }).start();
    const component = { name, baseUrl: `http://${host}:${port}`, process: supervised };
    components[name] = component;
    await waitUntilReady(component, options.readyTimeoutMs ?? 120_000, path.join(options.logDir, `${name}.log`));
    return component;
  };

  const stop = async () => {
    await components.site?.process.stop();
    await components.gateway?.process.stop();
    await Promise.all(Object.values(components).map((component) => component.process.stop()));
    for (const stream of logs) stream.end();
    await Promise.all(logs.map((stream) => finished(stream)));
  };

  try {
    const urls: Record<string, string> = {};
    for (const { name } of SUBGRAPHS) {
      const port = await freePort(host);
      const own = serviceEnvironment(name, { ...options, logLevel, port });
      const component = await launch(name, `services/${name}/src/main.ts`, port, own);
      urls[name] = `${component.baseUrl}/graphql`;
    }
    const gatewayPort = options.gatewayPort || (await freePort(host));
    const gateway = await launch(
      'gateway',
      'gateway/src/main.ts',
      gatewayPort,
      gatewayEnvironment({ ...options, port: gatewayPort, logLevel, urls }),
    );
    const gatewayUrl = `${gateway.baseUrl}/graphql`;
    if (options.site === false) return { gatewayUrl, components, stop };
    // The site is a front end like any other: it knows only the gateway's URL.
    const sitePort = options.sitePort || (await freePort(host));
    const site = await launch(
      'site',
      'site/src/main.ts',
      sitePort,
      siteEnvironment({ port: sitePort, logLevel, gatewayUrl, jwtSecret: options.jwtSecret }),
    );
    return { gatewayUrl, siteUrl: site.baseUrl, components, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Polls the component's `/readyz` until it answers 200; a crash meanwhile is the supervisor's to repair. */
async function waitUntilReady(component: StackComponent, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${component.baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${component.name} not ready after ${timeoutMs / 1000} s (last: ${last}; restarts: ${component.process.restarts}); see ${path.relative(ROOT, logFile)}`,
  );
}
