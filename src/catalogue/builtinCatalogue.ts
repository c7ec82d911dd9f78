import { builtinCatalogueFiles } from '../rules/builtinFiles.js';
import { catalogueFromFile, type CatalogueFile } from './catalogue.js';

let cached: readonly CatalogueFile[] | undefined;

/**
 * The provisions catalogues of the built-in law (one per instrument, including instruments that have
 * no rules of their own, such as the Civil Code's rules on periods), from the bundled copy of `rules/`.
 */
export function builtinCatalogue(): CatalogueFile[] {
  cached ??= builtinCatalogueFiles.map(catalogueFromFile);
  return [...cached];
}
