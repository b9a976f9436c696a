import { registryInstitutionEventHandlers } from '@eq/shared';

/**
 * Every institution event updates the registry replica (shared kit); the catalogue decides on
 * it when an institution becomes a provider or offers an activity, and has nothing else to do.
 */
export const registryEventHandlers = registryInstitutionEventHandlers();
