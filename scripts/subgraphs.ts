/**
 * The five subgraphs in composition order, with the URL each has in the committed supergraph
 * (the `docker compose` service names). The gateway overrides them per environment.
 */
export const SUBGRAPHS = [
  { name: 'registry', url: 'http://registry:4001/graphql' },
  { name: 'licensing', url: 'http://licensing:4002/graphql' },
  { name: 'accreditation', url: 'http://accreditation:4003/graphql' },
  { name: 'practitioners', url: 'http://practitioners:4004/graphql' },
  { name: 'catalogue', url: 'http://catalogue:4005/graphql' },
] as const;
