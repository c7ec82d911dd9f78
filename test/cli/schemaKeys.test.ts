import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';
import { publishedSchemas, SCHEMA_BASE, schemaNames } from '../../src/cli/jsonSchemas.js';
import { directoryFileOrgans } from '../../src/case/organ.js';
import { chinaCalendar } from '../../src/calendar/chinaCalendar.js';
import { CalendarYearSchema } from '../../src/calendar/schema.js';
import { createEvaluator } from '../../src/evaluate/createEvaluator.js';
import { ScenarioFileSchema } from '../../src/scenarios/scenario.js';

/**
 * Issue 12 §4, editor support for the law as data: every published JSON Schema has an `$id`; every
 * file of the built-in rules/ folder names its schema with a relative `"$schema"` that resolves to a
 * file in schemas/, and validates against it (by a JSON Schema validator, as an editor would); and the
 * library reads past `"$schema"` in every kind of file it reads.
 */
const root = join(import.meta.dirname, '../..');
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.json') ? [join(dir, n)] : []));
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat('date', /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
for (const name of schemaNames) ajv.addSchema(read(join(root, 'schemas', publishedSchemas[name].file)));

describe('JSON Schemas for editors', () => {
  it('every published schema has an $id, its address under the repository schemas/ folder', () => {
    for (const name of schemaNames) {
      expect(read(join(root, 'schemas', publishedSchemas[name].file)).$id).toBe(`${SCHEMA_BASE}${publishedSchemas[name].file}`);
    }
  });

  const builtIn = files(join(root, 'rules'));
  it('covers every file of rules/ (packs, catalogues, calendar, policy, counting)', () => {
    expect(builtIn.length).toBeGreaterThan(100);
  });

  it.each(builtIn.map((f) => relative(root, f)))('%s names its schema, which exists and accepts it', (file) => {
    const data = read(join(root, file));
    expect(typeof data.$schema).toBe('string');
    const target = resolve(dirname(join(root, file)), data.$schema as string);
    expect(relative(root, dirname(target))).toBe('schemas');
    const name = schemaNames.find((n) => publishedSchemas[n].file === relative(join(root, 'schemas'), target));
    expect(name, `${data.$schema} is a published schema`).toBeDefined();
    const validate = ajv.getSchema(`${SCHEMA_BASE}${publishedSchemas[name!].file}`)!;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('"$schema" in the files the library reads', () => {
  const schema = 'https://raw.githubusercontent.com/petition-rules/petition-rules/main/schemas/case.schema.json';
  const organs = [
    { id: 'sy-petition', name: 'Songyang County Petition Bureau', level: 'county', kind: 'petition-department', region: '331124' },
    { id: 'sy-agri', name: 'Songyang Agriculture Bureau', level: 'county', kind: 'department', region: '331124' },
  ];
  const input = { id: 's', receivedOn: '2023-03-01', channel: 'letter', class: 'appeal', legalRoute: 'petition', receivingOrgan: 'sy-petition', handlingOrgan: 'sy-agri' };

  it('a case may name its schema, and is assessed as without it', async () => {
    const evaluator = createEvaluator({ directory: organs as never });
    const plain = await evaluator.evaluate(input, { asOf: '2023-04-20' });
    expect(JSON.stringify(await evaluator.evaluate({ $schema: schema, ...input }, { asOf: '2023-04-20' }))).toBe(JSON.stringify(plain));
  });

  it('a directory file may be { "$schema", "organs" }; other keys beside organs are not unwrapped', () => {
    expect(directoryFileOrgans({ $schema: '../schemas/organ-directory.schema.json', organs })).toBe(organs);
    expect(directoryFileOrgans(organs)).toBe(organs);
    const other = { organs, extra: 1 };
    expect(directoryFileOrgans(other)).toBe(other);
    const validate = ajv.getSchema(`${SCHEMA_BASE}organ-directory.schema.json`)!;
    expect(validate({ $schema: 'x', organs })).toBe(true);
    expect(validate(organs)).toBe(true);
    expect(validate({ organs, extra: 1 })).toBe(false);
  });

  it('the command line reads a directory file of either form, with the same answer', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'petition-rules-schema-key-'));
    try {
      const fixture = read(join(root, 'test/fixtures/directory.json')) as unknown as unknown[];
      const wrapped = join(tmp, 'directory.json');
      writeFileSync(wrapped, JSON.stringify({ $schema: '../node_modules/petition-rules/schemas/organ-directory.schema.json', organs: fixture }));
      const caseFile = join(import.meta.dirname, 'fixtures/case.json');
      const args = (dir: string) => ['evaluate', caseFile, '--directory', dir, '--as-of', '2023-03-10', '--json'];
      const plain = await runCli(args(join(root, 'test/fixtures/directory.json')));
      const named = await runCli(args(wrapped));
      expect(named.code).toBe(0);
      expect(named.stdout).toBe(plain.stdout);
      writeFileSync(wrapped, JSON.stringify({ organs: fixture, more: [] }));
      const refused = await runCli(args(wrapped));
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('must be a JSON array of organs, or an object with "organs"');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a scenario file may name its schema, in either form', () => {
    const scenario = { title: 't', law: 'l', asOf: '2023-04-20', case: input, expect: {} };
    expect(ScenarioFileSchema.safeParse({ $schema: 'x', ...scenario }).success).toBe(true);
    expect(ScenarioFileSchema.safeParse({ $schema: 'x', scenarios: [scenario] }).success).toBe(true);
    expect(ScenarioFileSchema.safeParse({ $schemas: 'x', ...scenario }).success).toBe(false);
  });

  it('a calendar year (as given with calendarYears or --calendar) and the built-in files are read past "$schema"', () => {
    const y2026 = read(join(root, 'rules/calendar/cn/2026.json'));
    expect(y2026.$schema).toBe('../../../schemas/calendar-year.schema.json');
    expect(CalendarYearSchema.safeParse(y2026).success).toBe(true);
    expect(CalendarYearSchema.safeParse({ ...y2026, $schema: 7 }).success).toBe(false);
    expect(chinaCalendar().id).toBe('cn');
  });
});
