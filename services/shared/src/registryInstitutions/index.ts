/**
 * The registry's institutions as the subgraphs that subscribe to `registry.institution.v1` see
 * them: the event contract, and a local replica (one table, one upsert rule) that write paths
 * decide on without a synchronous call to the registry.
 */
export * from './contract';
export * from './migration';
export * from './replica';
