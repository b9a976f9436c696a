export { createPractitioners, practitioners, type PractitionersOptions } from './definition';
export { FIELDS_OF_PRACTICE, type FieldOfPracticeCode } from './domain/fieldsOfPractice';
