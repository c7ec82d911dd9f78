import { provisionOf } from '../catalogue/catalogue.js';
import { RulePackError } from '../errors/RulePackError.js';
import type { Pack } from '../rules/loadPack.js';
import type { ProvisionsFile } from '../rules/provisions.js';

/**
 * Every citation a pack makes names a provision some loaded catalogue lists: a rule's `citations`,
 * a finding's `leadership`, a parameter value's `source`. The catalogues are the library's own (every
 * `provisions.json` it ships, whether or not its rules are loaded: they describe the law) and the
 * loaded packs'. A finer locator (`xfgz2022:art31(6)`, `xf2005:art22.3`) is held when its provision is.
 * A citation nothing holds is a RulePackError naming the file, the rule where there is one, and the field.
 */
export function checkCitations(packs: readonly Pack[], catalogues: readonly ProvisionsFile[]): void {
  const all = [...catalogues, ...packs.flatMap((p) => (p.provisions ? [p.provisions] : []))];
  const held = new Set(all.flatMap((c) => c.provisions.map((p) => p.id)));
  const instruments = new Set(all.map((c) => c.instrument.id));
  const problem = (field: string, citation: string): string | undefined => {
    if (held.has(provisionOf(citation))) return undefined;
    const instrument = citation.slice(0, citation.indexOf(':'));
    return instruments.has(instrument)
      ? `${field}: "${citation}" is not a provision the catalogue of ${instrument} lists (no loaded catalogue holds it)`
      : `${field}: "${citation}" cites the instrument "${instrument}", which no loaded catalogue covers (give the pack a provisions.json)`;
  };
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const problems = [
        ...rule.citations.map((c, i) => problem(`citations[${i}]`, c)),
        ...rule.outcomes.map((o, i) => (o.kind === 'finding' && o.leadership !== undefined ? problem(`outcomes[${i}].leadership`, o.leadership) : undefined)),
      ].filter((p): p is string => p !== undefined);
      if (problems.length > 0) throw new RulePackError(rule.file, problems, rule.id);
    }
    const problems = Object.entries(pack.parameters).flatMap(([id, parameter]) =>
      parameter.values.flatMap((v, i) => v.source.map((c, k) => problem(`parameters.${id}.values[${i}].source[${k}]`, c)).filter((p): p is string => p !== undefined)),
    );
    if (problems.length > 0) throw new RulePackError(`${pack.source}/parameters.json`, problems);
  }
}
