import { addCalendarDays, type IsoDate } from '../dates/isoDate.js';
import type { StagedRule } from '../engine/ruleset.js';
import { isFactReference } from '../engine/traceCondition.js';
import { RulePackError } from '../errors/RulePackError.js';
import type { Pack } from '../rules/loadPack.js';
import type { Condition } from '../rules/schema.js';
import { isDayCount, PeriodValue } from '../time/period.js';
import { selectPacks, type PackSelection } from './selectPacks.js';

/** What a rule needs a parameter to be: a time limit, the most an extension adds, or a count a condition compares with. */
type Use = 'period' | 'day-count' | 'count';
interface ParameterUse {
  readonly parameter: string;
  readonly use: Use;
  /** The field of the rule that names the parameter (`outcomes[0].period`, `conditions.all[1].value.path`). */
  readonly field: string;
}

const USE_WORDS: Record<Use, string> = { period: 'a period', 'day-count': 'a count of days (an extension maximum)', count: 'a count (a condition compares with it)' };

function fits(value: unknown, use: Use): boolean {
  if (use === 'count') return typeof value === 'number';
  const period = PeriodValue.safeParse(value);
  return period.success && (use === 'period' || isDayCount(period.data));
}

/** The parameters a condition reads through the `param` fact (the first part of the path), with the field. */
function conditionUses(condition: Condition, field: string, out: ParameterUse[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => conditionUses(c, `${field}.all[${i}]`, out));
  else if ('any' in condition) condition.any.forEach((c, i) => conditionUses(c, `${field}.any[${i}]`, out));
  else if ('not' in condition) conditionUses(condition.not, `${field}.not`, out);
  else {
    if (condition.fact === 'param' && condition.path !== undefined) out.push({ parameter: condition.path.split('.')[0]!, use: 'count', field: `${field}.path` });
    if (isFactReference(condition.value) && condition.value.fact === 'param' && condition.value.path !== undefined) {
      out.push({ parameter: condition.value.path.split('.')[0]!, use: 'count', field: `${field}.value.path` });
    }
  }
}

function usesOf(rule: StagedRule): ParameterUse[] {
  const out: ParameterUse[] = [];
  conditionUses(rule.conditions, 'conditions', out);
  rule.outcomes.forEach((o, i) => {
    if (o.kind !== 'obligation') return;
    out.push({ parameter: o.period, use: 'period', field: `outcomes[${i}].period` });
    if (o.extension) out.push({ parameter: o.extension.maximum, use: 'day-count', field: `outcomes[${i}].extension.maximum` });
  });
  return out;
}

/**
 * Every parameter a rule uses is of the kind the use needs and has a value whenever the rule applies —
 * checked when the evaluator is built, so that no case meets a time limit with no value or a count
 * where a period is meant. Kinds: each value, in every pack that defines the parameter, must be a
 * period where an obligation's `period` names it, a count of days where an `extension.maximum` does,
 * and a count where a condition reads it through `param`; otherwise the parameters file is refused
 * at that value, naming the rule and its field. Values in force: on every date a rule can apply
 * (the start of its validity and every later date where a pack, a rule or a value starts or stops),
 * the packs chosen for that receipt date — for a national rule without a jurisdiction and with each
 * one a loaded pack serves, for a jurisdiction pack's rule with its own — must give each parameter it
 * uses a value, and an extension maximum
 * must count days in the unit of the period it extends; otherwise the rule's file is refused at the
 * field naming the parameter. Dates on which no procedural pack is in force are left out: a case
 * received then is answered with that problem, not with a time limit.
 */
