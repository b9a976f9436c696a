import { INSTITUTION_STATUSES, type InstitutionNode, type OpenDataInstitution } from './openDataRecord';

/**
 * The registry as the open-data commands see it: the gateway's public GraphQL API and nothing
 * else (no database access), so the commands work against any deployment.
 */

/** Where `npm start` serves the gateway. */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

/** A GraphQL or HTTP failure, with the server's `extensions.code` when it gave one. */
export class RegistryRequestError extends Error {
  override name = 'RegistryRequestError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface RegistryClient {
  url: string;
  /** Bearer token; the export reads as an anonymous (PUBLIC) caller and needs none. */
  token?: string;
}

async function request<T>(client: RegistryClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(client.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client.token ? { authorization: `Bearer ${client.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new RegistryRequestError(
      `cannot reach ${client.url}: ${(error as Error & { cause?: Error }).cause?.message ?? String(error)}`,
      undefined,
    );
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text);
  } catch {
    throw new RegistryRequestError(
      `${client.url} answered HTTP ${response.status} with no GraphQL response: ${text.slice(0, 200)}`,
      undefined,
    );
  }
  const [first] = body.errors ?? [];
  if (first) throw new RegistryRequestError(body.errors!.map((error) => error.message).join('; '), first.extensions?.code);
  if (!body.data) throw new RegistryRequestError(`${client.url} answered HTTP ${response.status} without data`, undefined);
  return body.data;
}

const PAGE_SIZE = 100;

const REGISTER_PAGE = /* GraphQL */ `
  query OpenDataPage($first: Int!, $after: String) {
    institutions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          registrationNumber
          name
          type
          status
          founder {
            kind
            name
            municipality
          }
          planningRegion
          implementationPlaces {
            address
            municipality
            planningRegion
          }
          registeredOn
          liquidatedOn
          decisions {
            kind
            number
            date
            effectiveDate
            reason
          }
        }
      }
    }
  }
`;

interface Page<T> {
  institutions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: T }> };
}

/**
 * Every institution in the register, page by page (ordered by name, then id). `onPage` hears
 * the running count and the register's total, e.g. for a progress bar.
 */
export async function* readRegister(
  client: RegistryClient,
  onPage?: (read: number, total: number) => void,
): AsyncGenerator<InstitutionNode> {
  let after: string | null = null;
  let read = 0;
  for (;;) {
    const page: Page<InstitutionNode> = await request(client, REGISTER_PAGE, { first: PAGE_SIZE, after });
    for (const { node } of page.institutions.edges) if (INSTITUTION_STATUSES.includes(node.status)) yield node;
    read += page.institutions.edges.length;
    onPage?.(read, page.institutions.totalCount);
    if (!page.institutions.pageInfo.hasNextPage || !page.institutions.pageInfo.endCursor) return;
    after = page.institutions.pageInfo.endCursor;
  }
}

/** A cheap call that proves the URL serves the register and the token (if any) is accepted. */
export async function checkRegister(client: RegistryClient): Promise<number> {
  const data = await request<{ institutions: { totalCount: number } }>(client, '{ institutions(first: 1) { totalCount } }');
  return data.institutions.totalCount;
}

const REGISTER = /* GraphQL */ `
  mutation OpenDataRegister($input: RegisterInstitutionInput!) {
    registerInstitution(input: $input) {
      institution {
        id
      }
    }
  }
`;

const LIQUIDATE = /* GraphQL */ `
  mutation OpenDataLiquidate($input: LiquidateInstitutionInput!) {
    liquidateInstitution(input: $input) {
      institution {
        id
        status
      }
    }
  }
`;

/** Registers the institution with its registration decision; returns its id in this register. */
export async function registerInstitution(client: RegistryClient, record: OpenDataInstitution): Promise<string> {
  const input = {
    registrationNumber: record.registrationNumber,
    name: record.name,
    type: record.type,
    founder: { kind: record.founderKind, name: record.founderName, municipality: record.founderMunicipality },
    planningRegion: record.planningRegion,
    implementationPlaces: record.implementationPlaces,
    decision: { number: record.registrationDecisionNumber, date: record.registrationDecisionDate, effectiveDate: record.registeredOn },
  };
  const data = await request<{ registerInstitution: { institution: { id: string } } }>(client, REGISTER, { input });
  return data.registerInstitution.institution.id;
}

/**
 * Records the row's liquidation or striking off against the institution `id`. `kind` is sent
 * only for a striking off, so a plain liquidation also works against an API without it.
 */
export async function liquidateInstitution(client: RegistryClient, id: string, record: OpenDataInstitution): Promise<void> {
  const decision = {
    number: record.liquidationDecisionNumber,
    date: record.liquidationDecisionDate,
    effectiveDate: record.liquidatedOn,
    reason: record.liquidationReason,
  };
  const kind = record.liquidationKind === 'STRIKING_OFF' ? { kind: 'STRIKING_OFF' } : {};
  await request(client, LIQUIDATE, { input: { id, ...kind, decision } });
}
