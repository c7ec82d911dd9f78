/**
 * Writes the published JSON Schemas to `schemas/*.schema.json` from the zod schemas the library
 * validates with (see src/cli/jsonSchemas.ts): the case input, the organ directory and the rule-pack
 * file formats. Run after changing a schema: `npm run schemas`. A test fails when the files are stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedSchemas, schemaFileText, schemaNames } from '../src/cli/jsonSchemas.js';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const name of schemaNames) {
  writeFileSync(join(dir, publishedSchemas[name].file), schemaFileText(name));
  console.log(`schemas/${publishedSchemas[name].file}`);
}
