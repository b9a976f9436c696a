import { runServiceMain } from '@eq/shared';
import { createLicensing } from './definition';
import { loadLicensingOptions } from './licensingOptions';

await runServiceMain(createLicensing(loadLicensingOptions(process.env)));
