/**
 * `npm start`: the whole stack on one machine with no Docker: embedded PostgreSQL and a local
 * Kafka broker (unless DATABASE_URL / KAFKA_BROKERS are set), the five subgraphs and the gateway
 * each as a supervised process of its own (restarted after a crash), and demo data. Data persists
 * in `.data/dev` between runs; each component logs to `.data/dev/logs/<name>.log`, and all of
 * them to `.data/dev/stack.log`. Ctrl-C stops everything cleanly.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseConfig, logLevelSchema, onShutdownSignal, signCallerToken, Role, todayInLatvia } from '@eq/shared';
import { z } from 'zod';
import { seedDemoData, seedPractitionersRegisters } from './demo/seed';
import { DEV_GATEWAY_SECRET, DEV_JWT_SECRET } from './stack/devSecrets';
import { startInfrastructure } from './stack/infrastructure';
import { DATA_DIR } from './stack/paths';
import { startProcessStack } from './stack/processStack';

const env = parseConfig(
  'npm start',
  z.object({
    DATABASE_URL: z.string().url().optional(),
    KAFKA_BROKERS: z.string().min(1).optional(),
    GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SITE_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    EMBEDDED_KAFKA_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    JWT_SECRET: z.string().min(32).optional(),
    GATEWAY_SECRET: z.string().min(16).optional(),
    LOG_LEVEL: logLevelSchema.default('info'),
    DEMO_DATA: z.enum(['true', 'false']).default('true'),
  }),
  process.env,
);

const started = Date.now();
const dataDir = path.join(DATA_DIR, 'dev');
mkdirSync(dataDir, { recursive: true });
const logFile = path.join(dataDir, 'stack.log');
const logDir = path.join(dataDir, 'logs');
const jwtSecret = env.JWT_SECRET ?? DEV_JWT_SECRET;
if (!env.JWT_SECRET || !env.GATEWAY_SECRET)
  console.warn('Using development-only secrets (set JWT_SECRET and GATEWAY_SECRET for anything else).');

console.log('Starting PostgreSQL and Kafka…');
const infrastructure = await startInfrastructure({
  dataDir,
  databaseUrl: env.DATABASE_URL,
  kafkaBrokers: env.KAFKA_BROKERS?.split(','),
  postgresPort: env.EMBEDDED_POSTGRES_PORT,
  kafkaPort: env.EMBEDDED_KAFKA_PORT,
});
// One shutdown path: it stops whatever has started by the time the signal comes.
let stopStack = async () => {};
onShutdownSignal(async () => {
  console.log('\nStopping…');
  await stopStack();
  await infrastructure.stop();
});

console.log('Starting the five subgraphs, the gateway and the catalogue site, each a process of its own…');
// Every variable of this process reaches the components (CATALOGUE_*, GATEWAY_MAX_*, NODE_ENV,
// OUTBOX_POLL_MS…); the stack overrides only what it must choose itself.
const stack = await startProcessStack({
  infrastructure,
  gatewaySecret: env.GATEWAY_SECRET ?? DEV_GATEWAY_SECRET,
  jwtSecret,
  gatewayPort: env.GATEWAY_PORT,
  sitePort: env.SITE_PORT,
  logLevel: env.LOG_LEVEL,
  logDir,
  combinedLog: logFile,
  env: process.env,
}).catch(async (error: unknown) => {
  console.error(`Could not start the stack (details in ${path.relative(process.cwd(), logDir)}):`, error);
  await infrastructure.stop();
  process.exit(1);
});
stopStack = () => stack.stop();

if (env.DEMO_DATA === 'true') {
  const { created } = await seedDemoData(stack.gatewayUrl, jwtSecret);
  console.log(created > 0 ? `Demo data: registered ${created} institutions and their first records.` : 'Demo data already present.');
  const registers = await seedPractitionersRegisters(stack.gatewayUrl, jwtSecret, todayInLatvia());
  if (registers.created > 0)
    console.log(`Demo data: ${registers.created} entries in the registers of psychologists, child-minders and private-practice teachers.`);
}

const officerToken = await signCallerToken({ role: Role.OFFICER, subject: 'dev-officer' }, jwtSecret);
console.log(`
Education-quality supergraph is up in ${((Date.now() - started) / 1000).toFixed(1)} s.

  Gateway:     ${stack.gatewayUrl}
  Site:        ${stack.siteUrl} (the public activity catalogue)
  PostgreSQL:  ${infrastructure.databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Kafka:       ${infrastructure.kafkaBrokers.join(',')}
  Logs:        ${path.relative(process.cwd(), logFile)} (all), ${path.relative(process.cwd(), logDir)}/<name>.log (each)
  Processes:   ${Object.values(stack.components)
    .map((c) => `${c.name} ${c.process.pid()}`)
    .join(', ')}

Try (public):
  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ institutions(filter: {search: \\"riga\\"}) { totalCount edges { node { name status licences { programmeName status } accreditations { termEnd } } } } }"}'

An OFFICER token for 12 hours (more: npm run token -- --role SCHOOL --institution <id>):
  ${officerToken}

Press Ctrl-C to stop.`);
