import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * A TypeORM logger that counts the SQL statements it sees and logs nothing. Tests read the
 * count around a request to prove that a query plan runs a bounded number of statements.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;

  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
