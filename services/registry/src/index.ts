export { registry } from './definition';
