import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { REQUEST_ID_HEADER } from '@eq/shared/auth';

/** A refusal or failure the gateway reported, with the code and reason a page explains to the visitor. */
export class GatewayError extends Error {
  constructor(
    message: string,
    /** `extensions.code` (e.g. `VALIDATION_FAILED`), or `UNAVAILABLE` when the gateway could not be reached. */
    readonly code: string,
    /** `extensions.reason`, when the subgraph gave one. */
    readonly reason?: string,
    /** `extensions.field`, when the refusal names an input field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; reason?: string; field?: string } }>;
}

/**
 * The site's only way to the data: GraphQL over HTTP to the gateway, as any front end would.
 * Operations are codegen's typed documents, so the answer and the variables are typed.
 */
export class GatewayClient {
  private readonly printed = new WeakMap<object, string>();

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * Runs the operation; `requestId` goes along as `x-request-id`, so the gateway's log line
   * matches the site's, and `token` (a signed-in school's) as the bearer: without it the site
   * asks as PUBLIC.
   */
  async query<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    { requestId, token }: { requestId?: string; token?: string } = {},
  ): Promise<TResult> {
    let answer: GraphQLAnswer<TResult>;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: this.source(document), variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = (await response.json()) as GraphQLAnswer<TResult>;
    } catch (error) {
      throw new GatewayError(`The gateway did not answer: ${String(error)}`, 'UNAVAILABLE');
    }
    const [first] = answer.errors ?? [];
    if (first)
      throw new GatewayError(
        first.message,
        first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        first.extensions?.reason,
        first.extensions?.field,
      );
    if (!answer.data) throw new GatewayError('The gateway answered with no data', 'INTERNAL_SERVER_ERROR');
    return answer.data;
  }

  /** Whether the gateway answers at all (the site's readiness). */
  async reachable(): Promise<boolean> {
    try {
      const response = await fetch(this.url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(this.timeoutMs) });
      return response.ok;
    } catch {
      return false;
    }
  }

  private source(document: object): string {
    let text = this.printed.get(document);
    if (text === undefined) {
      text = print(document as Parameters<typeof print>[0]);
      this.printed.set(document, text);
    }
    return text;
  }
}
