import {
  createLogger,
  loadServiceConfig,
  startService,
  type RequestContext,
  type RunningService,
  type SubgraphDefinition,
} from '@eq/shared';
import { loadGatewayConfig, startGatewayServer } from '@eq/gateway';
import { gatewayEnvironment, serviceEnvironment, type StackNaming } from './componentEnvironment';
import type { Infrastructure } from './infrastructure';
import { SERVICES } from './services';

export interface StackOptions extends StackNaming {
  infrastructure: Infrastructure;
  gatewaySecret: string;
  jwtSecret: string;
  gatewayPort?: number;
  /** Fixed subgraph ports by service name; others get free ports. */
  servicePorts?: Record<string, number>;
  logLevel?: string;
  /** Where service logs go; defaults to stdout. */
  logDestination?: NodeJS.WritableStream;
  /** Replaces services by name (tests run the registry with a clock of their own). */
  definitions?: Record<string, SubgraphDefinition<RequestContext>>;
}

export interface RunningStack {
  gatewayUrl: string;
  services: Record<string, RunningService>;
  stop(): Promise<void>;
}

/** Starts the five subgraphs (in this process) and the gateway in front of them. */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const logLevel = options.logLevel ?? 'info';
  const services: Record<string, RunningService> = {};
  // Services share nothing but the broker and the database server: they stop side by side.
  const stopAll = async () => {
    await Promise.all(Object.values(services).map((service) => service.stop()));
  };
  try {
    for (const standard of SERVICES) {
      const definition = options.definitions?.[standard.name] ?? standard;
      const config = loadServiceConfig(definition.name, {
        OUTBOX_POLL_MS: '500',
        ...serviceEnvironment(definition.name, { ...options, logLevel, port: options.servicePorts?.[definition.name] ?? 0 }),
      });
      services[definition.name] = await startService(definition, config, createLogger(definition.name, logLevel, options.logDestination));
    }
    const gatewayConfig = loadGatewayConfig(
      gatewayEnvironment({
        ...options,
        port: options.gatewayPort ?? 0,
        logLevel,
        urls: Object.fromEntries(Object.values(services).map((s) => [s.name, s.url])),
      }),
    );
    const gateway = await startGatewayServer(gatewayConfig, createLogger('gateway', logLevel, options.logDestination));
    return {
      gatewayUrl: `${gateway.url}/graphql`,
      services,
      stop: async () => {
        await gateway.close();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
