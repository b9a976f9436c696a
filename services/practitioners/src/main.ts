import { runServiceMain } from '@eq/shared';
import { practitioners } from './definition';

await runServiceMain(practitioners);
