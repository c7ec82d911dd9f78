import { RulePackError } from '../errors/RulePackError.js';
import type { LoadedRule, Pack } from '../rules/loadPack.js';
import type { Condition, Outcome } from '../rules/schema.js';
import { ENGINE_OPERATORS } from './operators.js';

/**
 * Facts that exist only after earlier rules have run: `outcomes` (what earlier stages yielded) and
 * `obligations` (the time limits computed from them). A rule that reads one must say which rules it
 * depends on, so the dependency is in the data and the evaluation order follows from it.
 */
export const STAGE_FACTS = ['outcomes', 'obligations'] as const;

/** A rule placed in its stage, with its position in the overall order. */
export interface StagedRule extends LoadedRule {
  /** 0 for rules on case facts; 1 + the highest stage among the rules it depends on otherwise. */
  readonly stage: number;
  /** Position in the overall rule order: pack order, then file order, then order in the file. */
  readonly index: number;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export interface Registries {
  readonly facts: ReadonlySet<string>;
  readonly parties: ReadonlySet<string>;
  readonly operators: ReadonlySet<string>;
  /** Outcome kinds that have a materialiser (responsibility, guidance, …). */
  readonly outcomeKinds: ReadonlySet<string>;
}

/** Every leaf condition of a condition tree, in order. */
export function* leaves(condition: Condition): Generator<{ fact: string; path?: string; operator: string; value: unknown }> {
  if ('all' in condition) for (const c of condition.all) yield* leaves(c);
  else if ('any' in condition) for (const c of condition.any) yield* leaves(c);
  else if ('not' in condition) yield* leaves(condition.not);
  else yield condition;
}

function partiesOf(outcome: Outcome): string[] {
  const out: string[] = [];
  if ('organ' in outcome && typeof outcome.organ === 'string') out.push(outcome.organ);
  if ('recipients' in outcome && Array.isArray(outcome.recipients)) out.push(...outcome.recipients);
  for (const [key, value] of Object.entries(outcome)) {
    if (key !== 'organ' && key !== 'recipients' && /Organ$|^party$/.test(key) && typeof value === 'string') out.push(value);
  }
  return out;
}

/**
 * Checks a set of packs as one ruleset and orders it into stages. Every problem a rule has (an unknown
 * fact, operator or party; a parameter no loaded pack defines; a dependency that does not exist or forms
 * a cycle; a stage fact read without a dependency) fails with the rule's file and id.
 */
export function stageRules(packs: readonly Pack[], registries: Registries): StagedRule[] {
  const all: Array<LoadedRule & { validFrom: string; validTo: string | null; packFrom: string }> = [];
  const seen = new Map<string, string>();
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const previous = seen.get(rule.id);
      if (previous !== undefined) throw new RulePackError(rule.file, [`rule id "${rule.id}" is already used in ${previous}`], rule.id);
      seen.set(rule.id, rule.file);
      all.push({
        ...rule,
        validFrom: rule.validFrom ?? pack.manifest.inForce.from,
        validTo: rule.validTo === undefined ? pack.manifest.inForce.to : rule.validTo,
        packFrom: pack.manifest.inForce.from,
      });
    }
  }
  const byId = new Map(all.map((r) => [r.id, r]));
  const parameterIds = new Set(packs.flatMap((p) => Object.keys(p.parameters)));
  for (const rule of all) {
    const problems: string[] = [];
    // json-rules-engine reads a bare condition at the top as a reference to a named condition.
    if (!('all' in rule.conditions || 'any' in rule.conditions || 'not' in rule.conditions)) problems.push('conditions must start with "all", "any" or "not"');
    for (const leaf of leaves(rule.conditions)) {
      const stageFact = (STAGE_FACTS as readonly string[]).includes(leaf.fact);
      if (!registries.facts.has(leaf.fact) && !stageFact) problems.push(`condition reads unknown fact "${leaf.fact}"`);
      if (stageFact && !(rule.dependsOn?.length)) problems.push(`condition reads "${leaf.fact}", which only earlier rules produce: list them in "dependsOn"`);
      if (!(ENGINE_OPERATORS as readonly string[]).includes(leaf.operator) && !registries.operators.has(leaf.operator)) {
        problems.push(`unknown operator "${leaf.operator}"`);
      }
      const ref = leaf.value as { fact?: unknown } | null;
      if (ref && typeof ref === 'object' && !Array.isArray(ref) && typeof ref.fact === 'string' && !registries.facts.has(ref.fact) && !(STAGE_FACTS as readonly string[]).includes(ref.fact)) {
        problems.push(`condition value reads unknown fact "${ref.fact}"`);
      }
    }
    for (const outcome of rule.outcomes) {
      if (!registries.outcomeKinds.has(outcome.kind)) problems.push(`outcome kind "${outcome.kind}" is not supported`);
      for (const party of partiesOf(outcome)) if (!registries.parties.has(party)) problems.push(`outcome names unknown party "${party}"`);
      if (outcome.kind === 'obligation') {
        for (const ref of [outcome.period, outcome.extension?.maximum]) {
          if (ref !== undefined && !parameterIds.has(ref)) problems.push(`obligation "${outcome.id}" names parameter "${ref}", which no loaded pack defines (add it to a parameters.json)`);
        }
      }
    }
    for (const dep of rule.dependsOn ?? []) if (!byId.has(dep)) problems.push(`depends on rule "${dep}", which is not loaded`);
    if (rule.validTo !== null && rule.validTo < rule.validFrom) problems.push(`validTo ${rule.validTo} is before validFrom ${rule.validFrom}`);
    if (problems.length > 0) throw new RulePackError(rule.file, problems, rule.id);
  }

  const stageOf = new Map<string, number>();
  const visiting = new Set<string>();
  const place = (id: string, path: string[]): number => {
    const known = stageOf.get(id);
    if (known !== undefined) return known;
    const rule = byId.get(id)!;
    if (visiting.has(id)) throw new RulePackError(rule.file, [`dependency cycle: ${[...path, id].join(' → ')}`], id);
    visiting.add(id);
    const deps = rule.dependsOn ?? [];
    const stage = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => place(d, [...path, id])));
    visiting.delete(id);
    stageOf.set(id, stage);
    return stage;
  };
  return all.map(({ packFrom: _packFrom, ...rule }, index) => ({ ...rule, stage: place(rule.id, []), index }));
}
