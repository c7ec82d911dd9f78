import * as z from 'zod';
import { schemaKey } from '../util/schemaKey.js';

/**
 * Administrative levels, lowest first. Review goes "one level up" and a visit may be made "to the same
 * level or one level up", so levels are ordered and compared by their position in this list.
 */
export const ORGAN_LEVELS = ['village', 'township', 'county', 'city', 'province', 'central'] as const;
export const OrganLevel = z.enum(ORGAN_LEVELS);
export type OrganLevel = z.infer<typeof OrganLevel>;

/** Position of a level in {@link ORGAN_LEVELS}: village 0 … central 5. */
export function levelRank(level: OrganLevel): number {
  return ORGAN_LEVELS.indexOf(level);
}

/**
 * Kinds of organ the rules distinguish. `department` is a working department of a government or party
 * committee (e.g. a natural-resources bureau); `political-legal-committee` is the party committee's
 * 政法委; `joint-conference` is the petition joint conference (信访联席会议) of a level;
 * `organisation-department` is the party committee's organisation (or a government's personnel)
 * department (组织（人事）部门); `administrative-supervision` is a government's administrative
 * supervision organ (行政监察机关, 监察厅/局) as it existed before the supervision reform of 2018.
 */
export const OrganKind = z.enum([
  'petition-department',
  'government',
  'party-committee',
  'department',
  'court',
  'procuratorate',
  'public-security',
  'political-legal-committee',
  'discipline-inspection',
  'people-congress',
  'joint-conference',
  'enterprise',
  'mass-organisation',
  'organisation-department',
  'administrative-supervision',
]);
export type OrganKind = z.infer<typeof OrganKind>;

/**
 * An organ of the caller's directory. The library never invents organs: it names those the directory
 * holds and, where the directory is silent (no superior given, say), names the role instead.
 */
export const Organ = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameZh: z.string().min(1).optional(),
    level: OrganLevel,
    kind: OrganKind,
    /** Region id (any stable code the caller uses, e.g. an administrative division code). */
    region: z.string().min(1),
    /** Id of the organ one level up in the same line (the organ that reviews this one's decisions). */
    superior: z.string().min(1).optional(),
  })
  .strict();
export type Organ = z.infer<typeof Organ>;

export const OrganDirectory = z.array(Organ);

/**
 * An organ directory as a file: the list of organs, or the list under `organs` beside a `"$schema"`
 * key (a JSON array cannot name its schema, an object can). `directoryFileOrgans` reads either form.
 */
export const OrganDirectoryFile = z.union([OrganDirectory, z.object({ ...schemaKey, organs: OrganDirectory }).strict()]);

/**
 * The organs of a directory file in either form: `{ "$schema"?, "organs": [...] }` gives its list, and
 * anything else is returned as it is, for the directory check to accept or refuse.
 */
export function directoryFileOrgans(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('organs' in data)) return data;
  const { $schema, organs, ...rest } = data as { $schema?: unknown; organs: unknown };
  return Object.keys(rest).length === 0 && ($schema === undefined || typeof $schema === 'string') ? organs : data;
}
export type OrganDirectory = z.infer<typeof OrganDirectory>;
