export { createRegistry, registry, type RegistryOptions } from './definition';
