import type { Grounds, TraceCondition } from '../assessment/types.js';
import type { Materialised, OutcomeList } from '../outcomes/materialiser.js';
import { materialisers } from '../outcomes/registry.js';

/** `fact` or `fact.path`, the key a fact read is shown under; made once per pair (the keys are few, the reads many). */
const factKeys = new Map<string, Map<string, string>>();
function factKey(fact: string, path: string | undefined): string {
  if (!path) return fact;
  let byPath = factKeys.get(fact);
  if (!byPath) factKeys.set(fact, (byPath = new Map()));
  let key = byPath.get(path);
  if (key === undefined) byPath.set(path, (key = `${fact}.${path}`));
  return key;
}

/** The fact values a rule's conditions read, keyed `fact` or `fact.path` (evaluated leaves only). */
export function factsSeen(condition: TraceCondition, out: Record<string, unknown> = {}): Record<string, unknown> {
  if ('all' in condition) for (const c of condition.all) factsSeen(c, out);
  else if ('any' in condition) for (const c of condition.any) factsSeen(c, out);
  else if ('not' in condition) factsSeen(condition.not, out);
  else if (condition.result !== null) {
    out[factKey(condition.fact, condition.path)] = condition.factValue;
    const ref = condition.value as { fact?: string; path?: string } | null;
    if (ref && typeof ref === 'object' && typeof ref.fact === 'string') {
      out[factKey(ref.fact, ref.path)] = condition.valueResolved;
    }
  }
  return out;
}

/** Unites two lists of organs (by id, or by role name where the directory lacks the organ), keeping first-seen order. */
function uniteOrgans(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const key = (o: unknown) => {
    const r = o as { id?: string | null; name?: string };
    return r.id ?? `~${r.name}`;
  };
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((o) => !seen.has(key(o)) && seen.add(key(o)))];
}

/** Unites two lists keeping first-seen order. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  // The lists are short (a rule's citations, the rules behind an item): a scan beats building a Set.
  const out: string[] = [];
  for (const x of a) if (!out.includes(x)) out.push(x);
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

/** Collects items per list, merging items with the same key, in the order rules fired. */
export class AssessmentBuilder {
  private readonly lists: Record<OutcomeList, Map<string, Grounds & Record<string, unknown>>> = {
    responsibilities: new Map(),
    obligations: new Map(),
    escalations: new Map(),
    actions: new Map(),
    findings: new Map(),
    guidance: new Map(),
  };

  /**
   * The basis and rules of each merged item, as lists the builder owns with a set beside each, so that
   * merging the n-th rule's item costs only its own citations: merging stays linear however many rules
   * yield one id (a scan per merge made it cubic).
   */
  private readonly grounds = new Map<object, { basis: { readonly list: string[]; readonly seen: Set<string> }; rules: { readonly list: string[]; readonly seen: Set<string> } }>();

  /** A list of the builder's own, deduplicated in first-seen order. */
  private static growing(xs: readonly string[]): { readonly list: string[]; readonly seen: Set<string> } {
    const seen = new Set(xs);
    return { list: [...seen], seen };
  }

  /** Appends to an owned list what it lacks of `xs`; returns the list. */
  private static grow(g: { readonly list: string[]; readonly seen: Set<string> }, xs: readonly string[]): string[] {
    for (const x of xs) if (!g.seen.has(x)) g.seen.add(x) && g.list.push(x);
    return g.list;
  }

  add(list: OutcomeList, { key, item }: Materialised): void {
    const map = this.lists[list];
    const existing = map.get(key);
    if (!existing) {
      map.set(key, item);
      return;
    }
    const owned = this.grounds.get(existing) ?? { basis: AssessmentBuilder.growing(existing.basis), rules: AssessmentBuilder.growing(existing.rules) };
    const merged = {
      // The first rule's fields stand; a field only a later rule gives (an organ, say) is kept too.
      ...item,
      ...existing,
      basis: AssessmentBuilder.grow(owned.basis, item.basis),
      rules: AssessmentBuilder.grow(owned.rules, item.rules),
      facts: { ...existing.facts, ...item.facts },
      ...(Array.isArray(existing.recipients) && Array.isArray(item.recipients) ? { recipients: uniteOrgans(existing.recipients, item.recipients) } : {}),
    };
    this.grounds.delete(existing);
    this.grounds.set(merged, owned);
    map.set(key, merged);
  }

  items(list: OutcomeList): Array<Grounds & Record<string, unknown>> {
    return [...this.lists[list].values()];
  }

  /** The `outcomes` stage fact: for each kind, the ids yielded so far (`outcomes.guidance.pending-below`). */
  outcomesFact(): Record<string, Record<string, true>> {
    const out: Record<string, Record<string, true>> = {};
    for (const [kind, m] of Object.entries(materialisers)) {
      const ids: Record<string, true> = {};
      for (const item of this.lists[m.list].values()) ids[String(item[m.idField])] = true;
      out[kind] = ids;
    }
    return out;
  }
}
