/**
 * `npm run chaos [-- --fault <name>] [--repeat N]`: the fault-injection suite. Each run starts a
 * fresh stack as `npm start` runs it (embedded PostgreSQL, a Kafka broker, each subgraph and the
 * gateway a supervised process) on its own data, puts a bounded load through the gateway
 * (registrations and licence issues), injects one fault on real processes mid-load, and checks
 * that nothing a client saw succeed was lost, nothing was applied twice, every read model
 * converged within 60 s, and readiness said so. One row per run; exit code 1 if any row fails.
 */
import { parseArgs } from 'node:util';
import { FAULTS } from './faults';
import { runFault, type FaultResult, type LoadShape } from './runFault';

const { values } = parseArgs({
  options: {
    fault: { type: 'string', multiple: true },
    repeat: { type: 'string', default: '1' },
    registrations: { type: 'string', default: '700' },
    licences: { type: 'string', default: '300' },
    rate: { type: 'string', default: '25' },
  },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const positive = (name: string, raw: string, max: number) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) fail(`--${name} must be an integer 0-${max}, got "${raw}"`);
  return n;
};
const chosen = values.fault ?? FAULTS.map((fault) => fault.name);
const faults = chosen.map(
  (name) => FAULTS.find((fault) => fault.name === name) ?? fail(`unknown fault "${name}"; one of: ${FAULTS.map((f) => f.name).join(', ')}`),
);
const repeat = positive('repeat', values.repeat!, 20) || 1;
const load: LoadShape = {
  seed: 50,
  registrations: positive('registrations', values.registrations!, 5_000),
  licences: positive('licences', values.licences!, 5_000),
  concurrency: 6,
  ratePerSecond: positive('rate', values.rate!, 500) || 25,
};

const columns = [
  'fault',
  'mutations (during the fault)',
  'lost',
  'duplicated',
  'converged in',
  'restarts (process + consumer)',
  'readiness 503 → 200',
];
const row = (r: FaultResult) => [
  r.fault,
  `${r.succeeded} of ${r.sent} (${r.duringFault})`,
  String(r.consistency.lost),
  String(r.consistency.duplicated),
  r.convergedInSeconds === undefined ? 'no' : `${r.convergedInSeconds.toFixed(1)} s`,
  `${r.processRestarts} + ${r.consumerRestarts}`,
  FAULTS.find((fault) => fault.name === r.fault)?.notReadyDuring.length === 0
    ? 'n/a (stays ready)'
    : r.problems.some((p) => p.includes('not ready'))
      ? 'no'
      : 'yes',
];
console.log(
  `Chaos: ${faults.length} fault(s) × ${repeat}; load per run: ${load.seed} seeded institutions, then ${load.registrations} registrations and ${load.licences} licence issues at ≤ ${load.ratePerSecond}/s, ${load.concurrency} in flight`,
);
for (const fault of faults) console.log(`  ${fault.name}: ${fault.description}`);

const results: FaultResult[] = [];
for (const fault of faults) {
  for (let run = 1; run <= repeat; run++) {
    const started = Date.now();
    const note = (message: string) =>
      console.log(`  [${fault.name}${repeat > 1 ? ` #${run}` : ''} +${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);
    try {
      const result = await runFault(fault, load, note);
      results.push(result);
      console.log(`| ${row(result).join(' | ')} |`);
      for (const problem of result.problems) console.log(`    problem: ${problem}`);
      if (result.problems.length > 0) console.log(`    logs: ${result.logDir}`);
    } catch (error) {
      console.error(`  ${fault.name}: the run itself failed:`, error);
      results.push({
        fault: fault.name,
        sent: 0,
        succeeded: 0,
        duringFault: 0,
        consistency: { lost: -1, duplicated: -1, converged: false, gaps: [] },
        processRestarts: 0,
        consumerRestarts: 0,
        problems: [String(error)],
        logDir: '',
      });
    }
  }
}

console.log(`\n| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
for (const result of results) console.log(`| ${row(result).join(' | ')} |`);
const failed = results.filter((r) => r.consistency.lost !== 0 || r.consistency.duplicated !== 0 || r.problems.length > 0);
console.log(
  failed.length === 0
    ? `\nall ${results.length} runs: lost 0, duplicated 0, converged, readiness honest`
    : `\n${failed.length} of ${results.length} runs failed`,
);
process.exit(failed.length === 0 ? 0 : 1);
