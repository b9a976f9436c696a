export { createRegistry, registry, type RegistryOptions } from './definition';
export { municipalityAuthorityName } from './domain/municipalities';
