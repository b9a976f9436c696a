import { runServiceMain } from '@eq/shared';
import { accreditation } from './definition';

await runServiceMain(accreditation);
