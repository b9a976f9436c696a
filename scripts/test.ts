/**
 * `npm test [-- <jest arguments>]`: runs jest (three projects: unit, integration, e2e) and ends
 * with one plain line, `tests: N passed, N failed, N skipped`, computed from jest's own JSON
 * results, for CI and for people scrolling back. The servers the integration and e2e projects
 * need are started by jest's global setup (test/support/jest), once per run.
 *
 * Arguments go to jest unchanged: `npm test -- registry` runs the files whose path matches,
 * `npm test -- -t 'lock deadline'` the tests whose name does, `npm test -- --coverage`
 * collects coverage into .data/coverage.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DATA_DIR, ROOT } from './stack/paths';

const resultsDir = path.join(DATA_DIR, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, `jest-${process.pid}.json`);
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');

// jest's --selectProjects takes every word after it (paths too), so it goes last.
const args = process.argv.slice(2);
const projects = args.filter((arg) => arg.startsWith('--selectProjects='));
const jestArgs = [
  ...args.filter((arg) => !projects.includes(arg)),
  ...projects.flatMap((arg) => ['--selectProjects', ...arg.slice('--selectProjects='.length).split(',')]),
];

const child = spawn(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...jestArgs], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    // Test files and several dependencies are ES modules; jest loads them through node's vm modules.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--disable-warning=ExperimentalWarning']
      .filter(Boolean)
      .join(' '),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code: number = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}
const results: JestResults | undefined = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
rmSync(resultsFile, { force: true });
if (!results) {
  console.log('tests: 0 passed, 1 failed, 0 skipped');
  console.error('jest wrote no results');
  process.exit(code || 1);
}
// A file that fails to load has no test results of its own: count it as a failure.
const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
console.log(`tests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped`);
if (code === 0 && results.numPassedTests === 0) {
  console.error('no test ran');
  process.exit(1);
}
if (code !== 0 && failed === 0)
  console.error('every test passed, but jest failed: with --coverage, coverage fell below the thresholds in jest.config.mjs');
else if (code !== 0) console.error("tests failed; the servers' logs of each test file are in .data/test-runs/");
process.exit(code);
