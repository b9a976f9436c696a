import { runServiceMain } from '@eq/shared';
import { registry } from './definition';

await runServiceMain(registry);
