import { runServiceMain } from '@eq/shared';
import { licensing } from './definition';

await runServiceMain(licensing);
