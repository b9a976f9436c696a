import { formatCsv } from './csv';
import type { Outcome } from './importRecords';
import type { ImportRow } from './readImportFile';

/** A row the import did not take, with the reason a person can act on. */
export interface Rejection {
  row: number;
  line: number;
  fields: string[];
  reason: string;
}

export type Counts = Record<Outcome['kind'], number>;

export function countOutcomes(outcomes: readonly Outcome[], rejectedBeforeSending: number): Counts {
  const counts: Counts = { created: 0, skipped: 0, completed: 0, rejected: rejectedBeforeSending, failed: 0 };
  for (const outcome of outcomes) counts[outcome.kind] += 1;
  return counts;
}

/** Rows refused by the file's own checks and by the server, in row order. */
export function rejectionsOf(rows: readonly ImportRow[], outcomes: readonly Outcome[]): Rejection[] {
  const byRow = new Map(rows.map((row) => [row.row, row]));
  const rejections: Rejection[] = rows
    .filter((row) => row.reasons)
    .map((row) => ({ row: row.row, line: row.line, fields: row.fields, reason: row.reasons!.join('; ') }));
  for (const outcome of outcomes) {
    if (outcome.kind !== 'rejected') continue;
    const row = byRow.get(outcome.row)!;
    rejections.push({ row: row.row, line: row.line, fields: row.fields, reason: outcome.reason });
  }
  return rejections.sort((a, b) => a.row - b.row);
}

/**
 * The rejected rows as CSV: `rejectedRow` and `rejectionReason` first (so they line up even
 * when a row has the wrong number of fields), then the row as it was. The import ignores
 * those two columns, so the file can be corrected and imported as it is.
 */
export function formatRejectedCsv(header: readonly string[], rejections: readonly Rejection[]): string {
  return formatCsv([['rejectedRow', 'rejectionReason', ...header], ...rejections.map((r) => [String(r.row), r.reason, ...r.fields])]);
}

const where = (r: { row: number; line: number }) => (r.row === r.line ? `row ${r.row}` : `row ${r.row} (line ${r.line})`);

/** The report a person reads: the counts on one stable line, then each row that needs a look. */
export function formatReport(
  counts: Counts,
  rejections: readonly Rejection[],
  failures: readonly Outcome[],
  notes: { rejectedFile?: string; aborted?: string; notTried: number },
): string {
  const lines = [
    `created ${counts.created}, skipped ${counts.skipped}, completed ${counts.completed}, rejected ${counts.rejected}, failed ${counts.failed}`,
  ];
  if (notes.aborted) lines.push(`stopped early: ${notes.aborted}; ${notes.notTried} rows were not tried`);
  if (rejections.length > 0) {
    lines.push(`rejected rows${notes.rejectedFile ? ` (also in ${notes.rejectedFile})` : ''}:`);
    for (const rejection of rejections) lines.push(`  ${where(rejection)}: ${rejection.reason}`);
  }
  const failed = failures.filter((outcome) => outcome.kind === 'failed');
  if (failed.length > 0) {
    lines.push('failed rows (a re-run retries them):');
    for (const outcome of failed) lines.push(`  row ${outcome.row}: ${'reason' in outcome ? outcome.reason : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
