// Main process: search's public face.
export { SearchIndex } from './search-index';
export type { SearchIndexOptions } from './search-index';
