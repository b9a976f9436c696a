export {};

/**
 * `npm run bench [-- gateway|registry|catalogue|catalogue-page]`: prints figures, never fails on time. Each bench
 * starts its own embedded PostgreSQL and Kafka, bounded in requests and duration.
 */
const which = process.argv[2];
if (!which || which === 'gateway') await import('./gateway');
if (!which || which === 'registry') await import('./registry');
if (!which || which === 'catalogue') await import('../../services/catalogue/bench/catalogueBench');
if (!which || which === 'catalogue-page') await import('./cataloguePage');
