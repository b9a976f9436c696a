import path from 'node:path';

/** Repository root. */
export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
/** Everything the project writes at run time (databases, broker data, logs, jar cache): git-ignored. */
export const DATA_DIR = path.join(ROOT, '.data');
/** Where `npm run build` writes the production bundles. */
export const DIST_DIR = path.join(ROOT, 'dist');
/** Kafka jars resolved by Maven; shared by every run on this machine. */
export const KAFKA_CACHE_DIR = path.join(DATA_DIR, 'cache', 'kafka');
export const KAFKA_POM = path.join(ROOT, 'infra', 'kafka', 'pom.xml');
