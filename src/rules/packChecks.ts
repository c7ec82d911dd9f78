import { RulePackError } from '../errors/RulePackError.js';
import { checkSchema } from './checkSchema.js';
import { ProvisionsFileSchema, type ProvisionsFile } from './provisions.js';
import type { PackManifest, ParametersFile } from './schema.js';

/**
 * What one pack's files must say of themselves beyond their schemas, checked when the pack is
 * assembled (from a folder or from data). Each check takes parsed data and the file label it came
 * from, and throws a RulePackError naming that file and the field.
 */

/** A jurisdiction pack names the jurisdiction it is selected by, and only it does; its span does not end before it starts. */
export function checkManifest(manifest: PackManifest, file: string): void {
  const problems: string[] = [];
  if (manifest.role === 'jurisdiction' && manifest.jurisdiction === undefined) problems.push('jurisdiction: a jurisdiction pack must name the jurisdiction a caller selects it by');
  if (manifest.role !== 'jurisdiction' && manifest.jurisdiction !== undefined) problems.push(`jurisdiction: only a jurisdiction pack names a jurisdiction (this pack's role is "${manifest.role}")`);
  if (manifest.inForce.to !== null && manifest.inForce.to < manifest.inForce.from) problems.push(`inForce.to: ${manifest.inForce.to} is before inForce.from ${manifest.inForce.from}`);
  if (problems.length > 0) throw new RulePackError(file, problems);
}

/**
 * Every parameter has exactly one value in force on each day its pack is in force: a value takes
 * effect on its `from` date and stays in force until a later value replaces it, so the earliest value
 * must start no later than the pack does, no two values start on the same day (which would be in
 * force is then a guess), and no value starts after the pack has ceased to be in force (it would never
 * apply). A parameter therefore never lacks a value while its pack applies. The one exception is a
 * parameter that `overrides` a procedural pack's: before its first value the overridden value stays in
 * force (a local amendment adding a local time limit later), so it may start after its pack.
 */
export function checkParameters(parameters: ParametersFile['parameters'], manifest: PackManifest, file: string): void {
  const problems: string[] = [];
  const { from, to } = manifest.inForce;
  for (const [id, parameter] of Object.entries(parameters)) {
    const starts = new Map<string, number>();
    parameter.values.forEach((value, i) => {
      const at = `parameters.${id}.values[${i}].from`;
      const twin = starts.get(value.from);
      if (twin !== undefined) problems.push(`${at}: ${value.from} is also the start of values[${twin}]; which value is in force that day is ambiguous`);
      else starts.set(value.from, i);
      if (to !== null && value.from > to) problems.push(`${at}: ${value.from} is after the pack ceases to be in force (${to}), so the value never applies`);
    });
    const earliest = [...starts.keys()].sort()[0]!;
    if (earliest > from && parameter.overrides === undefined) {
      problems.push(`parameters.${id}.values: no value is in force from ${from} (the pack's inForce.from) until ${earliest}; give a value from ${from} or earlier`);
    }
  }
  if (problems.length > 0) throw new RulePackError(file, problems);
}

/** A catalogue lists each provision once, and only provisions of its own instrument (`<instrument id>:…`). */
export function checkProvisions(catalogue: ProvisionsFile, file: string): void {
  const problems: string[] = [];
  const own = `${catalogue.instrument.id}:`;
  const seen = new Map<string, number>();
  catalogue.provisions.forEach((provision, i) => {
    const twin = seen.get(provision.id);
    if (twin !== undefined) problems.push(`provisions[${i}].id: "${provision.id}" is already listed at provisions[${twin}]`);
    else seen.set(provision.id, i);
    if (!provision.id.startsWith(own)) problems.push(`provisions[${i}].id: "${provision.id}" is not a provision of ${catalogue.instrument.id} (its ids begin "${own}")`);
  });
  if (problems.length > 0) throw new RulePackError(file, problems);
}

/** A provisions catalogue's parsed JSON, checked against its schema and {@link checkProvisions}: the one reader of catalogues, for packs and the built-in catalogue alike. */
export function checkedProvisions(value: unknown, file: string): ProvisionsFile {
  const provisions = checkSchema(ProvisionsFileSchema, value, file);
  checkProvisions(provisions, file);
  return provisions;
}
