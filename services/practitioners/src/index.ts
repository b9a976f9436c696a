export { createPractitioners, practitioners, type PractitionersOptions } from './definition';
export { seedPractitionersDemo, type OfficerCall } from './demo/seedPractitionersDemo';
