import { loadServiceConfig } from './config';
import { createLogger } from './logger';
import type { RequestContext } from './subgraphServer';
import { startService, type SubgraphDefinition } from './service';
import { onShutdownSignal } from './shutdownSignal';

export { onShutdownSignal };

/**
 * Entry point of a service process (`services/<name>/src/main.ts`): reads the environment
 * (the only place it is read), starts the service, and stops it cleanly on SIGINT/SIGTERM.
 */
export async function runServiceMain<TContext extends RequestContext>(definition: SubgraphDefinition<TContext>): Promise<void> {
  const config = loadServiceConfig(definition.name, process.env);
  const logger = createLogger(definition.name, config.logLevel);
  try {
    const service = await startService(definition, config, logger);
    onShutdownSignal(async () => {
      logger.info('shutting down');
      await service.stop();
    });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
