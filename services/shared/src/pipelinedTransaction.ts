import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { outboxCommitted } from './outbox';

/** A value a pipelined statement may carry, inlined as an SQL literal. */
export type InlineValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * `sql` with its `$1`…`$n` replaced by literals, for PostgreSQL's simple query protocol (the
 * only one that takes several statements in one message, and the only one without bind
 * parameters). Strings go through pg's `escapeLiteral`; numbers must be finite. Meant for
 * hand-written statements only: a `$n` inside a string literal or a dollar-quoted body would
 * be replaced too.
 */
export function inlineParameters(sql: string, values: readonly InlineValue[]): string {
  return sql.replace(/\$(\d+)/g, (_match, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= values.length) throw new RangeError(`statement uses $${digits} but ${values.length} values were given`);
    return literal(values[index]);
  });
}

function literal(value: InlineValue): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return `(${value.toString()})`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot inline ${value} into a statement`);
    return `(${String(value)})`;
  }
  if (value instanceof Date) return `'${value.toISOString()}'`;
  return escapeLiteral(value);
}

/**
 * pg's `escapeLiteral`, with regular expressions instead of its loop over characters: an
 * event's payload (a kilobyte or two) is inlined on every booking. Quotes are doubled; with a
 * backslash in the string, it becomes an E'' literal with the backslashes doubled too.
 */
function escapeLiteral(value: string): string {
  const quoted = value.replace(/'/g, "''");
  return value.includes('\\') ? ` E'${quoted.replace(/\\/g, '\\\\')}'` : `'${quoted}'`;
}

export interface PipelinedTransaction {
  /** Runs a statement in the transaction (the first one carries BEGIN) and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, values?: readonly InlineValue[]): Promise<T[]>;
  /** Runs the transaction's last statement and COMMIT as one message, and returns its rows. */
  commitWith<T = Record<string, unknown>>(sql: string, values?: readonly InlineValue[]): Promise<T[]>;
}

/**
 * A short transaction on a hot path in as few round trips as PostgreSQL allows: BEGIN travels
 * with the first statement and COMMIT with the last. Why: a transaction that takes a hot row
 * lock in its last statement (the fund's row, on every booking) otherwise holds it across a
 * turn of this process's event loop before COMMIT arrives; under load that turn is the lock's
 * whole hold time, and it caps throughput for everyone. With COMMIT in the same message the
 * lock is released as soon as PostgreSQL has written the commit.
 *
 * `work` must end with `commitWith`; if it throws, or a statement fails, the transaction rolls
 * back. A last statement that must not commit on some outcome has to raise an error in SQL
 * (a result row arrives only after COMMIT has run). The statements bypass TypeORM (no entity
 * hooks, no statement counting): use it for a few hand-written statements, not as a habit.
 * After its commit the outbox relay is woken, as after any transaction that recorded events.
 */
export async function pipelinedTransaction<T>(db: DataSource, work: (tx: PipelinedTransaction) => Promise<T>): Promise<T> {
  const pool = (db.driver as unknown as { master: pg.Pool }).master;
  const client = await pool.connect();
  let begun = false;
  let open = false;
  let released = false;
  const lastRows = <R>(result: pg.QueryResult | pg.QueryResult[]): R[] =>
    (Array.isArray(result) ? result[result.length - 1]!.rows : result.rows) as R[];
  const tx: PipelinedTransaction = {
    async query(sql, values = []) {
      if (begun && !open) throw new Error('the transaction has already committed');
      const text = inlineParameters(sql, values);
      const prefix = begun ? '' : 'BEGIN; ';
      begun = open = true;
      return lastRows(await client.query(prefix + text));
    },
    async commitWith(sql, values = []) {
      if (begun && !open) throw new Error('the transaction has already committed');
      const text = `${begun ? '' : 'BEGIN; '}${inlineParameters(sql, values)}; COMMIT`;
      begun = open = true;
      const result = await client.query(text);
      open = false;
      outboxCommitted(db);
      // The result of `COMMIT` comes last; the statement's rows are the one before it.
      return (result as unknown as pg.QueryResult[]).at(-2)!.rows;
    },
  };
  try {
    const outcome = await work(tx);
    if (open) throw new Error('pipelinedTransaction: work ended without commitWith');
    return outcome;
  } catch (error) {
    if (open) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        // A connection that cannot roll back is not handed to the next caller.
        released = true;
        client.release(rollbackError);
      });
    }
    throw error;
  } finally {
    if (!released) client.release();
  }
}
