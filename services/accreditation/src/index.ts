export { accreditation, defineAccreditation, type AccreditationOptions } from './definition';
export type { Clock } from './context';
export { DEFAULT_TERM_POLICY, type TermPolicy } from './domain/termPolicy';
