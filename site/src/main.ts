import { createLogger } from '@eq/shared/logger';
import { onShutdownSignal } from '@eq/shared/shutdownSignal';
import { loadSiteConfig } from './config';
import { startSite } from './server';

/** The site as a process of its own (`npm start` supervises it; `npm run -w @eq/site start` runs it alone). */
const config = loadSiteConfig(process.env);
const logger = createLogger('site', config.logLevel);
const site = await startSite(config, logger);
logger.info({ url: site.url, gateway: config.gatewayUrl }, 'site listening');
onShutdownSignal(() => site.close());
