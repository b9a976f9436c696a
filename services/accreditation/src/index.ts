export { accreditation, defineAccreditation, type AccreditationOptions } from './definition';
export { DEFAULT_TERM_POLICY, type TermPolicy } from './domain/termPolicy';
