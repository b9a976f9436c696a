export { createLicensing, licensing } from './definition';
export { loadLicensingOptions, type LicensingOptions } from './licensingOptions';
