export { loadSiteConfig, type SiteConfig } from './config';
export { createSite, startSite, type RunningSite } from './server';
export type { SiteLogger } from './siteEnv';
