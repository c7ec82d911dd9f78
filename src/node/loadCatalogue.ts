import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueFromFile, type CatalogueFile } from '../catalogue/catalogue.js';
import { readPackJson } from './packFolder.js';

/** The `provisions.json` files under a rules folder, by path, in name order (one per instrument). */
export function catalogueFiles(rulesDir: string): string[] {
  return readdirSync(rulesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(rulesDir, d.name, 'provisions.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => join(rulesDir, name, 'provisions.json'));
}

/**
 * Every `provisions.json` under a rules folder read from disk (one per instrument, including
 * instruments that have no rules of their own, such as the Civil Code's rules on periods).
 */
export function loadCatalogue(rulesDir: string): CatalogueFile[] {
  return catalogueFiles(rulesDir).map((file) => catalogueFromFile({ file, value: readPackJson(file, file) }));
}
