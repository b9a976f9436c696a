import { parseCsv } from './csv';
import type { OpenDataInstitution } from './openDataRecord';
import { parseRow, readHeader } from './parseRow';

/** A data row of the file: its record, or why it cannot be imported. */
export interface ImportRow {
  /** Spreadsheet-style row number: the header is row 1. */
  row: number;
  /** Line of the file where the row starts (differs from `row` after multi-line fields or blank lines). */
  line: number;
  fields: string[];
  record?: OpenDataInstitution;
  reasons?: string[];
}

export interface ImportFile {
  header: string[];
  rows: ImportRow[];
}

/**
 * An open-data CSV, every data row checked on its own: a bad row carries its reasons and the
 * others go ahead. Only a file without a usable header is refused as a whole. A registration
 * number that appears twice is imported from its first row; later rows are rejected.
 */
export function readImportFile(text: string): ImportFile | { error: string } {
  const [headerRecord, ...records] = parseCsv(text);
  if (!headerRecord) return { error: 'the file is empty' };
  if (headerRecord.error) return { error: `the header cannot be read: ${headerRecord.error}` };
  const header = readHeader(headerRecord.fields);
  if ('error' in header) return header;

  const firstRowOf = new Map<string, number>();
  const rows = records.map((csv, index): ImportRow => {
    const row = { row: index + 2, line: csv.line, fields: csv.fields };
    if (csv.error) return { ...row, reasons: [csv.error] };
    const result = parseRow(csv.fields, header);
    if ('reasons' in result) return { ...row, reasons: result.reasons };
    const first = firstRowOf.get(result.record.registrationNumber);
    if (first !== undefined)
      return { ...row, reasons: [`registrationNumber ${result.record.registrationNumber} is already on row ${first}`] };
    firstRowOf.set(result.record.registrationNumber, row.row);
    return { ...row, record: result.record };
  });
  return { header: headerRecord.fields, rows };
}
