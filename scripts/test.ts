/**
 * `npm test`: every test in the repository, on real servers. Starts one embedded PostgreSQL and
 * one Kafka broker for the whole run (unless DATABASE_URL / KAFKA_BROKERS are given), runs the
 * test files with node's test runner (each file gets its own databases and consumer groups),
 * and stops the servers afterwards. Extra arguments filter test files by substring.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { startInfrastructure } from './stack/infrastructure';
import { DATA_DIR, ROOT } from './stack/paths';

function findTests(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) findTests(full, found);
    else if (entry.endsWith('.test.ts')) found.push(path.relative(ROOT, full));
  }
  return found;
}

const filters = process.argv.slice(2);
const files = ['services', 'gateway', 'subscriber-kit', 'scripts', 'test']
  .flatMap((dir) => findTests(path.join(ROOT, dir)))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

const runDir = path.join(DATA_DIR, `test-run-${process.pid}`);
const started = Date.now();
const infrastructure = await startInfrastructure({
  dataDir: runDir,
  databaseUrl: process.env.DATABASE_URL,
  kafkaBrokers: process.env.KAFKA_BROKERS?.split(','),
});
console.log(`infrastructure ready in ${((Date.now() - started) / 1000).toFixed(1)} s; running ${files.length} test files`);

// Two reporters: spec for people, TAP to a file for the closing summary line.
const tapFile = path.join(runDir, 'results.tap');
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: infrastructure.databaseUrl, KAFKA_BROKERS: infrastructure.kafkaBrokers.join(',') },
  },
);
const stop = () => child.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const code: number = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await infrastructure.stop();
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
console.log(`tests: ${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`);
if (code === 0 && count('pass') === 0) {
  console.error('no test ran');
  process.exit(1);
}
if (code === 0) rmSync(runDir, { recursive: true, force: true });
else console.error(`tests failed; servers' logs are in ${path.relative(ROOT, runDir)} and .data/test-runs/`);
process.exit(code);
