import * as z from 'zod';
import { FestivalsSchema, HolidayMeasuresSchema } from '../calendar/projection.js';
import { CalendarYearSchema } from '../calendar/schema.js';
import { CaseInput } from '../case/schema.js';
import { OrganDirectoryFile } from '../case/organ.js';
import { isIsoDate } from '../dates/isoDate.js';
import { ReceiptSchema } from '../receipt/schema.js';
import { PolicyFileSchema } from '../policy/policy.js';
import { ProvisionsFileSchema } from '../rules/provisions.js';
import { PackManifestSchema, ParametersFileSchema, RuleFileSchema, RuleSchema } from '../rules/schema.js';
import { ScenarioFileSchema } from '../scenarios/scenario.js';
import { CountingFileSchema } from '../time/counting.js';

/**
 * The published JSON Schemas, generated from the zod schemas the library itself validates with (so
 * they cannot drift): the case input, the organ directory, and the rule-pack file formats a local pack
 * author writes, and the data files of the built-in `rules/` folder. `npm run schemas` writes them to
 * `schemas/*.schema.json`; `petition-rules schema NAME` prints one. Dates (which zod checks with a
 * function) are marked `format: date` with their pattern. Each schema's `$id` is its address in the
 * project's repository (`SCHEMA_BASE`); a file names its schema with `"$schema"` (see util/schemaKey.ts).
 */

/** Where the published schemas live: each schema's `$id` is this followed by its file name. */
export const SCHEMA_BASE = 'https://raw.githubusercontent.com/petition-rules/petition-rules/main/schemas/';

interface Published {
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly schema: z.ZodType;
}

export const publishedSchemas = {
  case: {
    file: 'case.schema.json',
    title: 'petition-rules case',
    description: 'A petition case as sent to evaluate(): receipt date, class, organs by directory id, flags and the dated event log.',
    schema: CaseInput,
  },
  directory: {
    file: 'organ-directory.schema.json',
    title: 'petition-rules organ directory',
    description: 'The organs a case may name: id, name, level, kind, region and superior. A list of organs, or { "$schema", "organs": [...] } so that the file can name this schema.',
    schema: OrganDirectoryFile,
  },
  pack: {
    file: 'pack.schema.json',
    title: 'petition-rules pack manifest (pack.json)',
    description: 'A rule pack: id, title, role (principles, procedure or jurisdiction), the dates it is in force, and for a local pack the jurisdiction id.',
    schema: PackManifestSchema,
  },
  parameters: {
    file: 'parameters.schema.json',
    title: 'petition-rules pack parameters (parameters.json)',
    description: 'Dated parameter values of a pack, each citing its source; a local pack overrides a procedural pack parameter of the same id.',
    schema: ParametersFileSchema,
  },
  rules: {
    file: 'rule-file.schema.json',
    title: 'petition-rules rule file (rules/*.json)',
    description: 'Rules of a pack: id, bilingual title, citations, conditions on named facts, outcomes, and dependencies on earlier rules.',
    schema: RuleFileSchema.extend({ rules: z.array(RuleSchema) }),
  },
  provisions: {
    file: 'provisions.schema.json',
    title: 'petition-rules provisions catalogue (provisions.json)',
    description: 'Every provision of an instrument, each with the rules that encode it or the reason it is not operational on a case.',
    schema: ProvisionsFileSchema,
  },
  calendar: {
    file: 'calendar-year.schema.json',
    title: 'petition-rules calendar year (a State Council holiday notice)',
    description: 'One year of working-day calendar data, as written from the General Office notice: holiday periods, make-up working days and the notice cited; give it with calendarYears or --calendar.',
    schema: CalendarYearSchema,
  },
  scenario: {
    file: 'scenario.schema.json',
    title: 'petition-rules scenario file',
    description: 'A hand-worked scenario (or { scenarios: [...] }): a case, an evaluation date and the outcomes the law requires.',
    schema: ScenarioFileSchema,
  },
  receipt: {
    file: 'receipt.schema.json',
    title: 'petition-rules receipt',
    description: 'What an assessment was made with (assessment.receipt, with the option receipt or --receipt): library version, hashes of the packs, calendar data, directory, input and answer, policy values, years projected; read by verify.',
    schema: ReceiptSchema,
  },
  policy: {
    file: 'policy.schema.json',
    title: 'petition-rules policy options (rules/policy.json)',
    description: 'The policy options the built-in rules read, choices the law does not make: each with its default, whether it is policy or an unverified interpretation, a bilingual label and its basis.',
    schema: PolicyFileSchema,
  },
  counting: {
    file: 'counting.schema.json',
    title: 'petition-rules counting rules (rules/counting.json)',
    description: 'The general rules on counting periods a due date rests on (the start day not counted, a last day on a rest day carried over), each with the provisions it cites.',
    schema: CountingFileSchema,
  },
  'holiday-measures': {
    file: 'holiday-measures.schema.json',
    title: 'petition-rules holiday measures (rules/calendar/cn/holiday-measures.json)',
    description: 'Each revision of the Measures on National Holidays and Commemoration Days from the day it took effect: the statutory holidays a year without a State Council notice is projected from.',
    schema: HolidayMeasuresSchema,
  },
  festivals: {
    file: 'festivals.schema.json',
    title: 'petition-rules festival dates (rules/calendar/cn/festivals.json)',
    description: 'Gregorian dates of the Chinese-calendar festivals that carry public holidays, by year, generated by a lunar-calendar library.',
    schema: FestivalsSchema,
  },
} as const satisfies Record<string, Published>;

export type SchemaName = keyof typeof publishedSchemas;
export const schemaNames = Object.keys(publishedSchemas) as SchemaName[];

/** The JSON Schema (draft 2020-12) of one published format, as the author writes it (defaults optional). */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const p = publishedSchemas[name];
  const generated = z.toJSONSchema(p.schema, {
    io: 'input',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; checks?: Array<{ _zod: { def: { fn?: unknown } } }> } } })._zod.def;
      if (def.type === 'string' && def.checks?.some((c) => c._zod.def.fn === isIsoDate)) {
        ctx.jsonSchema.format = 'date';
        ctx.jsonSchema.pattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
      }
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `${SCHEMA_BASE}${p.file}`, title: p.title, description: p.description, ...rest };
}

/** The text of a schema file: pretty JSON with a final newline. */
export function schemaFileText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
}
