/**
 * `npm run registry:import -- --file institutions.csv [--url <gateway>] [--token <jwt>]
 * [--concurrency 4]`: registers the institutions of an open-data CSV through the gateway, with
 * their registration (and liquidation) decisions. Re-runs are idempotent: a registration
 * number already in the register is skipped. Exit code 0: every row created or skipped;
 * 2: some rows rejected (listed, and written to `<file>.rejected.csv`); 1: something failed
 * unexpectedly or the run could not start. See docs/open-data.md.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Role, signCallerToken } from '@eq/shared';
import { DEV_JWT_SECRET } from '../stack/devSecrets';
import { countOutcomes, formatRejectedCsv, formatReport, rejectionsOf } from './importReport';
import { importRecords } from './importRecords';
import { progressBar } from './progressBar';
import { readImportFile } from './readImportFile';
import { checkRegister, DEFAULT_GATEWAY_URL } from './registryClient';

const USAGE =
  'Usage: npm run registry:import -- --file <institutions.csv> [--url <gateway graphql url>] [--token <OFFICER jwt>] [--concurrency 4]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: DEFAULT_GATEWAY_URL },
    file: { type: 'string' },
    token: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const concurrency = Number(values.concurrency);
if (!values.file) fail(USAGE);
if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) fail(`--concurrency must be 1-32, got "${values.concurrency}"`);
const file = values.file;

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`Cannot read ${file}: ${(error as Error).message}`);
}
const parsed = readImportFile(text);
if ('error' in parsed) fail(`Cannot import ${file}: ${parsed.error}`);

const token =
  values.token ?? (await signCallerToken({ role: Role.OFFICER, subject: 'open-data-import' }, process.env.JWT_SECRET ?? DEV_JWT_SECRET));
const client = { url: values.url, token };
await checkRegister(client).catch((error: Error) => fail(`Cannot import into ${values.url}: ${error.message}`));

const records = parsed.rows.flatMap((row) => (row.record ? [{ row: row.row, record: row.record }] : []));
const bar = progressBar('rows imported', records.length);
let settled = 0;
const { outcomes, aborted } = await importRecords(client, records, { concurrency, onOutcome: () => bar.update(++settled) });
bar.finish();

const counts = countOutcomes(outcomes, parsed.rows.length - records.length);
const rejections = rejectionsOf(parsed.rows, outcomes);
const rejectedFile = `${file}.rejected.csv`;
if (rejections.length > 0) writeFileSync(rejectedFile, formatRejectedCsv(parsed.header, rejections), 'utf8');
// A rejected file left by an earlier run would describe rows that are now fine.
else if (existsSync(rejectedFile)) rmSync(rejectedFile);

process.stdout.write(
  formatReport(counts, rejections, outcomes, {
    rejectedFile: rejections.length > 0 ? rejectedFile : undefined,
    aborted,
    notTried: records.length - outcomes.length,
  }),
);
process.exit(aborted || counts.failed > 0 ? 1 : counts.rejected > 0 ? 2 : 0);