export function checkParameterUse(packs: readonly Pack[], rules: readonly StagedRule[]): void {
  const byId = new Map(packs.map((p) => [p.manifest.id, p]));
  const used = rules.map((rule) => ({ rule, uses: usesOf(rule) })).filter((r) => r.uses.length > 0);
  if (used.length === 0) return;

  for (const { rule, uses } of used) {
    for (const { parameter, use, field } of uses) {
      for (const pack of packs) {
        if (!Object.hasOwn(pack.parameters, parameter)) continue;
        pack.parameters[parameter]!.values.forEach((v, i) => {
          if (fits(v.value, use)) return;
          throw new RulePackError(`${pack.source}/parameters.json`, [
            `parameters.${parameter}.values[${i}].value: rule ${rule.id} uses "${parameter}" as ${USE_WORDS[use]} (${rule.file}, ${field}), but this value is ${JSON.stringify(v.value)}`,
          ]);
        });
      }
    }
  }

  const changes = new Set<IsoDate>();
  for (const p of packs) {
    changes.add(p.manifest.inForce.from);
    if (p.manifest.inForce.to !== null) changes.add(addCalendarDays(p.manifest.inForce.to, 1));
    for (const parameter of Object.values(p.parameters)) for (const v of parameter.values) changes.add(v.from);
  }
  for (const { rule } of used) {
    changes.add(rule.validFrom);
    if (rule.validTo !== null) changes.add(addCalendarDays(rule.validTo, 1));
  }
  const dates = [...changes].sort();
  const selections = new Map<string, PackSelection | undefined>();
  const selectionOn = (date: IsoDate, jurisdiction: string | undefined) => {
    const key = `${date}|${jurisdiction ?? ''}`;
    if (!selections.has(key)) {
      const s = selectPacks(packs, date, jurisdiction);
      selections.set(key, 'problem' in s ? undefined : s);
    }
    return selections.get(key);
  };

  const jurisdictions = [...new Set(packs.flatMap((p) => (p.manifest.role === 'jurisdiction' && p.manifest.jurisdiction !== undefined ? [p.manifest.jurisdiction] : [])))];
  for (const { rule, uses } of used) {
    const pack = byId.get(rule.pack)!;
    const on = [rule.validFrom, ...dates.filter((d) => d > rule.validFrom && (rule.validTo === null || d <= rule.validTo))];
    const settings = pack.manifest.role === 'jurisdiction' ? [pack.manifest.jurisdiction] : [undefined, ...jurisdictions];
    const problemsOn = (date: IsoDate, jurisdiction: string | undefined): string[] => {
      const selection = selectionOn(date, jurisdiction);
      if (!selection || !selection.packs.includes(pack)) return [];
      const where = jurisdiction === undefined ? '' : ` in ${jurisdiction}`;
      const problems: string[] = [];
      for (const { parameter, field } of uses) {
        if (!Object.hasOwn(selection.params, parameter)) {
          problems.push(`${field}: parameter "${parameter}" has no value in force for a matter received on ${date}${where}, when this rule applies (no pack in force then gives it a value from that date or earlier)`);
        }
      }
      for (const o of rule.outcomes) {
        if (o.kind !== 'obligation' || !o.extension || !Object.hasOwn(selection.params, o.period) || !Object.hasOwn(selection.params, o.extension.maximum)) continue;
        const period = PeriodValue.parse(selection.params[o.period]);
        const maximum = PeriodValue.parse(selection.params[o.extension.maximum]);
        if (isDayCount(period) && isDayCount(maximum) && period.unit !== maximum.unit) {
          // The fault lies with the later of the two packs that supplied the values (a local override, say).
          const from = (id: string) => selection.packs.findIndex((p) => p.manifest.id === selection.parameters.find((a) => a.id === id)!.pack);
          const [id, at] = from(o.extension.maximum) >= from(o.period) ? [o.extension.maximum, from(o.extension.maximum)] : [o.period, from(o.period)];
          throw new RulePackError(`${selection.packs[at]!.source}/parameters.json`, [
            `parameters.${id}: for a matter received on ${date}${where}, "${o.extension.maximum}" counts ${maximum.unit} days but the period "${o.period}" it extends counts ${period.unit} days (rule ${rule.id}, ${rule.file}, outcomes[${rule.outcomes.indexOf(o)}].extension)`,
          ]);
        }
      }
      return problems;
    };
    for (const jurisdiction of settings) {
      for (const date of on) {
        const problems = problemsOn(date, jurisdiction);
        if (problems.length > 0) throw new RulePackError(rule.file, problems, rule.id);
      }
    }
  }
}
