import * as z from 'zod';

/**
 * The `"$schema"` key any JSON file the library reads may carry (a rule file, pack manifest,
 * parameters, provisions catalogue, calendar year, case, organ directory or scenario): the address of
 * the JSON Schema the file is written against (`schemas/`, relative or absolute), so that an editor
 * validates and completes it. The library reads past it; it is no part of the data. Spread it into the
 * top-level object of a file schema: `z.object({ ...schemaKey, ... })`.
 */
export const schemaKey = {
  $schema: z.string().min(1).optional().describe('The JSON Schema this file is written against, for editors (for example "../../schemas/pack.schema.json"); the library ignores it.'),
};
