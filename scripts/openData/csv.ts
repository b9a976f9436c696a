import { stringify } from 'csv-stringify/sync';

/**
 * CSV as RFC 4180 defines it: fields separated by commas, records by CRLF; a field holding a
 * comma, a quote, CR or LF is wrapped in double quotes and its quotes are doubled.
 *
 * Writing is `csv-stringify`'s. Reading is ours, because the import report needs what
 * `csv-parse` (7.0) does not give, tried on this file's tests: after a stray quote in an
 * unquoted field (`1,x"y`) csv-parse reads the rest of the file into that field and loses every
 * later record, where here the quote spoils only its own record; and csv-parse reports the line
 * where a record ends, where the report names the line where it starts. We read leniently where
 * that costs nothing (LF-only line ends, a UTF-8 BOM, a missing final line break) and strictly
 * where guessing would corrupt data: a bad record comes back with an `error` instead of fields.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts (records may span lines). */
  line: number;
  fields: string[];
  /** Why the record could not be read; `fields` is then what was read before the problem. */
  error?: string;
}

/** Records to CSV text, every record (the last too) ended by CRLF. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  // csv-stringify quotes a field with a comma or a quote, or one holding the whole record
  // delimiter (CRLF); a lone CR or LF must be quoted too, or a reader would split the record.
  return stringify(records as string[][], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** CSV text to records. Blank lines between records are skipped. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let position = 0;

  while (position < input.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    let field = '';
    let atFieldStart = true;
    let quoted = false;
    let endOfRecord = false;

    while (position < input.length && !endOfRecord) {
      const char = input[position]!;
      if (quoted) {
        if (char === '"' && input[position + 1] === '"') {
          field += '"';
          position += 2;
          continue;
        }
        if (char === '"') {
          quoted = false;
          position += 1;
          const next = input[position];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
            error ??= `text after a closing quote in field ${fields.length + 1}`;
          }
          continue;
        }
        if (char === '\n') line += 1;
        field += char;
        position += 1;
        continue;
      }
      switch (char) {
        case '"':
          if (atFieldStart) quoted = true;
          else error ??= `a quote inside unquoted field ${fields.length + 1} (quote the field and double the quote)`;
          atFieldStart = false;
          position += 1;
          break;
        case ',':
          fields.push(field);
          field = '';
          atFieldStart = true;
          position += 1;
          break;
        case '\r':
        case '\n':
          position += char === '\r' && input[position + 1] === '\n' ? 2 : 1;
          line += 1;
          endOfRecord = true;
          break;
        default:
          if (!error) field += char;
          atFieldStart = false;
          position += 1;
      }
    }
    if (quoted) error ??= `field ${fields.length + 1} opens a quote that is never closed (the rest of the file was read into it)`;
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !error;
    if (!blank) records.push(error ? { line: start, fields, error } : { line: start, fields });
  }
  return records;
}
