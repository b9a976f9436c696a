import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { HEADER, toCsvCells } from '../scripts/openData/columns';
import { formatCsv } from '../scripts/openData/csv';
import { progressBar } from '../scripts/openData/progressBar';
import type { OpenDataInstitution } from '../scripts/openData/openDataRecord';
import { readImportFile } from '../scripts/openData/readImportFile';

// Unit tests of the open-data columns and the import's row checks (no servers).

const record: OpenDataInstitution = {
  id: '6f1c1c9e-4b7a-4c43-9a43-0f6d3c1f0a01',
  registrationNumber: '0123456789',
  name: 'Cēsu "Pils" skola, filiāle',
  type: 'BASIC_SCHOOL',
  status: 'LIQUIDATED',
  founderKind: 'MUNICIPALITY',
  founderName: 'Cēsu novada pašvaldība',
  founderMunicipality: 'Cēsu novads',
  planningRegion: 'VIDZEME',
  implementationPlaces: [
    { address: 'Pils iela 1, Cēsis', municipality: 'Cēsu novads', planningRegion: 'VIDZEME' },
    { address: 'Rīgas iela 2; korpuss B', municipality: 'Cēsu novads', planningRegion: 'VIDZEME' },
  ],
  registeredOn: '2020-09-01',
  registrationDecisionNumber: 'IKVD-2020/1',
  registrationDecisionDate: '2020-08-20',
  liquidatedOn: '2024-06-30',
  liquidationKind: 'LIQUIDATION',
  liquidationDecisionNumber: 'IKVD-2024/9',
  liquidationDecisionDate: '2024-06-01',
  liquidationReason: 'Merged by the founder,\n"Cēsu skola" continues',
};

const csvOf = (...rows: string[][]) => formatCsv([[...HEADER], ...rows]);
const cellsWith = (changes: Partial<Record<keyof OpenDataInstitution, string>>) =>
  HEADER.map((name, index) => changes[name as keyof OpenDataInstitution] ?? toCsvCells(record)[index]!);

