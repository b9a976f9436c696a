import { createLogger, onShutdownSignal } from '@eq/shared';
import { loadGatewayConfig } from './config';
import { startGatewayServer } from './server';

const config = loadGatewayConfig(process.env);
const logger = createLogger('gateway', config.logLevel);
const server = await startGatewayServer(config, logger);
onShutdownSignal(() => server.close());
