import { jsonSchema, publishedSchemas, schemaNames, type SchemaName } from '../jsonSchemas.js';
import { EXIT, UsageError, type ExitCode } from '../exitCodes.js';
import { write, type CliIo } from '../io.js';
import { parse } from '../options.js';

/**
 * `petition-rules schema [case|directory|pack|parameters|rules|provisions|calendar|scenario|…] [--list]`
 *
 * Prints the JSON Schema of the case input (the default) or of one of the other file formats, so
 * systems in other languages can validate what they send and pack authors can check their files.
 */
export async function schemaCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parse(args, { list: { type: 'boolean' } });
  if (values.list) {
    const width = Math.max(...schemaNames.map((n) => n.length)) + 1;
    await write(io.stdout, `${schemaNames.map((n) => `${n.padEnd(width)} ${publishedSchemas[n].title}`).join('\n')}\n`);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('schema takes at most one schema name', 'schema 最多接受一个模式名称');
  const name = positionals[0] ?? 'case';
  if (!(schemaNames as string[]).includes(name)) throw new UsageError(`no schema "${name}" (known: ${schemaNames.join(', ')})`, `没有模式"${name}"（已知：${schemaNames.join('、')}）`);
  await write(io.stdout, `${JSON.stringify(jsonSchema(name as SchemaName), null, 2)}\n`);
  return EXIT.ok;
}
