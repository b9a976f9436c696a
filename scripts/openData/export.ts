/**
 * `npm run registry:export -- [--url <gateway>] [--format csv|json] [--out <file>]`: the public
 * register as open data (columns in docs/open-data.md), read through the gateway as an
 * anonymous caller, so it holds exactly what the public may see. Writes to stdout unless
 * `--out` is given; a file is written whole or not at all.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { HEADER, toCsvCells } from './columns';
import { formatCsv } from './csv';
import { toOpenDataRecord, type OpenDataInstitution } from './openDataRecord';
import { progressBar } from './progressBar';
import { DEFAULT_GATEWAY_URL, readRegister } from './registryClient';

const USAGE = 'Usage: npm run registry:export -- [--url <gateway graphql url>] [--format csv|json] [--out <file>]';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: DEFAULT_GATEWAY_URL },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.format !== 'csv' && values.format !== 'json') {
  console.error(`--format must be csv or json, got "${values.format}"\n${USAGE}`);
  process.exit(1);
}

try {
  const records: OpenDataInstitution[] = [];
  const bar = progressBar('institutions read', 0);
  for await (const node of readRegister({ url: values.url }, (read, total) => bar.update(read, total)))
    records.push(toOpenDataRecord(node));
  bar.finish();
  // Registration numbers are permanent, so this order keeps two exports easy to diff.
  records.sort((a, b) => a.registrationNumber.localeCompare(b.registrationNumber));

  const text = values.format === 'csv' ? formatCsv([HEADER, ...records.map(toCsvCells)]) : `${JSON.stringify(records, null, 2)}\n`;
  if (values.out) {
    const partial = `${values.out}.partial-${process.pid}`;
    writeFileSync(partial, text, 'utf8');
    renameSync(partial, values.out);
    console.error(`Exported ${records.length} institutions to ${values.out}.`);
  } else {
    process.stdout.write(text);
  }
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`);
  process.exit(1);
}
