import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@eq/shared';
import { HEADER, toCsvCells } from '../scripts/openData/columns';
import { formatCsv, parseCsv } from '../scripts/openData/csv';
import type { OpenDataInstitution } from '../scripts/openData/openDataRecord';
import { ROOT } from '../scripts/stack/paths';
import { LIQUIDATE, REGISTER, registrationNumber } from './support/fixtures';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from './support/testStack';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an open-data command as a person would (`npm run registry:…` runs the same file). */
function run(command: 'export' | 'import', args: string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'openData', `${command}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, JWT_SECRET: TEST_JWT_SECRET },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const place = (address: string, municipality: string, planningRegion: string) => ({ address, municipality, planningRegion });

/** Names and addresses with diacritics, commas, quotes and the place-list separators. */
const institutions = [
  {
    registrationNumber: registrationNumber(),
    name: 'Rīgas "Ābeles" sākumskola, filiāle',
    type: 'PRESCHOOL',
    founder: { kind: 'MUNICIPALITY', name: 'Rīgas valstspilsētas pašvaldība', municipality: 'Rīga' },
    planningRegion: 'RIGA',
    implementationPlaces: [place('Ābeļu iela 3, Rīga', 'Rīga', 'RIGA'), place('Ķiršu iela 5; korpuss 2|A, Rīga', 'Rīga', 'RIGA')],
    decision: { number: 'IKVD-2024/101', date: '2024-08-01', effectiveDate: '2024-09-01' },
  },
  {
    registrationNumber: registrationNumber(),
    name: 'Cēsu Valsts ģimnāzija',
    type: 'STATE_GYMNASIUM',
    founder: { kind: 'STATE', name: 'Izglītības un zinātnes ministrija' },
    planningRegion: 'VIDZEME',
    implementationPlaces: [place('Leona Paegles iela 1, Cēsis', 'Cēsu novads', 'VIDZEME')],
    decision: { number: 'IKVD-2024/102', date: '2024-08-02' },
  },
  {
    registrationNumber: registrationNumber(),
    name: 'Mūzikas skola "Do, Re"',
    type: 'PROFESSIONAL_ORIENTATION_MUSIC',
    founder: { kind: 'LEGAL_PERSON', name: 'SIA "Notis"' },
    planningRegion: 'RIGA',
    implementationPlaces: [place('Tērbatas iela 10, Rīga', 'Rīga', 'RIGA')],
    decision: { number: 'IKVD-2024/103', date: '2024-08-03' },
  },
];
const liquidation = {
  number: 'IKVD-2024/900',
  date: '2024-09-30',
  reason: 'Founder\'s decision, "Notis" closes;\npupils move to other schools',
};

const withoutId = (records: OpenDataInstitution[]) =>
  records.map(({ id, ...rest }) => rest).sort((a, b) => a.registrationNumber.localeCompare(b.registrationNumber));
const SUMMARY = /^created (\d+), skipped (\d+), completed (\d+), rejected (\d+), failed (\d+)$/m;
const summaryOf = (output: string) => SUMMARY.exec(output)?.slice(1).map(Number);

describe('open data: export and import of the public register through the gateway', () => {
  let source: TestStack;
  let target: TestStack;
  let dir: string;
  let csvFile: string;
  let exported: OpenDataInstitution[];

  beforeAll(async () => {
    [source, target] = await Promise.all([startTestStack('opendatasource'), startTestStack('opendatatarget')]);
    dir = mkdtempSync(path.join(tmpdir(), 'open-data-'));
    csvFile = path.join(dir, 'institutions.csv');
    const officer = await source.client.token({ role: Role.OFFICER, subject: 'open-data-test' });
    const ids: string[] = [];
    for (const input of institutions) ids.push((await source.client.data(REGISTER, { input }, officer)).registerInstitution.institution.id);
    await source.client.data(LIQUIDATE, { input: { id: ids[2], decision: liquidation } }, officer);
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await Promise.all([source?.close(), target?.close()]);
  });

  it('exports the public register as CSV and as JSON, with the same records', async () => {
    const csv = await run('export', ['--url', source.gatewayUrl, '--format', 'csv', '--out', csvFile]);
    expect(csv.code).toBe(0);
    const json = await run('export', ['--url', source.gatewayUrl, '--format', 'json']);
    expect(json.code).toBe(0);
    exported = JSON.parse(json.stdout);

    const byNumber = new Map(exported.map((record) => [record.registrationNumber, record]));
    const [first, second, third] = institutions.map((input) => byNumber.get(input.registrationNumber)!);
    expect(exported.length).toBe(3);
    expect({ ...first, id: undefined }).toStrictEqual({
      id: undefined,
      registrationNumber: institutions[0]!.registrationNumber,
      name: 'Rīgas "Ābeles" sākumskola, filiāle',
      type: 'PRESCHOOL',
      status: 'ACTIVE',
      founderKind: 'MUNICIPALITY',
      founderName: 'Rīgas valstspilsētas pašvaldība',
      founderMunicipality: 'Rīga',
      planningRegion: 'RIGA',
      implementationPlaces: institutions[0]!.implementationPlaces,
      registeredOn: '2024-09-01',
      registrationDecisionNumber: 'IKVD-2024/101',
      registrationDecisionDate: '2024-08-01',
      liquidatedOn: null,
      liquidationKind: null,
      liquidationDecisionNumber: null,
      liquidationDecisionDate: null,
      liquidationReason: null,
    });
    expect(second!.founderMunicipality).toBe(null);
    expect([
      third!.status,
      third!.liquidatedOn,
      third!.liquidationKind,
      third!.liquidationDecisionNumber,
      third!.liquidationDecisionDate,
      third!.liquidationReason,
    ]).toStrictEqual(['LIQUIDATED', '2024-09-30', 'LIQUIDATION', 'IKVD-2024/900', '2024-09-30', liquidation.reason]);

    // The CSV holds the same records, cell for cell, under the documented header.
    const text = readFileSync(csvFile, 'utf8');
    expect(text).toBe(formatCsv([HEADER, ...exported.map(toCsvCells)]));
    const [header, ...rows] = parseCsv(text);
    expect(header!.fields).toStrictEqual(HEADER);
    expect(rows.length).toBe(3);
    assert.ok(text.includes('"Ābeļu iela 3, Rīga|Rīga|RIGA;Ķiršu iela 5\\; korpuss 2\\|A, Rīga|Rīga|RIGA"'));
  });

  it('imports the CSV into another deployment, which then exports the same public fields', async () => {
    const imported = await run('import', ['--url', target.gatewayUrl, '--file', csvFile]);
    expect(imported.code).toBe(0);
    expect(summaryOf(imported.stdout)).toStrictEqual([3, 0, 0, 0, 0]);
    assert.ok(!imported.stderr.includes('\r'), 'no progress bar when stderr is not a terminal');

    const again = await run('export', ['--url', target.gatewayUrl, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(withoutId(JSON.parse(again.stdout))).toStrictEqual(withoutId(exported));
  });

  it('creates nothing and skips every row when the same file is imported again', async () => {
    const rerun = await run('import', ['--url', target.gatewayUrl, '--file', csvFile]);
    expect(rerun.code).toBe(0);
    expect(summaryOf(rerun.stdout)).toStrictEqual([0, 3, 0, 0, 0]);
    const { institutions: page } = await target.client.data('{ institutions { totalCount } }');
    expect(page.totalCount).toBe(3);
  });

  it('completes a liquidation that an interrupted run did not get to, and counts the row as completed', async () => {
    const officer = await target.client.token({ role: Role.OFFICER, subject: 'open-data-test' });
    const fresh = registrationNumber();
    await target.client.data(REGISTER, { input: { ...institutions[2], registrationNumber: fresh } }, officer);
    const liquidated = exported.find((record) => record.status === 'LIQUIDATED')!;
    const file = path.join(dir, 'interrupted.csv');
    writeFileSync(file, formatCsv([HEADER, toCsvCells({ ...liquidated, registrationNumber: fresh })]));

    const result = await run('import', ['--url', target.gatewayUrl, '--file', file]);
    expect(result.code).toBe(0);
    expect(summaryOf(result.stdout)).toStrictEqual([0, 0, 1, 0, 0]);
    const reexported = await run('export', ['--url', target.gatewayUrl, '--format', 'json']);
    const record = (JSON.parse(reexported.stdout) as OpenDataInstitution[]).find((r) => r.registrationNumber === fresh)!;
    expect([record.status, record.liquidatedOn, record.liquidationDecisionNumber]).toStrictEqual([
      'LIQUIDATED',
      '2024-09-30',
      'IKVD-2024/900',
    ]);
  });

  it('rejects exactly the malformed rows, with row number and reason, imports the rest and exits 2', async () => {
    const [header, ...rows] = parseCsv(readFileSync(csvFile, 'utf8')).map((record) => record.fields);
    const column = (name: string) => header!.indexOf(name);
    const gymnasium = rows.find((fields) => fields[column('registrationNumber')] === institutions[1]!.registrationNumber)!;
    const variant = (changes: Record<string, string>) => {
      const fields = [...gymnasium];
      for (const [name, value] of Object.entries(changes)) fields[column(name)] = value;
      return fields;
    };
    const fresh = registrationNumber();
    const file = path.join(dir, 'with-bad-rows.csv');
    writeFileSync(
      file,
      formatCsv([
        header!,
        ...rows,
        variant({ registrationNumber: fresh, name: 'Valmieras "Jaunā" skola, Ē', id: '' }),
        // The file alone shows what is wrong with this one …
        variant({ registrationNumber: registrationNumber(), type: 'SCHOOL', registeredOn: '2024-02-30' }),
        // … and only the server can tell this one (a name must be at least 2 characters).
        variant({ registrationNumber: registrationNumber(), name: 'X' }),
      ]),
    );

    // Rows count as a spreadsheet counts them; the liquidation reason's line break shifts lines.
    const result = await run('import', ['--url', target.gatewayUrl, '--file', file]);
    expect(result.code).toBe(2);
    expect(summaryOf(result.stdout)).toStrictEqual([1, 3, 0, 2, 0]);
    expect(result.stdout).toMatch(
      /^ {2}row 6 \(line 7\): type "SCHOOL" is not one of PRESCHOOL, .*; registeredOn "2024-02-30" is not a calendar date YYYY-MM-DD$/m,
    );
    expect(result.stdout).toMatch(/^ {2}row 7 \(line 8\): Name must be 2-300 characters$/m);

    const rejected = parseCsv(readFileSync(`${file}.rejected.csv`, 'utf8')).map((record) => record.fields);
    expect(rejected[0]).toStrictEqual(['rejectedRow', 'rejectionReason', ...header!]);
    expect(rejected.slice(1).map((fields) => fields[0])).toStrictEqual(['6', '7']);
    expect(rejected[2]![2 + column('name')]).toBe('X');

    const { institutions: page } = await target.client.data(
      '{ institutions(filter: {search: "valmieras"}) { totalCount edges { node { registrationNumber } } } }',
    );
    expect(page.edges.map((edge: any) => edge.node.registrationNumber)).toStrictEqual([fresh]);
  });
});
