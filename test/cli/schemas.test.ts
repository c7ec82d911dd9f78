import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedSchemas, schemaFileText, schemaNames } from '../../src/cli/jsonSchemas.js';

/**
 * The JSON Schemas in schemas/ are generated from the zod schemas; they must be up to date (run
 * `npm run schemas` after changing a schema), and must accept the files the library itself ships.
 */
const root = join(import.meta.dirname, '../..');

describe('published JSON Schemas', () => {
  it('are up to date with the zod schemas (run npm run schemas)', () => {
    const stale = schemaNames.filter((name) => {
      const file = join(root, 'schemas', publishedSchemas[name].file);
      return !existsSync(file) || readFileSync(file, 'utf8') !== schemaFileText(name);
    });
    expect(stale, `stale schemas: ${stale.join(', ')} — run npm run schemas`).toEqual([]);
  });

  it('has no other files in schemas/', () => {
    const expected = schemaNames.map((n) => publishedSchemas[n].file).sort();
    expect(readdirSync(join(root, 'schemas')).sort()).toEqual(expected);
  });

  it('marks dates with their format and keeps rule conditions recursive', () => {
    const caseSchema = JSON.parse(schemaFileText('case'));
    expect(caseSchema.properties.receivedOn).toMatchObject({ format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
    const rules = JSON.parse(schemaFileText('rules'));
    expect(JSON.stringify(rules.properties.rules.items.properties.conditions)).toContain('$ref');
    expect(rules.$defs).toBeDefined();
  });
});
