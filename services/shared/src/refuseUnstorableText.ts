import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from './errors';
import { storableTextProblem } from './storableText';

/** The first string in `value` (a variable's JSON) that text columns cannot hold, with its path. */
function unstorableInValue(value: unknown, path: string): { field: string; problem: string } | undefined {
  const pending: Array<[unknown, string]> = [[value, path]];
  while (pending.length > 0) {
    const [item, at] = pending.pop()!;
    if (typeof item === 'string') {
      const problem = storableTextProblem(item);
      if (problem) return { field: at, problem };
    } else if (Array.isArray(item)) {
      item.forEach((element, i) => pending.push([element, `${at}.${i}`]));
    } else if (item && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) pending.push([element, `${at}.${key}`]);
    }
  }
  return undefined;
}

/** The first string literal in the document that text columns cannot hold, named by its argument path. */
function unstorableInDocument(document: DocumentNode): { field: string; problem: string } | undefined {
  const names: string[] = [];
  let found: { field: string; problem: string } | undefined;
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      const problem = storableTextProblem(node.value);
      if (problem && !found) found = { field: names.join('.'), problem };
    },
  });
  return found;
}

/**
 * Refuses, before any resolver runs, an operation whose strings (in variables or literals)
 * PostgreSQL could not store: a NUL byte in a filter or in a name used to reach the database
 * and come back as a driver error (INTERNAL_SERVER_ERROR) with the whole statement in the
 * log. One check here covers every argument of every subgraph, stored or only filtered on.
 * The answer is VALIDATION_FAILED naming the field, with HTTP 400.
 */
export function refuseUnstorableText<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const found =
            Object.entries(request.variables ?? {})
              .map(([name, value]) => unstorableInValue(value, name))
              .find(Boolean) ?? unstorableInDocument(document);
          if (found) {
            throw new GraphQLError(`${found.field} ${found.problem}, which cannot be stored; remove it`, {
              extensions: { code: ErrorCode.VALIDATION_FAILED, field: found.field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
