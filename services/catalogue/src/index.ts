export { catalogue, createCatalogue } from './definition';
export { DEFAULT_CATALOGUE_OPTIONS, loadCatalogueOptions, type CatalogueOptions } from './catalogueOptions';
