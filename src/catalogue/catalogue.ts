import { checkPackJson } from '../rules/packJson.js';
import { checkedProvisions } from '../rules/packChecks.js';
import type { ProvisionsFile } from '../rules/provisions.js';

/** One instrument's catalogue with the file it came from. */
export interface CatalogueFile {
  readonly file: string;
  readonly data: ProvisionsFile;
}

/**
 * Checks one instrument's catalogue (parsed JSON with its file name) as a pack's catalogue is checked:
 * a `__proto__` key, too deep a nesting, a schema violation, a provision listed twice or not of the
 * instrument is a RulePackError naming the file and the field.
 */
export function catalogueFromFile({ file, value }: { readonly file: string; readonly value: unknown }): CatalogueFile {
  checkPackJson(value, file);
  return { file, data: checkedProvisions(value, file) };
}

/** The catalogue id a citation belongs to: `xfgz2022:art31(6)` and `xfgz2022:art23.3` → `xfgz2022:art31`, `xfgz2022:art23`. */
export function provisionOf(citation: string): string {
  return citation.replace(/(\([0-9]+\))+/, '').replace(/\.[0-9]+$/, '');
}

/** A provision catalogued as not encoded or not operational, with the reason. */
export interface CataloguedProvision {
  readonly id: string;
  readonly class: 'not-encoded' | 'not-operational';
  readonly reason: { en: string; zh: string };
}

/** How far the rules and packs encode one instrument's catalogue, and what is wrong with the catalogue. */
export interface CatalogueCoverage {
  readonly instrument: string;
  readonly title: { en: string; zh: string };
  /** Provisions the catalogue lists. */
  readonly provisions: number;
  /** Whether the catalogue claims to list every provision of the instrument (`extent`). */
  readonly complete: boolean;
  /** Provisions a rule cites. */
  readonly encoded: string[];
  /** Provisions no rule cites but that a parameter (a time limit a rule uses), a policy option or a counting rule rests on. */
  readonly setsParameters: string[];
  /** Operational provisions the library does not apply. */
  readonly notEncoded: string[];
  /** Provisions that state no duty, time limit, routing, responsibility or consequence. */
  readonly notOperational: string[];
  /** Provisions neither encoded nor catalogued with a reason (a catalogue problem). */
  readonly awaitingRules: string[];
  /** Every provision catalogued as not encoded or not operational, with its reason, in catalogue order. */
  readonly catalogued: CataloguedProvision[];
  /** Operational paragraphs or items of encoded provisions that are not applied, with the reason. */
  readonly partsNotEncoded: Array<{ readonly id: string; readonly reason: { en: string; zh: string } }>;
  /** What is wrong with the catalogue against the rules: empty when every provision is accounted for. */
  readonly problems: string[];
}

/** What encodes provisions: the rules' citations as written, and the provisions parameters, policy options and counting rules name as their source. */
export interface Encodings {
  readonly citations: readonly string[];
  readonly sources: readonly string[];
}

/**
 * The coverage of one catalogue by the rules and sources given. A provision is encoded when a rule
 * cites it (or a finer locator of it), sets a parameter when a source names it, and otherwise must be
 * catalogued: `notEncoded` (operational, not applied) or `notOperational`, each with its reason. The
 * problems name every provision that is neither (silently missing), every catalogued one that is in
 * fact encoded (stale), a part listed as not encoded that a rule cites, and — for a catalogue with an
 * `extent` — every provision missing, listed twice, or not a provision of the instrument at all.
 */
export function catalogueCoverage(catalogue: ProvisionsFile, encodings: Encodings): CatalogueCoverage {
  const exact = new Set(encodings.citations);
  const cited = new Set(encodings.citations.map(provisionOf));
  const sourced = new Set(encodings.sources.map(provisionOf));
  const { instrument } = catalogue;
  const out = {
    encoded: [] as string[],
    setsParameters: [] as string[],
    notEncoded: [] as string[],
    notOperational: [] as string[],
    awaitingRules: [] as string[],
    catalogued: [] as CataloguedProvision[],
    partsNotEncoded: [] as Array<{ id: string; reason: { en: string; zh: string } }>,
    problems: [] as string[],
  };
  const seen = new Set<string>();
  for (const p of catalogue.provisions) {
    if (seen.has(p.id)) out.problems.push(`${p.id}: listed twice`);
    seen.add(p.id);
    const encodedBy = cited.has(p.id) ? 'a rule cites it' : sourced.has(p.id) ? 'a parameter, policy option or counting rule names it as its source' : undefined;
    const notEncoded = p.notEncoded ?? null;
    if (cited.has(p.id)) out.encoded.push(p.id);
    else if (sourced.has(p.id)) out.setsParameters.push(p.id);
    else if (notEncoded !== null) out.notEncoded.push(p.id);
    else if (p.notOperational !== null) out.notOperational.push(p.id);
    else {
      out.awaitingRules.push(p.id);
      out.problems.push(`${p.id}: neither encoded nor catalogued — no rule cites it and it gives no reason (notEncoded or notOperational)`);
    }
    if (notEncoded !== null && p.notOperational !== null) out.problems.push(`${p.id}: both notEncoded and notOperational — a provision is operational or it is not`);
    if (notEncoded !== null) out.catalogued.push({ id: p.id, class: 'not-encoded', reason: notEncoded });
    else if (p.notOperational !== null) out.catalogued.push({ id: p.id, class: 'not-operational', reason: p.notOperational });
    if (encodedBy && (notEncoded !== null || p.notOperational !== null)) {
      out.problems.push(`${p.id}: catalogued as ${notEncoded !== null ? 'not encoded' : 'not operational'}, but ${encodedBy} (stale: drop the reason)`);
    }
    for (const part of p.partsNotEncoded ?? []) {
      if (provisionOf(part.id) !== p.id || part.id === p.id) out.problems.push(`${part.id}: listed among the parts of ${p.id}, but it is not a paragraph or item of it`);
      else if (exact.has(part.id)) out.problems.push(`${part.id}: listed as a part not encoded, but a rule cites it (stale)`);
      else if (!encodedBy) out.problems.push(`${part.id}: parts not encoded are listed only for an encoded provision; ${p.id} is not encoded`);
      out.partsNotEncoded.push(part);
    }
  }
  const own = `${instrument.id}:`;
  for (const id of [...cited].sort()) if (id.startsWith(own) && !seen.has(id)) out.problems.push(`${id}: a rule cites it, but the catalogue does not list it`);
  if (instrument.extent) {
    const { prefix, count } = instrument.extent;
    const valid = new Set(Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`));
    for (const p of catalogue.provisions) if (!valid.has(p.id)) out.problems.push(`${p.id}: not a provision of ${instrument.id}, which has ${prefix}1 to ${prefix}${count}`);
    for (const id of valid) if (!seen.has(id)) out.problems.push(`${id}: missing from the catalogue, which claims to list every provision of ${instrument.id}`);
  }
  return { instrument: instrument.id, title: instrument.title, provisions: catalogue.provisions.length, complete: instrument.extent !== undefined, ...out };
}
