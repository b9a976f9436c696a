import { describe, expect, it } from '@jest/globals';
import { formatCsv, parseCsv } from '../scripts/openData/csv';
import { formatPlaceList, parsePlaceList } from '../scripts/openData/placeList';

// Unit tests of the open-data CSV format. They live in test/ because `npm test` collects
// *.test.ts under services/, gateway/ and test/ only.

describe('open-data CSV (RFC 4180)', () => {
  it('quotes only fields with a comma, quote, CR or LF, doubles quotes and ends every record with CRLF', () => {
    const text = formatCsv([
      ['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ''],
      ['Rīgas Ābeles sākumskola', 'x'],
    ]);
    expect(text).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere",\r\nRīgas Ābeles sākumskola,x\r\n');
  });

  it('reads back exactly what it writes, diacritics and multi-line fields included', () => {
    const records = [
      ['id', 'name', 'note'],
      ['1', 'Rīgas "Ābeles" sākumskola, filiāle', 'line one\r\nline two'],
      ['2', '', '"'],
      ['3', ',', '\n'],
    ];
    expect(parseCsv(formatCsv(records)).map((r) => r.fields)).toStrictEqual(records);
  });

  it('accepts LF line ends, a UTF-8 BOM, blank lines and a missing final line break', () => {
    const parsed = parseCsv('\uFEFFa,b\n\n1,2\n3,"4\n5"\n6,7');
    expect(parsed.map((r) => r.fields)).toStrictEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4\n5'],
      ['6', '7'],
    ]);
    expect(parsed.map((r) => r.line)).toStrictEqual([1, 3, 4, 6]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\r\n,,,\r\n').map((r) => r.fields)).toStrictEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('reports a stray quote in its own record and reads the records around it', () => {
    const parsed = parseCsv('a,b\r\n1,x"y\r\n"2"z,3\r\n4,5\r\n');
    expect(parsed.map((r) => r.error)).toStrictEqual([
      undefined,
      'a quote inside unquoted field 2 (quote the field and double the quote)',
      'text after a closing quote in field 1',
      undefined,
    ]);
    expect(parsed[3]!.fields).toStrictEqual(['4', '5']);
  });

  it('reports a quote that is never closed', () => {
    const parsed = parseCsv('a,b\r\n1,"open\r\n2,3\r\n');
    expect(parsed.length).toBe(2);
    expect(parsed[1]!.error!).toMatch(/field 2 opens a quote that is never closed/);
  });
});

describe('implementation places in one cell', () => {
  it('joins places with ";" and their parts with "|"', () => {
    const cell = formatPlaceList([
      { address: 'Braslas iela 16, Rīga', municipality: 'Rīga', planningRegion: 'RIGA' },
      { address: 'Rīgas iela 1, Cēsis', municipality: 'Cēsu novads', planningRegion: 'VIDZEME' },
    ]);
    expect(cell).toBe('Braslas iela 16, Rīga|Rīga|RIGA;Rīgas iela 1, Cēsis|Cēsu novads|VIDZEME');
    expect(parsePlaceList(cell)).toStrictEqual([
      ['Braslas iela 16, Rīga', 'Rīga', 'RIGA'],
      ['Rīgas iela 1, Cēsis', 'Cēsu novads', 'VIDZEME'],
    ]);
  });

  it('escapes "\\", "|" and ";" inside values so any address survives', () => {
    const places = [{ address: 'Ēkas 1|2; korpuss \\B', municipality: 'Rīga', planningRegion: 'RIGA' }];
    const cell = formatPlaceList(places);
    expect(cell).toBe('Ēkas 1\\|2\\; korpuss \\\\B|Rīga|RIGA');
    expect(parsePlaceList(cell)).toStrictEqual([['Ēkas 1|2; korpuss \\B', 'Rīga', 'RIGA']]);
  });

  it('reads an empty cell as no places', () => {
    expect(parsePlaceList('  ')).toStrictEqual([]);
  });
});
