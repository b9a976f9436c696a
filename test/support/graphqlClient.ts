import { signCallerToken, type Caller } from '@eq/shared';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** A minimal GraphQL-over-HTTP client, as a front end would call the gateway. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    private readonly jwtSecret: string,
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /** Like `request`, but fails the test on any GraphQL error and returns `data`. */
  async data<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await this.request<T>(query, variables, token);
    if (response.errors?.length || !response.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  token(caller: Caller): Promise<string> {
    return signCallerToken(caller, this.jwtSecret);
  }
}
