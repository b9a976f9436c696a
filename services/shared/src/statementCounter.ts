import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements it sees and logs nothing. Tests read the
 * count around a request to prove that a query plan runs a bounded number of statements.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  /** The latest statements, for a failing test to show what ran. */
  readonly recent: string[] = [];

  logQuery(query: string): void {
    this.count += 1;
    this.recent.push(query);
    if (this.recent.length > 100) this.recent.shift();
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
