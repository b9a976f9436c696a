export { licensing } from './definition';
