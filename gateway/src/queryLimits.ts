import type { ApolloServerOptions } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { GatewayContext } from './context';
import type { QueryLimits } from './config';

/** Directives in one operation: our clients use none or a few `@include`/`@skip`. */
const MAX_DIRECTIVES = 20;

/**
 * Reports a refusal as a validation error (400 GRAPHQL_VALIDATION_FAILED), without the
 * "Syntax Error:" prefix armor puts on it: the document is valid, it only asks for too much.
 */
const refusal = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} Ask for less in one operation.`)),
  ],
};

/**
 * The parts of the Apollo Server options that refuse abusive operations before any subgraph
 * is called: depth, alias, directive and cost limits as validation rules (graphql-armor),
 * a token limit enforced by the parser itself, no batched HTTP requests, and no field
 * suggestions ("Did you mean …") that would map the schema for a caller without introspection.
 * A refused operation answers 400 GRAPHQL_VALIDATION_FAILED (or GRAPHQL_PARSE_FAILED for the
 * token limit) with a message stating the limit.
 */
export function queryLimitOptions(
  limits: QueryLimits,
): Pick<
  ApolloServerOptions<GatewayContext>,
  'validationRules' | 'plugins' | 'allowBatchedHttpRequests' | 'parseOptions' | 'hideSchemaDetailsFromClientErrors'
> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: true, ignoreIntrospection: true, ...refusal },
    maxAliases: { n: limits.maxAliases, exposeLimits: true, ...refusal },
    maxDirectives: { n: MAX_DIRECTIVES, exposeLimits: true, ...refusal },
    costLimit: { maxCost: limits.maxCost, exposeLimits: true, ignoreIntrospection: true, ...refusal },
    // graphql-js counts tokens while parsing (parseOptions below) and fails with a syntax
    // error; armor's own plugin re-lexes the document and throws outside Apollo's error path.
    maxTokens: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors does this for every error, not only some.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules, plugins } = armor.protect();
  return {
    validationRules,
    plugins,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: limits.maxTokens },
    hideSchemaDetailsFromClientErrors: true,
  };
}
