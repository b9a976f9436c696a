export { practitioners } from './definition';
