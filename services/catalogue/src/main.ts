import { runServiceMain } from '@eq/shared';
import { loadCatalogueOptions } from './catalogueOptions';
import { createCatalogue } from './definition';

await runServiceMain(createCatalogue(loadCatalogueOptions(process.env)));