describe('open-data rows', () => {
  it('reads back every column of an exported record', () => {
    const file = readImportFile(csvOf(toCsvCells(record)));
    assert.ok(!('error' in file));
    expect(file.rows[0]!.record).toStrictEqual(record);
  });

  it('rejects a bad row with every reason and its row number, and reads the rows around it', () => {
    const bad = cellsWith({
      registrationNumber: '123456789',
      type: 'SCHOOL',
      registrationDecisionDate: '2020-02-30',
      implementationPlaces: 'Pils iela 1|Cēsis',
    });
    const file = readImportFile(csvOf(toCsvCells(record), bad, cellsWith({ registrationNumber: '0123456780' })));
    assert.ok(!('error' in file));
    expect(file.rows.map((row) => row.row)).toStrictEqual([2, 3, 4]);
    assert.ok(file.rows[0]!.record && file.rows[2]!.record);
    expect(file.rows[1]!.reasons).toStrictEqual([
      'registrationNumber "123456789" is not 10 digits (a spreadsheet may have dropped its leading zeros)',
      'type "SCHOOL" is not one of PRESCHOOL, PRIMARY_SCHOOL, BASIC_SCHOOL, SECONDARY_SCHOOL, GYMNASIUM, STATE_GYMNASIUM, SPECIAL_SCHOOL, VOCATIONAL_SCHOOL, INTEREST_EDUCATION, PROFESSIONAL_ORIENTATION_MUSIC, PROFESSIONAL_ORIENTATION_ART, PROFESSIONAL_ORIENTATION_DANCE, PROFESSIONAL_ORIENTATION_SPORT, INTERNATIONAL_SCHOOL, EVENING_OR_DISTANCE_SCHOOL',
      'implementationPlaces: place 1 is not address|municipality|PLANNING_REGION',
      'registrationDecisionDate "2020-02-30" is not a calendar date YYYY-MM-DD',
    ]);
  });

  it('rejects a row with the wrong number of fields and a repeated registration number', () => {
    const file = readImportFile(csvOf(toCsvCells(record), ['only', 'three', 'fields'], toCsvCells(record)));
    assert.ok(!('error' in file));
    expect(file.rows[1]!.reasons).toStrictEqual([`has 3 fields, the header has ${HEADER.length}`]);
    expect(file.rows[2]!.reasons).toStrictEqual(['registrationNumber 0123456789 is already on row 2']);
  });

  it('checks that a liquidation is complete and dated after the registration', () => {
    const file = readImportFile(
      csvOf(
        cellsWith({ liquidationDecisionNumber: '', liquidatedOn: '2019-01-01', liquidationDecisionDate: '2018-12-01' }),
        cellsWith({
          status: 'LIQUIDATED',
          liquidatedOn: '',
          liquidationKind: '',
          liquidationDecisionNumber: '',
          liquidationDecisionDate: '',
          liquidationReason: '',
        }),
      ),
    );
    assert.ok(!('error' in file));
    expect(file.rows[0]!.reasons).toStrictEqual([
      'liquidationDecisionNumber is empty, but the row has a liquidation',
      'liquidatedOn 2019-01-01 is before registeredOn 2020-09-01',
    ]);
    expect(file.rows[1]!.reasons).toStrictEqual(['status is LIQUIDATED, but the row has no liquidation decision']);
  });

  it('takes a minimal hand-made file: optional columns default, unknown columns are ignored', () => {
    const text = [
      'registrationNumber,name,type,founderKind,founderName,founderMunicipality,planningRegion,implementationPlaces,registrationDecisionNumber,registrationDecisionDate,comment',
      '1111111111,Rīgas skola,PRESCHOOL,STATE,Izglītības un zinātnes ministrija,,RIGA,Rīga 1|Rīga|RIGA,D-1,2024-01-02,anything',
    ].join('\n');
    const file = readImportFile(text);
    assert.ok(!('error' in file));
    expect(file.rows[0]!.record?.registeredOn).toBe('2024-01-02');
    expect(file.rows[0]!.record?.status).toBe('ACTIVE');
    expect(file.rows[0]!.record?.liquidationKind).toBe(null);
  });

  it('refuses a file whose header lacks a required column', () => {
    expect(readImportFile('registrationNumber,name\r\n1111111111,x\r\n')).toStrictEqual({
      error:
        'the header lacks required columns type, founderKind, founderName, planningRegion, implementationPlaces, registrationDecisionNumber, registrationDecisionDate',
    });
  });

  it('documents exactly the columns it writes, in order', () => {
    const doc = readFileSync(new URL('../docs/open-data.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| \d+ \| `(\w+)` \|/gm)].map((match) => match[1]);
    expect(documented).toStrictEqual(HEADER);
  });
});

describe('import progress bar', () => {
  const fakeStream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns: 80, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  };

  it('redraws one line on a terminal and ends it when finished', () => {
    const { written, stream } = fakeStream(true);
    const bar = progressBar('rows imported', 4, stream);
    bar.update(4);
    bar.finish();
    // Each drawing starts at the line's first column (ESC [1G), so one line is redrawn in place.
    const drawings = written.join('').split('\u001b[1G').slice(1);
    expect(drawings[0]).toMatch(/^\[·{40}\] 0\/4 0% {2}rows imported/);
    expect(drawings.at(-1)).toMatch(/^\[#{40}\] 4\/4 100% {2}rows imported[^\n]*\n$/);
    expect(drawings.slice(0, -1).some((drawing) => drawing.includes('\n'))).toBe(false);
  });

  it('draws nothing when the stream is not a terminal', () => {
    const { written, stream } = fakeStream(false);
    const bar = progressBar('rows imported', 4, stream);
    bar.update(2);
    bar.finish();
    expect(written).toStrictEqual([]);
  });
});
