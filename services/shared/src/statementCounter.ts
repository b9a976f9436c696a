import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Marks the work done for one GraphQL request, so the counter can tell a request's statements
 * from those of the outbox relay, consumers and scheduled jobs running beside it.
 */
export const graphqlRequestScope = new AsyncLocalStorage<true>();

/**
 * A TypeORM logger that counts the SQL statements it sees and logs nothing. Tests read the
 * count around a request to prove that a query plan runs a bounded number of statements.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  /** The latest statements, for a failing test to show what ran. */
  readonly recent: string[] = [];
  /** The latest statements run while serving a GraphQL request (see `graphqlRequestScope`). */
  readonly recentInRequests: string[] = [];
  inRequests = 0;

  logQuery(query: string): void {
    this.count += 1;
    remember(this.recent, query);
    if (graphqlRequestScope.getStore()) {
      this.inRequests += 1;
      remember(this.recentInRequests, query);
    }
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

function remember(list: string[], query: string): void {
  list.push(query);
  if (list.length > 200) list.shift();
}
